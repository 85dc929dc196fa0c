/**
 * The learner's commands: {@link kit.grader.cli.Main} (the one entry point, called by grader/Grade.java) loads the
 * kit once and hands it to {@code grade} ({@link kit.grader.cli.GradeCommand}), {@code watch}, {@code progress} and
 * {@code reset}. Errors become one line and an exit code in {@link kit.grader.cli.ErrorExit}.
 *
 * <p>The top of the grader: may use every grader-side package; nothing uses it.
 */
package kit.grader.cli;
