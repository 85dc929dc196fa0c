package kit.grader;

/** Something is wrong with the grader or its installation, not with the learner's code. */
final class GraderException extends RuntimeException {
    GraderException(String message) {
        super(message);
    }
}
