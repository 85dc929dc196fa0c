package kit.grader.host;

import kit.grader.runner.HeapWatch;
import java.util.List;

/** The JVM flags every check JVM starts with, the class archive's probe included. */
final class CheckJvmFlags {
    /**
     * Flags of the checking JVM. Lock coarsening off: it can make a split read-modify-write atomic by accident.
     * The heap limit makes code that allocates without end fail in seconds, and {@link HeapWatch} names it.
     * Lincheck attaches its agent to its own JVM: allowed to attach itself, it does so in-process, where otherwise
     * it starts a second JVM to attach from (about 0.3 s of CPU and a process start per model-checking JVM).
     */
    static final List<String> ALL = List.of("-XX:+EnableDynamicAgentLoading", "-Djdk.attach.allowAttachSelf=true",
            "-XX:-EliminateLocks", "-XX:+UseSerialGC", "-Xmx" + HeapWatch.HEAP_LIMIT_MB + "m",
            "-Djava.awt.headless=true");

    private CheckJvmFlags() {}
}
