package kit.grader.host;

/** The verdict of one check: its name, the points it earned out of its maximum, and what the learner should read. */
public record CheckResult(String name, int score, int maxScore, boolean passed, String output) {

    static CheckResult passed(String name, int points) {
        return new CheckResult(name, points, points, true, "");
    }

    public static CheckResult failed(String name, int points, String output) {
        return new CheckResult(name, 0, points, false, output);
    }

    /** A check that could not run here (e.g. a jcstress test with more threads than this machine has CPUs). */
    public static CheckResult skipped(String name, int points, String why) {
        return new CheckResult(name, 0, points, false, SKIPPED + why);
    }

    private static final String SKIPPED = "skipped: ";

    /** Skipped checks earn no points, like failed ones, but the console marks them SKIP, not FAIL. */
    public boolean skipped() {
        return !passed && output.startsWith(SKIPPED);
    }
}
