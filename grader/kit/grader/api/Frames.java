package kit.grader.api;

/** Stack frames as a learner reads them: {@code counter.ThreadSafeCounter.value(ThreadSafeCounter.java:14)}. */
public final class Frames {
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
}
