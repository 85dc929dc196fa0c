///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+

// Mutual exclusion between PROCESSES with FileLock - Java's counterpart of Python's multiprocessing.Lock.
//
// Run:  ./jbang 2d-process-file-lock                          (4 processes x 20,000 increments)
//       ./jbang 2d-process-file-lock <processes> <increments-per-process>
//
// The script starts child JVMs (this same script, in child mode). Each one increments a counter stored as text in
// one shared file: read the number, add one, write it back. It does that twice: first with no lock, then holding a
// FileLock on the file around each read-add-write.
//
// You will see, for each run ("without a lock:", then "with FileLock:"), the expected count, the count in the file
// and how many increments were lost: without the lock, processes overwrite each other's increments (how many varies
// from run to run); with the lock, the count is exact on every run.
//
// Why a file: Python's multiprocessing.Lock is an OS semaphore that the parent hands down to its child processes.
// Java cannot fork; separate JVMs share nothing but what the OS gives them - here a file, whose lock the OS grants to
// one process at a time.
// FileLock is for processes, not threads: it is held on behalf of the whole JVM, so a second thread of the same JVM
// that asks for an overlapping lock gets OverlappingFileLockException instead of waiting. Between threads, use a
// lock object (ThreadSafeCounter).

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

public class ProcessFileLock {
    /** The counter is kept as a fixed-width decimal number, so every write overwrites all of the previous one. */
    private static final int WIDTH = 20;
    private static final String CHILD_MODE = "--child";

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals(CHILD_MODE)) {
            runChild(Path.of(args[1]), Integer.parseInt(args[2]), Boolean.parseBoolean(args[3]));
            return;
        }
        if (!String.join(" ", args).matches("|[1-9]\\d{0,2} [1-9]\\d{0,8}")) { // no arguments, or two positive counts
            System.err.println("usage: ./jbang 2d-process-file-lock [<processes> <increments-per-process>]");
            System.exit(2);
        }
        int processes = args.length == 2 ? Integer.parseInt(args[0]) : 4;
        int increments = args.length == 2 ? Integer.parseInt(args[1]) : 20_000;

        System.out.printf("%d processes x %,d increments of a counter in one shared file, expected %,d%n", processes,
                increments, (long) processes * increments);
        for (boolean locked : new boolean[] {false, true}) {
            long count = runProcesses(processes, increments, locked);
            System.out.printf("%-16s count in file %,10d   lost %,10d%n", locked ? "with FileLock:" : "without a lock:",
                    count, (long) processes * increments - count);
        }
    }

    /** Starts the children, lets them all begin at once, waits for them and returns the count they left. */
    private static long runProcesses(int processes, int increments, boolean locked) throws Exception {
        Path file = Files.createTempFile("shared-counter", ".txt");
        try {
            write(file, 0);
            String javaBin = ProcessHandle.current().info().command().orElse("java");
            List<Process> children = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                children.add(new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                        ProcessFileLock.class.getName(), CHILD_MODE, file.toString(), String.valueOf(increments),
                        String.valueOf(locked)).redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            // A JVM takes a while to start: wait until every child is ready, then say "go" to all, so they overlap.
            for (Process child : children) {
                String line = new BufferedReader(new InputStreamReader(child.getInputStream())).readLine();
                if (!"ready".equals(line)) {
                    throw new IllegalStateException("a child process did not start: " + line);
                }
            }
            for (Process child : children) {
                OutputStream go = child.getOutputStream();
                go.write("go\n".getBytes(StandardCharsets.US_ASCII));
                go.flush();
            }
            for (Process child : children) {
                if (!child.waitFor(2, TimeUnit.MINUTES) || child.exitValue() != 0) {
                    children.forEach(Process::destroyForcibly);
                    throw new IllegalStateException("a child process failed or hung");
                }
            }
            return read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void runChild(Path file, int increments, boolean locked) throws IOException {
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine(); // "go"
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            for (int i = 0; i < increments; i++) {
                if (locked) {
                    try (FileLock lock = channel.lock()) { // blocks until no other process holds it
                        incrementOnce(channel);
                    }
                } else {
                    incrementOnce(channel);
                }
            }
        }
    }

    /** Read, add one, write back: three steps another process can come between, unless it is locked out. */
    private static void incrementOnce(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(WIDTH);
        channel.read(buffer, 0);
        long value = Long.parseLong(new String(buffer.array(), StandardCharsets.US_ASCII).trim());
        channel.write(ByteBuffer.wrap(format(value + 1)), 0);
    }

    private static void write(Path file, long value) throws IOException {
        Files.write(file, format(value));
    }

    private static long read(Path file) throws IOException {
        return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
    }

    private static byte[] format(long value) {
        return String.format("%" + WIDTH + "d", value).getBytes(StandardCharsets.US_ASCII);
    }
}
