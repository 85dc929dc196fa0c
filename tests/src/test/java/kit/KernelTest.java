package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Java kernel in one command on a learner's own machine: {@code ./jbang kernel}, run by a user who is not root
 * with a home of their own, installs the kernelspec {@code java} for that user; Debian's Jupyter lists it and runs
 * a notebook on it. And the dev container's set-up script, run here on Debian, leaves Jupyter, the kernel and the
 * grader ready.
 */
class KernelTest {
    private static final Path JUPYTER = Path.of("/usr/bin/jupyter"); // as tools/notebooks/env.sh: Debian's
    private static final Path JDK = Path.of(System.getProperty("java.home"));
    private static final Path USER_HOME = Path.of(System.getProperty("user.home"));
    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @Test
    void aLearnerWhoIsNotRootInstallsTheKernelAndANotebookRunsOnIt() throws IOException {
        Path home = Files.createTempDirectory("kit-learner-home-");
        Path kit = home.resolve("kit");
        // The learner's clone, and the caches they would have after a first ./jbang (copied: no network needed).
        for (String part : List.of("jbang", "jbang-catalog.json", "tools")) {
            LearnerCopy.copyTree(Kit.DIR.resolve(part), kit.resolve(part));
        }
        LearnerCopy.copyTree(USER_HOME.resolve(".cache/concurrency-kit/jbang-0.132.1"),
                home.resolve(".cache/concurrency-kit/jbang-0.132.1"));
        LearnerCopy.copyTree(USER_HOME.resolve(".m2/repository/io/github/padreati"),
                home.resolve(".m2/repository/io/github/padreati"));
        Path notebook = home.resolve("hello.ipynb");
        Files.writeString(notebook, """
                {"cells": [{"cell_type": "code", "id": "answer", "metadata": {}, "execution_count": null,
                  "outputs": [], "source": ["System.out.println(6 * 7);"]}],
                 "metadata": {"kernelspec": {"display_name": "Java", "language": "java", "name": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        if (ROOT) {
            assertEquals(0, Kit.run(home, TIMEOUT, List.of("chown", "-R", "65534:65534", home.toString()))
                    .exitCode());
        }

        Kit.Run install = asLearner(home, kit, kit.resolve("jbang").toString(), "kernel");
        assertEquals(0, install.exitCode(), install::describe);
        assertTrue(install.stdout().contains("Installed the Java kernel"), install::describe);
        Path spec = home.resolve(".local/share/jupyter/kernels/java/kernel.json");
        assertTrue(Files.readString(spec).contains("KernelLauncher"), "the kernelspec is the user's own");

        Kit.Run list = asLearner(home, home, JUPYTER.toString(), "kernelspec", "list");
        assertTrue(list.stdout().lines().anyMatch(l -> l.strip().startsWith("java ") && l.contains(home.toString())),
                list::describe);

        Kit.Run executed = null;
        for (int attempt = 1; attempt <= 3; attempt++) { // rapaio 3.0.1 sometimes never answers, or dies, at start-up
            executed = asLearner(home, home, JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=60", "--ExecutePreprocessor.startup_timeout=30",
                    "--output", "hello-out.ipynb", notebook.toString());
            if (executed.exitCode() == 0 || !(executed.output().contains("Kernel didn't respond")
                    || executed.output().contains("Kernel died before replying to kernel_info"))) {
                break;
            }
        }
        assertEquals(0, executed.exitCode(), executed::describe);
        JsonObject output = JsonParser.parseString(Files.readString(home.resolve("hello-out.ipynb")))
                .getAsJsonObject().getAsJsonArray("cells").get(0).getAsJsonObject().getAsJsonArray("outputs")
                .get(0).getAsJsonObject();
        assertEquals("42\n", output.getAsJsonArray("text").get(0).getAsString(), output.toString());
        Kit.run(home, TIMEOUT, List.of("rm", "-rf", home.toString()));
    }

    @Test
    void theLearnersKernelIsTheVersionCiUses() throws IOException {
        String ci = Files.readString(Kit.DIR.resolve("tools/notebooks/env.sh"));
        String version = ci.lines().filter(l -> l.startsWith("KIT_KERNEL_VERSION=")).findFirst().orElseThrow()
                .substring("KIT_KERNEL_VERSION=".length()).strip();
        assertTrue(Files.readString(Kit.DIR.resolve("tools/kernel/Kernel.java"))
                .contains("//DEPS io.github.padreati:rapaio-jupyter-kernel:" + version + "\n"),
                "tools/kernel/Kernel.java must install the kernel version of tools/notebooks/env.sh, " + version);
    }

    @Test
    void theDevContainerSetUpLeavesJupyterTheKernelAndTheGraderReady() throws IOException {
        JsonObject container = JsonParser.parseString(Files.readString(Kit.DIR.resolve(
                ".devcontainer/devcontainer.json"))).getAsJsonObject();
        assertEquals(".devcontainer/setup", container.get("postCreateCommand").getAsString());
        JsonObject java = container.getAsJsonObject("features")
                .getAsJsonObject("ghcr.io/devcontainers/features/java:1");
        assertEquals("25", java.get("version").getAsString());
        assertEquals("true", java.get("installMaven").getAsString());

        Path home = Files.createTempDirectory("kit-container-home-"); // Jupyter's user folder follows $HOME
        Kit.Run setup = Kit.run(Kit.DIR, TIMEOUT, List.of("env", "HOME=" + home,
                Kit.DIR.resolve(".devcontainer/setup").toString()));
        assertEquals(0, setup.exitCode(), setup::describe);
        assertTrue(setup.stderr().contains("[setup] ready"), setup::describe);
        Kit.Run list = Kit.run(Kit.DIR, TIMEOUT, List.of("env", "HOME=" + home, "jupyter", "kernelspec", "list"));
        assertTrue(list.stdout().contains(home.resolve(".local/share/jupyter/kernels/java").toString()),
                list::describe);
        Kit.run(home, TIMEOUT, List.of("rm", "-rf", home.toString()));
    }

    /** Runs a command as a user who is not root (nobody, when the tests run as root), with only their own home. */
    private static Kit.Run asLearner(Path home, Path workDir, String... command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        full.addAll(List.of("env", "-i", "HOME=" + home, "PATH=" + JDK.resolve("bin") + ":/usr/bin:/bin",
                "KIT_JAVA_HOME=" + JDK, "JBANG_DIR=" + home.resolve(".jbang"),
                "JBANG_REPO=" + home.resolve(".m2/repository")));
        full.addAll(List.of(command));
        return Kit.run(workDir, TIMEOUT, full);
    }
}
