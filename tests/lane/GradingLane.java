package kit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A grader process that takes one grading after another, for GraderTest (tests/src/test/java/kit/GradingLanes.java
 * starts it inside the grader's script: {@code ./jbang run --sources tests/lane/GradingLane.java --main
 * kit.GradingLane grader/Grade.java MARK}). Each line on its standard input holds the arguments of one
 * {@code ./jbang grade ...}, tab-separated; the grading runs through the grader's own entry point and prints what
 * {@code ./jbang grade} prints, and then this class prints {@code MARK <exit code>} on a line of its own. A grading
 * here is the same grading - its own compile into a new folder, every check in check JVMs of its own - without what
 * a new process costs each time (JBang, the grader's JVM, a cold javac).
 */
public final class GradingLane {
    private GradingLane() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: GradingLane MARK   (then one grading's arguments a line, tab-separated)");
            System.exit(2);
        }
        BufferedReader gradings = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String grading; (grading = gradings.readLine()) != null; ) {
            int exitCode;
            try {
                exitCode = kit.grader.cli.Main.run(grading.isEmpty() ? new String[0] : grading.split("\t"));
            } catch (RuntimeException | Error e) { // what would end ./jbang grade with a stack trace and exit code 1
                e.printStackTrace();
                exitCode = 1;
            }
            System.err.flush();
            System.out.println(args[0] + " " + exitCode);
            System.out.flush();
        }
    }
}
