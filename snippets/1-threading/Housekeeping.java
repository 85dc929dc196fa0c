///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+

// The chapter's housekeeping job as its own process, not as a background thread inside a microservice: one
// housekeeping pass - delete the files in a directory that are older than N days - and exit. A scheduler starts it
// again next time: Kubernetes with housekeeping-cronjob.yaml (beside this file), or cron, or you.
//
// Run:   ./jbang 1d-housekeeping <directory> [--older-than-days N, default 7] [--dry-run]
//        ./jbang 1d-housekeeping /tmp/exports --older-than-days 30 --dry-run     (lists, deletes nothing)
//        java snippets/1-threading/Housekeeping.java /tmp/exports                (plain java runs it too: one file,
//                                                                                 no dependencies - the CronJob does)
// You will see:
//        one line per old file (deleted <name>, or with --dry-run would delete <name>) and a summary line, "<old>
//        of <all> file(s) older than <days> days ..., <kept> kept".
//        Only regular files directly in the directory count; subdirectories and links are left alone.
// Varies: nothing but what is in the directory. Exit code 0 when done, 1 if a file could not be deleted, 2 on bad
// arguments or a directory that does not exist.

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

public class Housekeeping {
    private static final String USAGE = "usage: ./jbang 1d-housekeeping <directory> [--older-than-days N] [--dry-run]";

    private record Options(Path directory, int olderThanDays, boolean dryRun) {}

    public static void main(String[] args) throws IOException {
        Options options = parse(args);
        Instant cutoff = Instant.now().minus(Duration.ofDays(options.olderThanDays()));
        List<Path> files;
        try (Stream<Path> entries = Files.list(options.directory())) {
            files = entries.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }

        int old = 0;
        int failed = 0;
        for (Path file : files) {
            FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
            if (!modified.toInstant().isBefore(cutoff)) {
                continue;
            }
            old++;
            long ageDays = Duration.between(modified.toInstant(), Instant.now()).toDays();
            if (options.dryRun()) {
                System.out.println("would delete " + file.getFileName() + " (" + ageDays + " days old)");
                continue;
            }
            try {
                Files.delete(file);
                System.out.println("deleted " + file.getFileName() + " (" + ageDays + " days old)");
            } catch (IOException e) {
                failed++;
                System.err.println("error: could not delete " + file + ": " + e.getMessage());
            }
        }
        System.out.printf("%s%s: %d of %d file(s) older than %d days %s, %d kept%n",
                options.dryRun() ? "dry run of housekeeping in " : "housekeeping in ", options.directory(), old,
                files.size(), options.olderThanDays(), options.dryRun() ? "would be deleted (nothing deleted)"
                        : "deleted", files.size() - old);
        System.exit(failed == 0 ? 0 : 1);
    }

    private static Options parse(String[] args) {
        Path directory = null;
        int olderThanDays = 7;
        boolean dryRun = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dry-run" -> dryRun = true;
                    case "--older-than-days" -> olderThanDays = Integer.parseInt(args[++i]);
                    default -> {
                        if (args[i].startsWith("--") || directory != null) {
                            throw new IllegalArgumentException();
                        }
                        directory = Path.of(args[i]);
                    }
                }
            }
        } catch (RuntimeException badArgument) {
            usageError(USAGE);
        }
        if (directory == null || olderThanDays < 0) {
            usageError(USAGE);
        }
        if (!Files.isDirectory(directory)) {
            usageError("error: not a directory: " + directory);
        }
        return new Options(directory, olderThanDays, dryRun);
    }

    private static void usageError(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
