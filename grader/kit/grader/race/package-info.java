/**
 * The data-race detector's runtime, in the check JVM of a race check: a happens-before detector in the style of
 * FastTrack (Flanagan and Freund, PLDI 2009) over the learner's instrumented classes. {@link kit.grader.race.Hooks}
 * is what the instrumented code calls; {@link kit.grader.race.RaceDetector} is what the grader's helpers call (begin
 * and end a watch, report the threads they start and join); the core is {@code Detector} on vector clocks, and
 * {@code RaceText} says a race in the learner's words. The instrumenter that inserts the calls is in
 * {@code kit.grader.instrument}, on the grader's side.
 *
 * <p>May use the JDK only: it runs beside the learner's code, and the checks' helpers in {@code api} use it.
 */
package kit.grader.race;
