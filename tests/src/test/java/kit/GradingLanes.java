package kit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gradings for GraderTest, at most {@code workers} at once: each worker thread keeps one grader process, a lane
 * (tests/lane/GradingLane.java), and hands it one grading after another, so a grading does not pay for starting
 * JBang, the grader's JVM and javac again. A grading that takes longer than its time limit stops its lane (the
 * process and its check JVMs); the worker's next grading starts a new one. {@link #process} runs a command as a
 * process of its own on the same workers, for tests about what a learner's own {@code ./jbang grade} does.
 */
final class GradingLanes implements AutoCloseable {
    private static final String MARK = "grading-lane-done"; // a plain word: JBang reads an argument "@..." as a file
    private static final List<String> LANE_SCRIPT = List.of("--sources",
            Kit.DIR.resolve("tests/lane/GradingLane.java").toString(), "--main", "kit.GradingLane",
            Kit.DIR.resolve("grader/Grade.java").toString());
    private static boolean built;

    private final ExecutorService workers;
    private final ThreadLocal<Lane> lane = new ThreadLocal<>();
    private final List<Lane> started = Collections.synchronizedList(new ArrayList<>());

    GradingLanes(int workers) {
        this.workers = Executors.newFixedThreadPool(workers);
    }

    /** What a grading printed, and how long it took (from its start, not from when it was asked for). */
    record Done(Kit.Run run, Duration took) {}

    /** A grading ({@code args} as after {@code ./jbang grade}) in this worker's lane, at most {@code timeout} long. */
    Future<Done> grade(Duration timeout, List<String> args) {
        return workers.submit(() -> {
            Lane mine = lane.get();
            if (mine == null || !mine.process.isAlive()) {
                mine = Lane.start();
                started.add(mine);
                lane.set(mine);
            }
            long start = System.nanoTime();
            Kit.Run run = mine.grade(timeout, args);
            return new Done(run, Duration.ofNanos(System.nanoTime() - start));
        });
    }

    /** {@code ./jbang args...} as a process of its own, on one of the workers. */
    Future<Done> process(Duration timeout, String... args) {
        return workers.submit(() -> {
            long start = System.nanoTime();
            Kit.Run run = Kit.jbang(timeout, args);
            return new Done(run, Duration.ofNanos(System.nanoTime() - start));
        });
    }

    @Override
    public void close() {
        workers.shutdownNow();
        started.forEach(Lane::close);
    }

    /** One grader process taking gradings on its standard input; its stderr goes to a file read per grading. */
    private record Lane(Process process, Writer in, BufferedReader out, Path err) {
        static Lane start() throws IOException {
            buildOnce();
            Path err = Files.createTempFile("grading-lane", ".err");
            List<String> command = new ArrayList<>(List.of(Kit.DIR.resolve("jbang").toString(), "run"));
            command.addAll(LANE_SCRIPT);
            command.add(MARK);
            Process process = new ProcessBuilder(command).directory(Kit.DIR.toFile())
                    .redirectError(err.toFile()).start();
            return new Lane(process, process.outputWriter(StandardCharsets.UTF_8),
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), err);
        }

        /** Builds the lane's jar before the first lane starts: two JBang runs building one script at once clash. */
        private static synchronized void buildOnce() {
            if (!built) {
                List<String> build = new ArrayList<>(List.of("build"));
                build.addAll(LANE_SCRIPT);
                Kit.Run run = Kit.jbang(Duration.ofMinutes(5), build.toArray(String[]::new));
                if (run.exitCode() != 0) {
                    throw new AssertionError("could not build the grading lane\n" + run.describe());
                }
                built = true;
            }
        }

        Kit.Run grade(Duration timeout, List<String> args) throws IOException {
            List<String> command = new ArrayList<>(List.of("(lane " + process.pid() + ")", "./jbang", "grade"));
            command.addAll(args);
            if (args.stream().anyMatch(arg -> arg.contains("\t") || arg.contains("\n"))) {
                throw new IllegalArgumentException("a lane takes no tab or line break in an argument: " + args);
            }
            long errFrom = Files.size(err);
            AtomicBoolean done = new AtomicBoolean();
            AtomicBoolean timedOut = new AtomicBoolean();
            CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (!done.get()) {
                    timedOut.set(true);
                    stop();
                }
            });
            in.write(String.join("\t", args) + "\n");
            in.flush();
            StringBuilder stdout = new StringBuilder();
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith(MARK + " ")) {
                        int exitCode = Integer.parseInt(line.substring(MARK.length() + 1).strip());
                        return new Kit.Run(command, exitCode, stdout.toString(), stderrSince(errFrom));
                    }
                    stdout.append(line).append('\n');
                }
            } finally {
                done.set(true);
            }
            throw new AssertionError(String.join(" ", command) + (timedOut.get() ? " did not finish within "
                    + timeout + " (its lane was stopped)" : ": its lane ended") + "\n--- stdout ---\n"
                    + stdout + "\n--- stderr ---\n" + stderrSince(errFrom));
        }

        private String stderrSince(long from) {
            try {
                byte[] all = Files.readAllBytes(err);
                return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Ends the lane: its input closed, it returns after the grading in progress, if any (or is stopped). */
        void close() {
            try {
                in.close();
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                // stopped below all the same
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop();
            try {
                Files.deleteIfExists(err);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }

        /** Stops the lane's process and its check JVMs at once. */
        void stop() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
