package kit.grader;

/** The grader was called wrongly (arguments, working directory): one line for the user, exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
