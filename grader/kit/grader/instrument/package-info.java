/**
 * The race detector's instrumenter, on the grader's side: {@link kit.grader.instrument.Instrumenter} rewrites the
 * compiled classes of a race check's JVM (with ASM, after javac, into another folder) so that every access,
 * synchronization and hand-off of the learner's code calls {@code kit.grader.race.Hooks}; the checks' classes beside
 * them report only their synchronization. {@code Calls} says which JDK calls are modelled and as what.
 *
 * <p>May use {@code kit.grader.race} (the kinds and site records it shares with the runtime), the JDK and ASM.
 */
package kit.grader.instrument;
