package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./jbang watch}, driven as a learner would through its keyboard input: it starts at the first exercise
 * without full marks, grades it, shows a hint on h, notices a save (cancelling the grading in progress), records
 * full marks and moves on; q and Ctrl-C (SIGINT) end it with no check JVM left behind; with --poll (no file
 * events) it notices a save too. Uses the two fastest exercises (stop-flag, parallel-map).
 */
class WatchTest {
    private static final Duration GRADING = Duration.ofMinutes(2);
    private final LearnerCopy learner = LearnerCopy.create();
    private Watched watch;

    @AfterEach
    void stop() {
        if (watch != null) {
            watch.process.descendants().forEach(ProcessHandle::destroyForcibly);
            watch.process.destroyForcibly();
        }
        learner.delete();
    }

    @Test
    void gradesNoticesASaveMovesOnAtFullMarksAndQuitsLeavingNoProcess() throws Exception {
        Files.writeString(learner.root().resolve(".kit-progress"), String.join("\n", "counter done 10/10",
                "atomic-int done 14/14", "list done 18/18", "queue done 25/25", "bounded-buffer done 23/23") + "\n");
        int full = Exercises.points("stop-flag");
        watch = Watched.start(learner, "watch");
        watch.await("=== Exercise 6 of 7: stop-flag", GRADING);
        watch.await("stop-flag: 0/" + full + " points", GRADING);
        watch.await("./jbang grade stop-flag --hint", GRADING);
        assertTrue(watch.output().contains("[FAIL]"), watch.output());

        watch.type("h");
        watch.await("Hint 1 of ", GRADING);

        watch.type("r");
        watch.awaitCount("Grading stop-flag...", 2, GRADING);
        learner.solve("stop-flag", "StoppableWorker"); // saved while the grading runs
        watch.await("Saved again: the grading in progress is cancelled", GRADING);
        watch.await("stop-flag: " + full + "/" + full + " points - full marks", GRADING);
        String afterSave = watch.output().substring(watch.output().indexOf("Saved again"));
        assertFalse(afterSave.contains("stop-flag: 0/" + full + " points"),
                "the cancelled grading shows no result\n" + watch.output());
        watch.await("=== Exercise 7 of 7: parallel-map", GRADING);
        assertTrue(learner.read(learner.root().resolve(".kit-progress"))
                .contains("stop-flag done " + full + "/" + full));

        List<ProcessHandle> checkJvms = watch.awaitChildren(GRADING);
        watch.type("q");
        assertTrue(watch.process.waitFor(30, TimeUnit.SECONDS), "q ends watch\n" + watch.output());
        assertEquals(0, watch.process.exitValue(), watch.output());
        assertNoneAlive(checkJvms);
    }

    @Test
    void pollingNoticesASaveAndCtrlCDuringAGradingLeavesNoProcessBehind() throws Exception {
        watch = Watched.start(learner, "watch", "parallel-map", "--poll");
        watch.await("looking for saves every half second", GRADING);
        watch.await("Grading parallel-map...", GRADING);
        var file = learner.exerciseFile("parallel-map", "ParallelExecutor");
        Files.writeString(file, learner.read(file) + "\n// still thinking\n");
        watch.await("Saved again: the grading in progress is cancelled", GRADING);
        watch.awaitCount("Grading parallel-map...", 2, GRADING);
        List<ProcessHandle> checkJvms = watch.awaitChildren(GRADING);
        Process interrupt = new ProcessBuilder("kill", "-INT", String.valueOf(watch.process.pid())).start();
        assertEquals(0, interrupt.waitFor());
        assertTrue(watch.process.waitFor(30, TimeUnit.SECONDS), "Ctrl-C ends watch\n" + watch.output());
        assertNoneAlive(checkJvms);
    }

    private static void assertNoneAlive(List<ProcessHandle> processes) {
        for (ProcessHandle process : processes) {
            process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join();
            assertFalse(process.isAlive(), "a check JVM outlived watch: " + process.info());
        }
    }

    /** A running watch: its input, and everything it printed so far. */
    private record Watched(Process process, OutputStream keys, StringBuffer printed) {
        static Watched start(LearnerCopy learner, String... args) throws IOException {
            Process process = new ProcessBuilder(learner.command(args)).directory(learner.root().toFile())
                    .redirectErrorStream(true).start();
            StringBuffer printed = new StringBuffer();
            Thread reader = new Thread(() -> copy(process.getInputStream(), printed));
            reader.setDaemon(true);
            reader.start();
            return new Watched(process, process.getOutputStream(), printed);
        }

        private static void copy(InputStream in, StringBuffer printed) {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    printed.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        String output() {
            return printed.toString();
        }

        void type(String line) throws IOException {
            keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        void await(String text, Duration timeout) throws InterruptedException {
            awaitCount(text, 1, timeout);
        }

        void awaitCount(String text, int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (occurrences(text) < count) {
                if (System.nanoTime() > deadline || !process.isAlive() && occurrences(text) < count) {
                    Thread.sleep(200); // the last output may still be on its way
                    if (occurrences(text) >= count) {
                        return;
                    }
                    fail("watch did not print '" + text + "' (" + count + "x)" + (process.isAlive() ? ""
                            : ", it ended with " + process.exitValue()) + "\n--- output ---\n" + output());
                }
                Thread.sleep(50);
            }
        }

        private int occurrences(String text) {
            String all = output();
            int n = 0;
            for (int i = all.indexOf(text); i >= 0; i = all.indexOf(text, i + 1)) {
                n++;
            }
            return n;
        }

        /** The check JVMs of the grading in progress, once there is one. */
        List<ProcessHandle> awaitChildren(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                List<ProcessHandle> children = process.descendants().toList();
                if (!children.isEmpty()) {
                    return children;
                }
                Thread.sleep(20);
            }
            return fail("no check JVM started\n" + output());
        }
    }
}
