///usr/bin/env jbang "$0" "$@" ; exit $?
// Installs a Java kernel for Jupyter on your own machine, for you alone (no root, no administrator): the kernelspec
// `java` that the kit's notebooks ask for, running io.github.padreati:rapaio-jupyter-kernel (from Maven Central,
// the kernel the kit's CI uses, see tools/notebooks/setup) on the JDK that runs this script.
//
// Run:  ./jbang kernel             installs the kernelspec `java` for you (again: updates it)
//       ./jbang kernel --lab       installs it, then starts JupyterLab in notebooks/
//       ./jbang kernel --replace   also replaces a kernelspec `java` that is not the kit's (IJava, JJava)
// See:  where it installed the kernel, and how to open the notebooks. Without Jupyter it says how to get it.
//       The notebooks run unchanged on IJava and JJava too: if you have one of them as `java`, it is kept.
//JAVA 21+
//DEPS io.github.padreati:rapaio-jupyter-kernel:3.0.1
//SOURCES ../notebooks/KernelLauncher.java ../lib/OnPath.java

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.rapaio.jupyter.kernel.MainApp;

public class Kernel {
    private static final String USAGE = "usage: ./jbang kernel [--lab] [--replace]";
    private static final String NAME = "java";
    private static final String HOW_TO_GET_JUPYTER = """
            Install Jupyter for yourself, then run ./jbang kernel again - one of:
              pipx install jupyterlab                   any OS with Python (then: pipx ensurepath, new terminal)
              python3 -m pip install --user jupyterlab  any OS with Python (Windows: py, not python3)
              conda install -c conda-forge jupyterlab   Anaconda or Miniconda
              brew install jupyterlab                   macOS with Homebrew
              sudo apt-get install jupyter-notebook     Debian, Ubuntu (the classic Notebook: jupyter notebook)""";

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        if (!List.of("--lab", "--replace").containsAll(options)) {
            System.err.println("error: unknown argument; " + USAGE);
            System.exit(2);
        }
        Optional<Path> jupyter = OnPath.find("jupyter");
        if (jupyter.isEmpty()) {
            System.err.println("error: there is no Jupyter on this machine (no 'jupyter' command on PATH).\n"
                    + HOW_TO_GET_JUPYTER);
            System.exit(5);
        }
        install(jupyter.get(), options.contains("--replace"));
        if (options.contains("--lab")) {
            System.exit(startLab(jupyter.get()));
        }
        System.out.println("Open the notebooks: ./jbang kernel --lab   (or jupyter lab, in the kit's notebooks/)");
    }

    /** Writes the kernelspec into a temporary folder and lets Jupyter install it for the current user. */
    private static void install(Path jupyter, boolean replace) throws IOException, InterruptedException {
        Optional<Path> existing = installedSpec(jupyter);
        if (existing.isPresent() && !replace && !isTheKits(existing.get())) {
            System.out.println("You already have a kernel named '" + NAME + "' (" + existing.get() + "), not the "
                    + "kit's; the notebooks run on it. To use the kit's instead: ./jbang kernel --replace");
            return;
        }
        Path spec = Files.createTempDirectory("kit-kernelspec-").resolve(NAME);
        Files.createDirectories(spec);
        String launcher = copyJarOf(KernelLauncher.class, spec, "kit-kernel-launcher.jar");
        String kernel = copyJarOf(MainApp.class, spec, "rapaio-jupyter-kernel.jar");
        Files.writeString(spec.resolve("kernel.json"), kernelJson(javaCommand(), "{resource_dir}" + File.separator
                + launcher + File.pathSeparator + "{resource_dir}" + File.separator + kernel));
        Process process = new ProcessBuilder(jupyter.toString(), "kernelspec", "install", "--user", "--replace",
                "--name", NAME, spec.toString()).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes()).strip();
        int status = process.waitFor();
        deleteTree(spec.getParent());
        if (status != 0) {
            System.err.println("error: 'jupyter kernelspec install' failed (exit code " + status + "); it said:\n"
                    + said);
            System.exit(3);
        }
        System.out.println("Installed the Java kernel (kernelspec '" + NAME + "', rapaio-jupyter-kernel on JDK "
                + Runtime.version().feature() + ", " + System.getProperty("java.home") + ") for you: " + said);
    }

    /** The folder of the installed kernelspec NAME, if any, from {@code jupyter kernelspec list}. */
    private static Optional<Path> installedSpec(Path jupyter) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jupyter.toString(), "kernelspec", "list").redirectErrorStream(true)
                .start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        process.waitFor();
        return lines.stream().map(String::strip).filter(line -> line.startsWith(NAME + " "))
                .map(line -> Path.of(line.substring(NAME.length()).strip())).findFirst();
    }

    private static boolean isTheKits(Path specDir) throws IOException {
        Path json = specDir.resolve("kernel.json");
        return Files.isRegularFile(json) && Files.readString(json).contains(KernelLauncher.class.getSimpleName());
    }

    private static String kernelJson(String java, String classpath) {
        List<String> argv = List.of(java, "-cp", classpath, KernelLauncher.class.getSimpleName(),
                "{connection_file}");
        return "{\n  \"argv\": [" + String.join(", ", argv.stream().map(Kernel::quote).toList()) + "],\n"
                + "  \"display_name\": \"Java\",\n  \"language\": \"java\"\n}\n";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The java executable of this JVM: the JDK 21+ that JBang (or the kit's ./jbang) found. */
    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String copyJarOf(Class<?> type, Path dir, String name) throws IOException {
        try {
            Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.copy(jar, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            return name;
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** Starts JupyterLab (or, without it, the classic Notebook) in notebooks/, until it ends. */
    private static int startLab(Path jupyter) throws IOException, InterruptedException {
        String app = OnPath.find("jupyter-lab").isPresent() ? "lab"
                : OnPath.find("jupyter-notebook").isPresent() ? "notebook" : null;
        if (app == null) {
            System.err.println("error: Jupyter is here, but neither JupyterLab nor the classic Notebook.\n"
                    + HOW_TO_GET_JUPYTER);
            return 5;
        }
        Path notebooks = kitDirectory().resolve("notebooks");
        System.out.println("Starting 'jupyter " + app + "' in " + notebooks + " (Ctrl-C twice to stop it)");
        Process process = new ProcessBuilder(jupyter.toString(), app).directory(notebooks.toFile()).inheritIO()
                .start();
        // Ctrl-C reaches Jupyter too, and it asks whether to stop: wait for its answer before this JVM ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        return process.waitFor();
    }

    private static Path kitDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("notebooks")) && Files.exists(dir.resolve("jbang-catalog.json"))) {
                return dir;
            }
        }
        System.err.println("error: run ./jbang kernel --lab inside the kit (no notebooks/ above "
                + Path.of("").toAbsolutePath() + ")");
        System.exit(2);
        return null;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
