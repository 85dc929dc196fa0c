package kit.grader.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Extra options for the JVM that runs this check class (each check class runs in a JVM of its own). Model checking
 * classes use {@code -XX:TieredStopAtLevel=1}: Lincheck's start-up costs half as much CPU without the C2 compiler.
 * Never use it on a class whose checks need C2 (visibility checks: a missing volatile shows only in C2's code).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JvmOptions {
    String[] value();
}
