package kit.grader.layout;

import java.util.Optional;

/**
 * One graded exercise, as exercises/exercises.toml lists it: its id (the folder of its files), the class the learner
 * writes, its package, and the rule of its README that is checked by reading the source, if it has one.
 */
public record Exercise(String id, String className, String packageName, Optional<Rule> rule) {

    /** The name of the learner's file: {@code <Class>.java}. */
    public String fileName() {
        return className + ".java";
    }
}
