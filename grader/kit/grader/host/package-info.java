/**
 * Grading one exercise on the grader's side ({@link kit.grader.host.ExerciseGrader}): compiling the learner's files
 * with the checks ({@link kit.grader.host.JavaCompiler}), refusing what may not run
 * ({@link kit.grader.host.ForbiddenApis}, {@link kit.grader.host.RuleCheck}), finding the checks
 * ({@link kit.grader.host.CheckDiscovery}), launching check JVMs ({@link kit.grader.host.CheckJvmCommand},
 * {@link kit.grader.host.ClassArchive}) on the CPUs there are ({@link kit.grader.host.CpuSlots}), and collecting their
 * results in order ({@link kit.grader.host.CheckJvmPool}, {@link kit.grader.host.ResultOrder}).
 *
 * <p>May use {@code layout} and, to start and read check JVMs, {@code runner} and {@code api}'s annotations; never
 * {@code report}, {@code cli} or {@code stress}, which are built on it.
 */
package kit.grader.host;
