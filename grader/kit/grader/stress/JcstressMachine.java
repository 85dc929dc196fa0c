package kit.grader.stress;

/** The machine jcstress ran on, as the learner should know it: architecture, CPUs, JVM. */
final class JcstressMachine {
    private JcstressMachine() {}

    static String describe() {
        int cpus = Runtime.getRuntime().availableProcessors();
        return System.getProperty("os.arch") + ", " + cpus + " CPU" + (cpus == 1 ? "" : "s") + ", Java "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vm.vendor") + ")";
    }
}
