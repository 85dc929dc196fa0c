/**
 * The kit as files: {@link kit.grader.layout.KitLayout} finds the kit, reads its one list of exercises
 * ({@link kit.grader.layout.ExerciseManifest}, exercises/exercises.toml) and says where every file of an exercise
 * lives; {@link kit.grader.layout.Rule} holds the source rules the manifest can name. Also the two errors every command
 * reports in one line: {@link kit.grader.layout.UsageException} (the user's input) and
 * {@link kit.grader.layout.GraderException} (the kit itself).
 *
 * <p>Depends on the JDK only; every other grader-side package may use it.
 */
package kit.grader.layout;
