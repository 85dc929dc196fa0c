import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network end of the data exporter: an HTTP server on 127.0.0.1 at a free port that accepts
 * {@code POST /export/<run>} with one exported record, answers after a fixed delay (standing for a remote service's
 * latency), and counts how often it received each record id per run.
 *
 * <p>It handles every request on its own virtual thread, so the server is never what limits an exporter.
 */
final class ExportTarget implements AutoCloseable {
    private static final Pattern RECORD_ID = Pattern.compile("\"id\":(\\d+)");

    private final HttpServer server;
    private final long latencyMillis;
    /** run -> record id -> times received. */
    private final Map<String, Map<Integer, Integer>> received = new ConcurrentHashMap<>();

    private ExportTarget(long latencyMillis) throws IOException {
        this.latencyMillis = latencyMillis;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/export/", this::receive);
    }

    static ExportTarget start(long latencyMillis) throws IOException {
        ExportTarget target = new ExportTarget(latencyMillis);
        target.server.start();
        return target;
    }

    /** Where an exporter sends the records of {@code run}. */
    URI uri(String run) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/export/" + run);
    }

    /** Times each record id of {@code run} arrived. */
    Map<Integer, Integer> received(String run) {
        return received.getOrDefault(run, Map.of());
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String run = exchange.getRequestURI().getPath().substring("/export/".length());
            Matcher id = RECORD_ID.matcher(new String(exchange.getRequestBody().readAllBytes()));
            if (!"POST".equals(exchange.getRequestMethod()) || !id.find()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            Thread.sleep(latencyMillis);
            received.computeIfAbsent(run, r -> new ConcurrentHashMap<>()).merge(Integer.parseInt(id.group(1)), 1,
                    Integer::sum);
            exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
