package kit.grader.host;

import kit.grader.layout.Exercise;
import java.util.List;

/** How one exercise fared: every check's result, and a problem that stopped all checks (e.g. a compile error). */
public record ExerciseResult(Exercise exercise, String source, List<CheckResult> checks, String problem) {

    public int score() {
        return checks.stream().mapToInt(CheckResult::score).sum();
    }

    public int maxScore() {
        return checks.stream().mapToInt(CheckResult::maxScore).sum();
    }

    public boolean fullMarks() {
        return score() == maxScore() && problem.isEmpty();
    }
}
