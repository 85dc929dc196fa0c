package kit.grader.cli;

import kit.grader.layout.UsageException;

/** The one place where an error of the kit's commands becomes its one-line message and exit code. */
final class ErrorExit {
    private ErrorExit() {}

    /** Prints "error: ..." for a {@link UsageException} (exit code 2), else "grader error: ..." (exit code 3). */
    static int report(Throwable error) {
        boolean usage = error instanceof UsageException;
        System.err.println((usage ? "error: " : "grader error: ") + error.getMessage());
        return usage ? 2 : 3;
    }
}
