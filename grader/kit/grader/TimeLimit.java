package kit.grader;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long a check may run before the grader's watchdog declares it hung, dumps the threads and moves on
 * (default: {@link Check#DEFAULT_TIME_LIMIT_SECONDS}). A check that expects a hang should detect it itself, sooner.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TimeLimit {
    int seconds();
}
