package kit.grader.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This check class's JVM runs the learner's classes instrumented for the data-race detector ({@link DataRaces}):
 * every field, array element and collection access, lock, volatile and hand-off of the learner's code is recorded;
 * the check classes beside them report their synchronization only. The exercise's other check classes keep the
 * plain classes. Such classes may share a JVM only with each other ({@link SharedJvm}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DetectsRaces {}
