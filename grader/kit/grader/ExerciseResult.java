package kit.grader;

import java.util.List;

/** How one exercise fared: every check's result, and a problem that stopped all checks (e.g. a compile error). */
record ExerciseResult(Exercise exercise, String source, List<CheckResult> checks, String problem) {

    int score() {
        return checks.stream().mapToInt(CheckResult::score).sum();
    }

    int maxScore() {
        return checks.stream().mapToInt(CheckResult::maxScore).sum();
    }

    boolean fullMarks() {
        return score() == maxScore() && problem.isEmpty();
    }
}
