import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a command on PATH as a shell would, on any OS (on Windows also with the extensions of PATHEXT, e.g.
 * jbang.cmd), so that the kit's scripts can start programs directly, never through bash or cmd. Used with
 * {@code //SOURCES} by tools/tour/Tour.java and tools/kernel/Kernel.java.
 */
final class OnPath {
    private OnPath() {}

    static boolean windows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    static Optional<Path> find(String command) {
        List<String> names = new ArrayList<>(List.of(command));
        if (windows()) {
            for (String extension : System.getenv().getOrDefault("PATHEXT", ".EXE;.CMD;.BAT").split(";")) {
                names.add(command + extension.toLowerCase(Locale.ROOT));
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = dir.isEmpty() ? null : Path.of(dir).resolve(name);
                if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
