/**
 * {@code --stress}: the exercise's jcstress tests (grader/stress/&lt;id&gt;/), compiled with the learner's class and
 * run by jcstress in a JVM of its own ({@link kit.grader.stress.JcstressRun}), their outcomes turned into points and
 * feedback ({@link kit.grader.stress.StressVerdict}).
 *
 * <p>May use {@code host}, {@code report} and {@code layout}; only {@code cli} uses it.
 */
package kit.grader.stress;
