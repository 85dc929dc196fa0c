import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.IntStream;

/** The data exporter's records and the steps every version of it shares: consume, transform, build the request. */
final class ExportRecords {
    private ExportRecords() {}

    /** A record as the input consumer delivers it. */
    record SourceRecord(int id, String customer, long amountCents) {}

    /** Consumes {@code count} records from the input (here made up; a real exporter reads a queue or a database). */
    static List<SourceRecord> consume(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(id -> new SourceRecord(id, "customer-" + (id % 7), 100L * id))
                .toList();
    }

    /** Transforms a record into the JSON document the receiving service expects. */
    static String transform(SourceRecord source) {
        return String.format("{\"id\":%d,\"customer\":\"%s\",\"amount\":\"%d.%02d\"}", source.id(), source.customer(),
                source.amountCents() / 100, source.amountCents() % 100);
    }

    /** The HTTP request that sends one transformed record to {@code target}. */
    static HttpRequest request(URI target, SourceRecord source) {
        return HttpRequest.newBuilder(target)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(transform(source)))
                .build();
    }
}
