package kit.grader.cli;

import kit.grader.layout.UsageException;

/**
 * Where an error that ends a command becomes its one-line message and exit code. An error confined to one
 * exercise's grading ends only that grading: {@link GradeCommand} and {@link Watch} print it in the exercise's own
 * section ("grader error: ...") and go on with the others.
 */
final class ErrorExit {
    private ErrorExit() {}

    /** Prints "error: ..." for a {@link UsageException} (exit code 2), else "grader error: ..." (exit code 3). */
    static int report(Throwable error) {
        boolean usage = error instanceof UsageException;
        System.err.println((usage ? "error: " : "grader error: ") + error.getMessage());
        return usage ? 2 : 3;
    }
}
