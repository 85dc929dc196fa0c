import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A real ActiveMQ Artemis broker inside this JVM, listening on 127.0.0.1 at a free port: the same broker and wire
 * protocol as a stand-alone one, without installing anything. It keeps messages in memory only (no journal) and
 * removes its working directory when closed.
 */
final class EmbeddedBroker implements AutoCloseable {
    private final EmbeddedActiveMQ server;
    private final Path workDir;
    private final String url;

    private EmbeddedBroker(EmbeddedActiveMQ server, Path workDir, String url) {
        this.server = server;
        this.workDir = workDir;
        this.url = url;
    }

    static EmbeddedBroker start() throws Exception {
        String url = "tcp://127.0.0.1:" + freePort();
        Path workDir = Files.createTempDirectory("kit-artemis");
        ConfigurationImpl config = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", url);
        config.setBrokerInstance(workDir.toFile());
        // Where undeliverable and expired messages go; without these the broker warns about every new queue.
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
        return new EmbeddedBroker(server, workDir, url);
    }

    /** Where clients connect, e.g. tcp://127.0.0.1:40123. */
    String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A port that was free a moment ago (the OS picks it; another program could take it before the broker does). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
