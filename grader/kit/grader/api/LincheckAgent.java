package kit.grader.api;

import net.bytebuddy.agent.ByteBuddyAgent;
import org.jetbrains.lincheck.jvm.agent.InstrumentationMode;
import org.jetbrains.lincheck.jvm.agent.LincheckInstrumentation;

/**
 * Lincheck's agent, attached once for the whole checking JVM. Left to itself, Lincheck attaches its agent for each
 * model check and detaches it after: it instruments the JDK's classes that a model check runs (about 150 of them,
 * re-transformed on every attach and restored on every detach, and the JIT's code that used them thrown away), so
 * a JVM with six model checks spent about a third of its CPU on that. An agent that Lincheck believes was attached
 * when the JVM started ("statically") it leaves in place, and its instrumentation stays for every later check. The
 * instrumented code is the same; outside a model check it does nothing but test that it is not in one.
 */
final class LincheckAgent {
    private LincheckAgent() {}

    /** Attaches Lincheck's agent for model checking, if nobody has yet; a failure fails the check that needed it. */
    static synchronized void attach() {
        LincheckInstrumentation lincheck = LincheckInstrumentation.INSTANCE;
        if (lincheck.getJavaAgentAttachType() == null) {
            lincheck.attachJavaAgentStatically(ByteBuddyAgent.install());
            lincheck.install(InstrumentationMode.MODEL_CHECKING);
        }
    }
}
