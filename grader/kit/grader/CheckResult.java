package kit.grader;

/** The verdict of one check: its name, the points it earned out of its maximum, and what the learner should read. */
public record CheckResult(String name, int score, int maxScore, boolean passed, String output) {

    static CheckResult passed(String name, int points) {
        return new CheckResult(name, points, points, true, "");
    }

    static CheckResult failed(String name, int points, String output) {
        return new CheckResult(name, 0, points, false, output);
    }
}
