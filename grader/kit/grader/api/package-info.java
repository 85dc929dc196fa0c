/**
 * What a check author writes against, and nothing else: the annotations of a check ({@link kit.grader.api.Points},
 * {@link kit.grader.api.TimeLimit}, {@link kit.grader.api.JvmOptions}, {@link kit.grader.api.SharedJvm}) and the
 * helpers that drive the learner's class ({@link kit.grader.api.ModelCheck} for Lincheck and
 * {@link kit.grader.api.ModelVerdicts} for the real-thread checks that fail with it, {@link kit.grader.api.Race},
 * {@link kit.grader.api.BlockingCall}, {@link kit.grader.api.ProducersAndConsumers},
 * {@link kit.grader.api.Visibility} with {@link kit.grader.api.WarmUp}, {@link kit.grader.api.ThreadReport}).
 *
 * <p>Runs in the check JVM, beside the learner's code. May use the JDK, JUnit, Lincheck and ASM; never a class of the
 * grader's side ({@code host}, {@code layout}, {@code report}, {@code cli}, {@code stress}) - ArchitectureTest fails
 * if it does. One helper per need: before adding one, look for the helper that already does it.
 */
package kit.grader.api;
