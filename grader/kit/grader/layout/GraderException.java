package kit.grader.layout;

/** Something is wrong with the grader or its installation, not with the learner's code. */
public final class GraderException extends RuntimeException {
    public GraderException(String message) {
        super(message);
    }
}
