import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.LogManager;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts rapaio-jupyter-kernel 3.0.1 as its MainApp does, minus one start-up race. Channels.connect() binds the
 * shell socket and starts its loop thread before it creates the map of message handlers; a kernel_info_request that
 * arrives in between (Jupyter sends one as soon as the socket is bound) throws a NullPointerException that kills
 * that thread, and the kernel never answers ("Kernel didn't respond"). Giving the map a value before connect() turns
 * that into one unanswered request, which Jupyter sends again. tools/notebooks/setup compiles this against the
 * kernel's jar and names it in the kernelspec.
 */
public final class KernelLauncher {
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: KernelLauncher <connection-file>");
            System.exit(2);
        }
        LogManager.getLogManager()
                .readConfiguration(MainApp.class.getClassLoader().getResourceAsStream("logging.properties"));
        ConnectionProperties connection =
                Transform.fromJson(Files.readString(Path.of(args[0])), ConnectionProperties.class);
        Channels channels = new Channels(connection);
        Field handlers = Channels.class.getDeclaredField("handlers");
        handlers.setAccessible(true);
        handlers.set(channels, new ConcurrentHashMap<>());
        channels.connect(MainApp.kernel);
        channels.joinUntilClose();
    }
}
