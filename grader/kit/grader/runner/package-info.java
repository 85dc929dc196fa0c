/**
 * The check JVM's own code: {@link kit.grader.runner.CheckRunner} is its main class. It runs the check classes the
 * grader names with the JUnit Platform, under a watchdog (time, CPU time, heap, threads the learner's code leaves
 * running), and writes each result to the signed {@link kit.grader.runner.EventLog} the grader reads; the texts of a
 * failure ({@link kit.grader.runner.FailureText}, {@link kit.grader.runner.LincheckText}) are made here, where the
 * exception is.
 *
 * <p>May use {@code kit.grader.api}, the JDK and the check libraries; never the grader's side ({@code host},
 * {@code layout}, {@code report}, {@code cli}, {@code stress}): those classes do not belong in a JVM that runs
 * the learner's code.
 */
package kit.grader.runner;
