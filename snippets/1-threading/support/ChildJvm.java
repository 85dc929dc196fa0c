import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts another JVM that runs a class of this script: the same java binary, JVM options and classpath as the
 * current process, so a JBang script can spawn copies of itself (Java has no {@code multiprocessing}). The child's
 * stderr goes to ours; its stdin and stdout are pipes the caller talks through.
 */
final class ChildJvm {
    private ChildJvm() {}

    static Process start(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments()); // the same JVM options
        command.add("-classpath");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
