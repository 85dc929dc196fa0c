package kit.grader;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;

/**
 * The training run for the checking JVMs' {@link ClassArchive}: one check, run by {@link CheckRunner} like any
 * other, that touches what checks use - JUnit, the grader's helpers, Lincheck's options (not a model check: a JVM
 * whose classes Lincheck has transformed cannot write an archive).
 */
public class CheckJvmTraining {
    static final String CHECK = "loadTheCheckingTools";

    @Test
    void loadTheCheckingTools() {
        new ModelCheckingOptions().iterations(1).threads(2);
        ThreadReport.describe(CheckJvmTraining.class.getPackageName() + ".training");
    }
}
