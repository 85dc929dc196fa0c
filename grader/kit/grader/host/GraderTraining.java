package kit.grader.host;

import kit.grader.layout.Exercise;
import kit.grader.layout.KitLayout;
import java.util.List;

/**
 * The training run for the grader JVM's own class cache, which {@code ./jbang} makes once per grader and JDK (JDK
 * 25's AOT cache, a class-data-sharing archive before): everything a grading does before its first check JVM starts
 * - reading the exercises, javac compiling a solution with its checks, the scan for forbidden APIs, finding the
 * checks - so that the classes of javac and of the grader are loaded and linked from the cache in every grading.
 */
public final class GraderTraining {
    private GraderTraining() {}

    public static void main(String[] args) {
        KitLayout paths = KitLayout.find();
        Exercise exercise = paths.exercises().getFirst();
        new ExerciseGrader(paths, List.of()).prepare(exercise, paths.solutionDir(exercise));
    }
}
