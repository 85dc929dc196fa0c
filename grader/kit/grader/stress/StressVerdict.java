package kit.grader.stress;

import kit.grader.host.CheckResult;
import java.util.List;

/** Turns what jcstress reported for one stress test into the check's result and the learner's explanation. */
final class StressVerdict {
    private static final String LEGEND = "Acceptable: an outcome some order of the calls gives. Forbidden: one that "
            + "no order of the calls gives - the calls overlapped. Interesting: allowed, but worth a look.";
    private static final int MAX_MESSAGE_LINES = 12;

    private StressVerdict() {}

    static CheckResult of(StressTestSource test, JcstressRun.Report report, String reportDir) {
        String table = String.join("\n", report.table().stream().map(String::stripTrailing).toList());
        String machine = "On " + JcstressMachine.describe() + "; jcstress's report: " + reportDir
                + "/index.html";
        return switch (report.verdict()) {
            case "OK" -> new CheckResult(test.name(), test.points(), test.points(), true, machine + "\n" + table);
            case "FAILED" -> CheckResult.failed(test.name(), test.points(), "jcstress saw a FORBIDDEN outcome: "
                    + "results that no order of these calls can give, so the calls overlapped and broke each other "
                    + "(counts per outcome, in " + "all trials on fresh objects):\n" + table + "\n" + LEGEND + "\n"
                    + machine);
            default -> CheckResult.failed(test.name(), test.points(), "jcstress could not finish this test ("
                    + report.verdict() + ")" + (report.messages().isEmpty() ? "." : "; it said:\n" + String.join("\n",
                    report.messages().subList(0, Math.min(MAX_MESSAGE_LINES, report.messages().size()))))
                    + (table.isEmpty() ? "" : "\n" + table) + "\n" + machine);
        };
    }

    static String hung(String threadDump) {
        return "Stopped after " + JcstressRun.STALL_SECONDS + " s without a result: a call of your code never "
                + "returned (a deadlock, a wait that is never signalled, or an endless loop), and jcstress waits "
                + "for its actors forever. Where they were:\n" + threadDump;
    }

    static String noResult(List<String> output) {
        List<String> tail = output.subList(Math.max(0, output.size() - 8), output.size());
        return "jcstress reported nothing for this test (its exit code says nothing about that: with no matching "
                + "test it exits 0). The end of its output:\n" + String.join("\n", tail);
    }
}
