import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The data exporter written with blocking calls: each record is transformed and sent with {@code HttpClient.send},
 * which holds its thread until the response arrives. How many records wait at once is decided only by the
 * executor: one thread, a pool of platform threads, or a virtual thread per record - the code stays the same.
 */
final class BlockingExporter {
    private BlockingExporter() {}

    static void export(List<ExportRecords.SourceRecord> records, HttpClient client, URI target,
            ExecutorService executor) throws InterruptedException, ExecutionException {
        List<Future<?>> sent = new ArrayList<>();
        for (ExportRecords.SourceRecord source : records) {
            sent.add(executor.submit(() -> send(client, target, source)));
        }
        for (Future<?> result : sent) {
            result.get(); // rethrows the first failure
        }
    }

    private static Void send(HttpClient client, URI target, ExportRecords.SourceRecord source)
            throws IOException, InterruptedException {
        HttpResponse<Void> response = client.send(ExportRecords.request(target, source),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 204) {
            throw new IOException("record " + source.id() + ": HTTP " + response.statusCode());
        }
        return null;
    }
}
