package kit.grader.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This check class may share its JVM with the exercise's other {@code @SharedJvm} classes that have the same
 * {@link JvmOptions}: the JVM's start-up, JUnit's and Lincheck's (instrumenting the JDK) are then paid once. Only for
 * checks that do not depend on the state of the JIT or on a JVM nobody else has used: checks on one thread and
 * Lincheck model checks. A class without it runs in a JVM of its own (e.g. visibility checks that need C2 to compile
 * a reader's loop as if no other code had run). Classes that share a JVM run one after another, in name order.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SharedJvm {}
