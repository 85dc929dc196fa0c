///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//DEPS org.junit.platform:junit-platform-launcher:1.14.1
//DEPS org.junit.jupiter:junit-jupiter:5.14.1
//DEPS org.jetbrains.lincheck:lincheck:3.7
//DEPS org.openjdk.jcstress:jcstress-core:0.16
// jcstress-core asks for ASM 9.0, and dependency resolution would give Lincheck that one too: too old for JDK 25's
// class files: with it, Lincheck's model checks gave an unguarded counter full marks. Lincheck's own ASM wins here.
//DEPS org.ow2.asm:asm:9.9.1
//DEPS org.ow2.asm:asm-analysis:9.9.1
//DEPS org.ow2.asm:asm-commons:9.9.1
//DEPS org.ow2.asm:asm-tree:9.9.1
//DEPS org.ow2.asm:asm-util:9.9.1
//SOURCES kit/grader/api/*.java
//SOURCES kit/grader/runner/*.java
//SOURCES kit/grader/race/*.java kit/grader/instrument/*.java
//SOURCES kit/grader/host/*.java
//SOURCES kit/grader/layout/*.java
//SOURCES kit/grader/report/*.java
//SOURCES kit/grader/cli/*.java
//SOURCES kit/grader/stress/*.java
//MAIN Grade
// No //CDS: ./jbang starts this JVM from a class cache trained on a grading's compile (kit.grader.host.GraderTraining);
// JBang's archive would hold whatever ran first, often only --help, and a JVM takes one archive.
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off

/**
 * The kit's grader: checks a learner's thread-safe classes on the learner's own machine and explains every verdict.
 *
 * <pre>
 *   ./jbang grade counter              grades exercises/counter
 *   ./jbang grade                      grades every exercise of exercises/exercises.toml
 *   ./jbang grade counter --hint       prints the exercise's hints
 *   ./jbang grade --solutions          grades the reference solutions instead
 *   ./jbang grade counter --dir DIR    grades the files in DIR as the counter exercise
 *   ./jbang grade counter --json FILE  also writes Gradescope's results.json
 *   ./jbang grade counter --classroom  also reports to GitHub Classroom's autograding reporter
 *   ./jbang watch [counter]            grades on every save, from the first exercise without full marks
 *   ./jbang progress                   each exercise: done, started or not started, and the next one
 *   ./jbang reset counter              puts the starter file back (yours goes to backups/)
 * </pre>
 *
 * Exit code 0 only with full marks, 1 otherwise, 2 for bad arguments, 3 when the grader itself is broken.
 * See grader/README.md for how the checks are written and run.
 */
public class Grade {
    public static void main(String[] args) {
        System.exit(kit.grader.cli.Main.run(args));
    }
}
