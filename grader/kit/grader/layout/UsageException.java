package kit.grader.layout;

/** The grader was called wrongly (arguments, working directory): one line for the user, exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
