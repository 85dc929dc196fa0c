import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The data exporter written asynchronously: {@code HttpClient.sendAsync} returns at once with a
 * {@link CompletableFuture}, so one thread starts every send without waiting for any response, and the checks run
 * when each response arrives. The calling code starts no thread; the client waits on all connections with its own
 * selector thread and completes the futures on its executor.
 */
final class AsyncExporter {
    private AsyncExporter() {}

    static CompletableFuture<Void> export(List<ExportRecords.SourceRecord> records, HttpClient client, URI target) {
        CompletableFuture<?>[] sent = records.stream()
                .map(source -> client.sendAsync(ExportRecords.request(target, source),
                                HttpResponse.BodyHandlers.discarding())
                        .thenAccept(response -> {
                            if (response.statusCode() != 204) {
                                throw new CompletionException(
                                        new IOException("record " + source.id() + ": HTTP " + response.statusCode()));
                            }
                        }))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sent);
    }
}
