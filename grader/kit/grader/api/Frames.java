package kit.grader.api;

/**
 * Stack frames as a learner reads them: {@code counter.ThreadSafeCounter.value(ThreadSafeCounter.java:14)}; and which
 * frames are the learner's.
 */
public final class Frames {
    private static final String CHECKS = "kit.checks.";

    private Frames() {}

    public static String format(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "native method"
                : frame.getFileName() == null ? "unknown source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber()
                : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    /** The frame's method without its line: {@code counter.ThreadSafeCounter.value()}. */
    public static String method(StackTraceElement frame) {
        return frame.getClassName() + "." + frame.getMethodName() + "()";
    }

    /**
     * The one way a helper finds the learner's package, so that its thread dumps show the learner's frames: the package
     * of the check that called the helper calling this (the nearest {@code kit.checks} frame), whose checks live in
     * {@code kit.checks.<package>} and the learner's class in {@code <package>} ({@code kit.checks.queue} and
     * {@code queue}). Checks never pass the package themselves.
     */
    static String learnerPackageOfCaller() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(frame -> frame.getDeclaringClass().getPackageName())
                        .filter(name -> name.startsWith(CHECKS)).findFirst())
                .map(name -> name.substring(CHECKS.length()).replaceFirst("\\..*", ""))
                .orElseThrow(() -> new IllegalStateException("a kit.grader helper was called outside kit.checks.*"));
    }
}
