package kit.grader.host;

/** One check found in grader/checks/&lt;id&gt;/: a JUnit {@code @Test} method, its words and its points. */
record Check(String className, String methodName, String name, int points, int timeLimitSeconds,
        int cpuLimitSeconds) {

    /** How the grader and its child JVM name this check to each other. */
    String key() {
        return className + "#" + methodName;
    }
}
