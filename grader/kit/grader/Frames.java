package kit.grader;

/** Stack frames as a learner reads them: {@code counter.ThreadSafeCounter.value(ThreadSafeCounter.java:14)}. */
final class Frames {
    private Frames() {}

    static String format(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "native method"
                : frame.getFileName() == null ? "unknown source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber()
                : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }
}
