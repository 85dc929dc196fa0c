///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES support/ExportTarget.java

// The chapter's data exporter - consume records, transform them, send each over the network - written three ways,
// with a single thread as the baseline, timed side by side against a local HTTP server that answers each record
// after 50 ms (the server is started by the script on 127.0.0.1 at a free port).
//
//   single thread, blocking      one record at a time: the thread spends almost all its time waiting for replies
//   platform threads, blocking   threads as an optimisation: while one waits, others send (BlockingExporter below)
//   asynchronous                 no threads of our own: sendAsync + CompletableFuture (AsyncExporter below)
//   virtual threads, blocking    the blocking code unchanged, one cheap virtual thread per record
//
// Run:   ./jbang 1b-data-exporter
//        ./jbang 1b-data-exporter --records 200 --latency-ms 20 --threads 4
// You will see:
//        one line per way with its wall time, the process's CPU time and how many records the server received
//        (all, each exactly once, in every way). The single thread takes about records x latency yet uses little
//        CPU - it mostly waits; a pool of N threads is about N times faster; the asynchronous and virtual-thread
//        ways overlap all the waits and take little more than one latency. CPU time stays small in every way: the
//        work is the same, only the waiting overlaps.
//        Last line: "every record received exactly once: true".
// Varies: the timings (this machine's load); the counts do not.

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

public class DataExporter {
    private static final String USAGE = "usage: ./jbang 1b-data-exporter [--records 1-10000, default 60]"
            + " [--latency-ms 0-1000, default 50] [--threads 1-256, default 8]";

    private record Options(int records, long latencyMillis, int threads) {}

    /** One way to export all records to the target. */
    private interface Way {
        void export(List<ExportRecords.SourceRecord> records, HttpClient client, URI target) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        List<ExportRecords.SourceRecord> records = ExportRecords.consume(options.records());
        Map<String, Way> ways = new LinkedHashMap<>();
        ways.put("single thread, blocking",
                (r, client, target) -> onExecutor(Executors.newSingleThreadExecutor(), r, client, target));
        ways.put(options.threads() + " platform threads, blocking",
                (r, client, target) -> onExecutor(Executors.newFixedThreadPool(options.threads()), r, client, target));
        ways.put("asynchronous, sendAsync", (r, client, target) -> AsyncExporter.export(r, client, target).join());
        ways.put("virtual threads, blocking",
                (r, client, target) -> onExecutor(Executors.newVirtualThreadPerTaskExecutor(), r, client, target));

        boolean allExactlyOnce = true;
        try (ExportTarget target = ExportTarget.start(options.latencyMillis());
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            System.out.printf("exporting %d records to %s, the server answers each after %d ms%n", records.size(),
                    target.uri("way-N"), options.latencyMillis());
            warmUp(ways, client, target);
            System.out.printf("%-32s %10s %20s %12s%n", "way", "wall time", "CPU time (process)", "received");
            int number = 0;
            for (Map.Entry<String, Way> way : ways.entrySet()) {
                String run = "way-" + ++number;
                Measurement measured = Measurement.of(() -> way.getValue().export(records, client, target.uri(run)));
                Map<Integer, Integer> received = target.received(run);
                boolean exactlyOnce = received.size() == records.size()
                        && received.values().stream().allMatch(times -> times == 1);
                allExactlyOnce &= exactlyOnce;
                System.out.printf("%-32s %7d ms %17d ms %12s%n", way.getKey(), measured.wallMillis(),
                        measured.cpuMillis(),
                        received.size() + "/" + records.size() + (exactlyOnce ? "" : " (not exactly once!)"));
            }
        }
        System.out.println("every record received exactly once: " + allExactlyOnce);
        System.exit(allExactlyOnce ? 0 : 1);
    }

    private static void onExecutor(ExecutorService executor, List<ExportRecords.SourceRecord> records,
            HttpClient client, URI target) throws Exception {
        try (executor) { // close() waits for the executor's threads to finish
            BlockingExporter.export(records, client, target, executor);
        }
    }

    /** Runs every way once on a few records, so that no timed way pays for loading classes or opening sockets. */
    private static void warmUp(Map<String, Way> ways, HttpClient client, ExportTarget target) throws Exception {
        for (Way way : ways.values()) {
            way.export(ExportRecords.consume(4), client, target.uri("warm-up"));
        }
    }

    /** Wall time and CPU time of the whole process for one action. */
    private record Measurement(long wallMillis, long cpuMillis) {
        interface Action {
            void run() throws Exception;
        }

        static Measurement of(Action action) throws Exception {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            action.run();
            return new Measurement((System.nanoTime() - start) / 1_000_000,
                    (os.getProcessCpuTime() - cpuBefore) / 1_000_000);
        }
    }

    private static Options parse(String[] args) {
        int records = 60;
        long latency = 50;
        int threads = 8;
        try {
            for (int i = 0; i < args.length; i += 2) {
                int value = Integer.parseInt(args[i + 1]);
                switch (args[i]) {
                    case "--records" -> records = value;
                    case "--latency-ms" -> latency = value;
                    case "--threads" -> threads = value;
                    default -> throw new IllegalArgumentException();
                }
            }
        } catch (RuntimeException badArgument) {
            usageError();
        }
        if (records < 1 || records > 10_000 || latency < 0 || latency > 1000 || threads < 1 || threads > 256) {
            usageError();
        }
        return new Options(records, latency, threads);
    }

    private static void usageError() {
        System.err.println(USAGE);
        System.exit(2);
    }
}

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
