package kit.grader.api;

/**
 * The one way a helper finds the learner's package, so that thread dumps show the learner's frames: the checks of an
 * exercise live in {@code kit.checks.<package>} and the learner's class in {@code <package>} (for example
 * {@code kit.checks.queue} and {@code queue}). Checks never pass the package themselves.
 */
final class LearnerPackage {
    private static final String CHECKS = "kit.checks.";

    private LearnerPackage() {}

    /**
     * The learner's package of the check that called the helper calling this (the nearest {@code kit.checks}
     * frame).
     */
    static String ofCaller() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(frame -> frame.getDeclaringClass().getPackageName())
                        .filter(name -> name.startsWith(CHECKS)).findFirst())
                .map(name -> name.substring(CHECKS.length()).replaceFirst("\\..*", ""))
                .orElseThrow(() -> new IllegalStateException("a kit.grader helper was called outside kit.checks.*"));
    }
}
