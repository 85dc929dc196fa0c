package kit.grader.stress;

import kit.grader.host.CheckResult;
import java.util.List;

/** Turns what jcstress reported for one stress test into the check's result and the learner's explanation. */
final class StressVerdict {
    private static final String LEGEND = "Acceptable: an outcome the test allows. Forbidden: one that no order of the "
            + "calls gives - the calls overlapped - or, in a test of whether a call ends (STALE), a call that never "
            + "ended. Interesting: allowed, but worth a look.";
    private static final int MAX_MESSAGE_LINES = 12;
    private static final String OVERLAPPED = "results that no order of these calls can give, so the calls overlapped "
            + "and broke each other";
    /** A termination test's STALE: nothing overlapped, a write was never seen. */
    private static final String STALE = "STALE - a call that must end never did. Nothing overlapped: the other "
            + "thread's call had returned, and the running call never saw what it wrote. Without a happens-before "
            + "edge between the two (a volatile field, a lock, an atomic) it need never see it";

    private StressVerdict() {}

    static CheckResult of(StressTestSource test, JcstressRun.Report report, String reportDir) {
        String table = String.join("\n", report.table().stream().map(String::stripTrailing).toList());
        String machine = "On " + JcstressMachine.describe() + "; jcstress's report: " + reportDir
                + "/index.html";
        return switch (report.verdict()) {
            case "OK" -> new CheckResult(test.name(), test.points(), test.points(), true, machine + "\n" + table);
            case "FAILED" -> CheckResult.failed(test.name(), test.points(), "jcstress saw a FORBIDDEN outcome: "
                    + (stale(report.table()) ? STALE : OVERLAPPED) + " (counts per outcome, in all trials on fresh "
                    + "objects):\n" + table + "\n" + LEGEND + "\n" + machine);
            default -> CheckResult.failed(test.name(), test.points(), "jcstress could not finish this test ("
                    + report.verdict() + ")" + (report.messages().isEmpty() ? "." : "; it said:\n" + String.join("\n",
                    report.messages().subList(0, Math.min(MAX_MESSAGE_LINES, report.messages().size()))))
                    + (table.isEmpty() ? "" : "\n" + table) + "\n" + machine);
        };
    }

    /** True when the table shows a STALE outcome, marked Forbidden, with samples: a termination test failed. */
    private static boolean stale(List<String> table) {
        return table.stream().map(row -> row.strip().split("\\s+")).anyMatch(columns -> columns.length > 3
                && columns[0].equals("STALE") && !columns[1].equals("0") && columns[3].equals("Forbidden"));
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
