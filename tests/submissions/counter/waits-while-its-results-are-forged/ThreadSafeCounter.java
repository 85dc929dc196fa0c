// A counter whose increment() waits forever, so that a check runs long enough for GraderTest to append a result of
// its own to that check JVM's events file - as code that the grader's scan (ForbiddenApis) missed would. The grader
// must see that the line is not signed with the JVM's key, and trust none of that JVM's results.
package counter;

public final class ThreadSafeCounter {
    /** How GraderTest tells this grading's compiled class from others running at the same time. */
    public static final String MARK = "waits-while-its-results-are-forged";

    private int count;

    public void increment() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        count++;
    }

    public int value() {
        return count;
    }
}
