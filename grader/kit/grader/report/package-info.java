/**
 * What the learner and the course read: the console's sections ({@link kit.grader.report.Console}, printed in
 * the exercises' order by {@link kit.grader.report.SectionsInOrder} when several are graded at once) and the result
 * files of Gradescope and GitHub Classroom ({@link kit.grader.report.ResultFiles}).
 *
 * <p>May use {@code host}'s results and {@code layout}; never {@code cli} or {@code stress}.
 */
package kit.grader.report;
