package kit.grader.host;

import kit.grader.layout.GraderException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the checking JVMs start: as which user, from which class path, with which class archive. With
 * {@code KIT_GRADER_RUN_AS=<user>} in the environment (a course's autograder, run as root), the learner's code runs
 * as that unprivileged user: it can read the grader's classes but write nothing of the grader's, not its results
 * and not the kit. Otherwise it runs as the grader's own user, and starts faster from a {@link ClassArchive}.
 */
final class CheckJvmCommand {
    static final String RUN_AS = "KIT_GRADER_RUN_AS";

    private final UserPrincipal user;
    private final String classPath;
    private final List<String> archiveFlags;

    private CheckJvmCommand(UserPrincipal user, String classPath, List<String> archiveFlags) {
        this.user = user;
        this.classPath = classPath;
        this.archiveFlags = archiveFlags;
    }

    /** The launch for check JVMs whose files live in {@code workDir}. */
    static CheckJvmCommand in(Path workDir) {
        String graderClassPath = CheckJvmClasses.classPath(System.getProperty("java.class.path"));
        String name = System.getenv(RUN_AS);
        if (name == null || name.isBlank()) {
            return new CheckJvmCommand(null, graderClassPath, ClassArchive.flags(graderClassPath));
        }
        try {
            UserPrincipal user = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name);
            Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path lib = Files.createDirectory(workDir.resolve("lib"));
            return new CheckJvmCommand(user, readableCopy(graderClassPath, lib),
                    List.of());
        } catch (UserPrincipalNotFoundException e) {
            throw new GraderException(RUN_AS + "=" + name + ": there is no such user");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What comes before {@code java} in the command: nothing, or switching to the unprivileged user. */
    List<String> commandPrefix() {
        return user == null ? List.of() : List.of("runuser", "-u", user.getName(), "--");
    }

    String classPath() {
        return classPath;
    }

    List<String> archiveFlags() {
        return archiveFlags;
    }

    /** Creates {@code file}, empty, so that the checking JVM can write it (and, of the grader's files, only it). */
    Path writableFile(Path file) {
        return handedOver(file, false);
    }

    /** Creates the folder {@code dir}, empty, so that the checking JVM can write files in it. */
    Path writableDir(Path dir) {
        return handedOver(dir, true);
    }

    private Path handedOver(Path path, boolean folder) {
        try {
            if (folder) {
                Files.createDirectory(path);
            } else {
                Files.createFile(path);
            }
            if (user != null) {
                Files.setOwner(path, user);
            }
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The grader's class path with every jar linked (or copied) into {@code lib}, a folder the unprivileged user can
     * read: the jars' own folders (a home folder, a Maven repository) may be closed to other users.
     */
    private static String readableCopy(String classPath, Path lib) throws IOException {
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.isRegularFile(source)) {
                entries.add(entry);
                continue;
            }
            Path target = lib.resolve(index++ + "-" + source.getFileName());
            if (!linked(target, source)) {
                Files.copy(source, target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
            }
            entries.add(target.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** A hard link is enough (and costs nothing) when everyone may read the jar itself. */
    private static boolean linked(Path target, Path source) {
        try {
            if (!Files.getPosixFilePermissions(source).contains(PosixFilePermission.OTHERS_READ)) {
                return false;
            }
            Files.createLink(target, source);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
