///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//DEPS org.apache.artemis:artemis-server:2.56.0
//DEPS org.apache.artemis:artemis-jakarta-client:2.56.0
//DEPS jakarta.jms:jakarta.jms-api:3.1.0
//DEPS org.slf4j:slf4j-simple:2.0.18
// On JDK 24+ the broker's libraries would print warnings that read like an error: Netty's about sun.misc.Unsafe and
// native access (keep Netty off Unsafe), jctools's four lines about sun.misc.Unsafe::objectFieldOffset (allow it:
// sun.misc.unsafe.memory.access is the property that JDK 24's --sun-misc-unsafe-memory-access=allow sets; the
// option itself would stop JDK 21 from starting, an unknown property is ignored). The consumer JVMs (started with
// these same options) wait on I/O: C1 alone compiles enough and makes them start with less CPU.
//JAVA_OPTIONS --enable-native-access=ALL-UNNAMED -Dio.netty.noUnsafe=true -Dsun.misc.unsafe.memory.access=allow
//JAVA_OPTIONS -XX:TieredStopAtLevel=1
//SOURCES support/ChildJvm.java
//SOURCES support/EmbeddedBroker.java

// Scaling out, not up: a single-threaded event consumer runs as 1, 2, then 3 PROCESSES against one queue of a real
// message broker (ActiveMQ Artemis), and the throughput grows with the number of instances - no thread in sight.
//
// By default the script starts an embedded Artemis broker on 127.0.0.1; --broker points it at your own instead.
// Each round it scales out by one more EventConsumer process (a separate JVM with ONE thread that handles an event
// at a time, 20 ms of simulated I/O each), publishes the events, lets all instances consume, and checks that every
// event was handled exactly once across the instances.
//
// Run:   ./jbang 1a-scale-out-consumers
//        ./jbang 1a-scale-out-consumers --events 600 --instances 4
//        ./jbang 1a-scale-out-consumers --broker tcp://localhost:61616     (an Artemis or other Core-protocol broker)
// You will see:
//        per round, each instance's pid and its share of the events (roughly equal: the broker deals them out to
//        whoever asks next; the newest, still cold JVM may get fewer), the throughput in events/s rising with the
//        instances, then "processed exactly once: true".
// Varies: the shares and the throughput (this machine's load); the total per round and the verdict do not.
// Takes about 15-30 s.

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

public class ScaleOutConsumers {
    private static final String USAGE = "usage: ./jbang 1a-scale-out-consumers [--broker tcp://host:port]"
            + " [--events 1-100000, default 180] [--instances 1-8, default 3]";
    private static final long WORK_MILLIS_PER_EVENT = 20;
    private static final String CONSUMER_FLAG = "--consumer";

    private record Options(String brokerUrl, int events, int maxInstances) {}

    /** One running consumer process. */
    private record Instance(Process process, BufferedReader out, PrintWriter in) {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length == 4 && args[0].equals(CONSUMER_FLAG)) { // a child process started by startConsumer
            EventConsumer.run(args[1], args[2], Long.parseLong(args[3]));
            return;
        }
        Options options = parse(args);
        boolean exactlyOnce;
        try {
            if (options.brokerUrl() != null) {
                System.out.println("broker: " + options.brokerUrl() + " (external)");
                exactlyOnce = run(options.brokerUrl(), options);
            } else {
                try (EmbeddedBroker broker = EmbeddedBroker.start()) {
                    System.out.println("broker: embedded ActiveMQ Artemis at " + broker.url());
                    exactlyOnce = run(broker.url(), options);
                }
            }
        } catch (JMSException | IllegalStateException failure) {
            String cause = failure.getCause() == null ? "" : " - " + failure.getCause().getMessage();
            System.err.println("error: " + failure.getMessage() + cause);
            exactlyOnce = false;
        }
        System.exit(exactlyOnce ? 0 : 1);
    }

    /** Runs rounds of 1..maxInstances consumers; true if every event of every round was processed exactly once. */
    private static boolean run(String brokerUrl, Options options) throws Exception {
        List<Instance> running = new ArrayList<>();
        try {
            return runRounds(brokerUrl, options, running);
        } finally {
            stop(running);
        }
    }

    private static boolean runRounds(String brokerUrl, Options options, List<Instance> running) throws Exception {
        String queueName = "kit.events." + UUID.randomUUID();
        System.out.println("queue: " + queueName + ", " + options.events() + " events per round, "
                + WORK_MILLIS_PER_EVENT + " ms of work per event, one thread per instance");
        Map<Integer, Double> throughput = new LinkedHashMap<>();
        boolean allExactlyOnce = true;
        try (Connection connection = new ActiveMQConnectionFactory(brokerUrl).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queueName));
            for (int instances = 1; instances <= options.maxInstances(); instances++) {
                System.out.println();
                System.out.println(instances + " instance(s):");
                long spawned = System.nanoTime();
                Instance added = startConsumer(brokerUrl, queueName); // scale out by one
                running.add(added);
                System.out.printf("  started instance %d (pid %d): connected %.2f s after its start%n", instances,
                        added.process().pid(), (System.nanoTime() - spawned) / 1e9);
                Set<String> published = publish(session, producer, "round" + instances, options.events());
                long start = System.nanoTime();
                running.forEach(instance -> instance.in().println("go"));
                List<String> processed = collect(running);
                double seconds = (System.nanoTime() - start) / 1e9;

                boolean exactlyOnce = processed.size() == published.size()
                        && published.equals(new HashSet<>(processed));
                allExactlyOnce &= exactlyOnce;
                throughput.put(instances, processed.size() / seconds);
                System.out.printf("  total: %d of %d events, each exactly once: %b%n", processed.size(),
                        published.size(), exactlyOnce);
                System.out.printf("  throughput: %.0f events/s (%.2f s)%n", processed.size() / seconds, seconds);
            }
        }
        System.out.println();
        System.out.println("scaling out: " + throughput.entrySet().stream()
                .map(e -> String.format("%d instance(s) %.0f events/s", e.getKey(), e.getValue())).toList());
        System.out.println("processed exactly once: " + allExactlyOnce);
        return allExactlyOnce;
    }

    /** Starts one more consumer process and waits until it is connected to the queue. */
    private static Instance startConsumer(String brokerUrl, String queueName) throws IOException {
        Process process = ChildJvm.start(ScaleOutConsumers.class, CONSUMER_FLAG, brokerUrl, queueName,
                String.valueOf(WORK_MILLIS_PER_EVENT));
        var commands = new PrintWriter(process.getOutputStream(), true);
        Instance instance = new Instance(process, process.inputReader(), commands);
        expectLine(instance, "ready");
        return instance;
    }

    /** Closes every consumer's stdin, which ends it, and waits for it; kills one that does not end. */
    private static void stop(List<Instance> instances) throws InterruptedException {
        instances.forEach(instance -> instance.in().close());
        for (Instance instance : instances) {
            if (!instance.process().waitFor(30, TimeUnit.SECONDS)) {
                instance.process().destroyForcibly();
            }
        }
    }

    private static Set<String> publish(Session session, MessageProducer producer, String round, int events)
            throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= events; i++) {
            String id = round + "-" + i;
            TextMessage message = session.createTextMessage("event " + id);
            message.setStringProperty(EventConsumer.EVENT_ID, id);
            producer.send(message);
            ids.add(id);
        }
        return ids;
    }

    /** Reads every instance's list of processed events, prints its share, and returns all of them together. */
    private static List<String> collect(List<Instance> instances) throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            Instance instance = instances.get(i);
            String line = expectLine(instance, "processed ");
            List<String> ids = line.equals("processed ") ? List.of()
                    : Arrays.asList(line.substring("processed ".length()).split(","));
            System.out.printf("  instance %d (pid %d): %d events%n", i + 1, instance.process().pid(), ids.size());
            all.addAll(ids);
        }
        return all;
    }

    private static String expectLine(Instance instance, String prefix) throws IOException {
        String line = instance.out().readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new IllegalStateException("consumer pid " + instance.process().pid() + " said " + line
                    + " instead of '" + prefix.strip() + "' (its errors are above)");
        }
        return line;
    }

    private static Options parse(String[] args) {
        String brokerUrl = null;
        int events = 180;
        int instances = 3;
        try {
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--broker" -> brokerUrl = value;
                    case "--events" -> events = Integer.parseInt(value);
                    case "--instances" -> instances = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException();
                }
            }
        } catch (RuntimeException badArgument) {
            usageError();
        }
        if (events < 1 || events > 100_000 || instances < 1 || instances > 8
                || (brokerUrl != null && !brokerUrl.matches("(tcp|ssl)://.+"))) {
            usageError();
        }
        return new Options(brokerUrl, events, instances);
    }

    private static void usageError() {
        System.err.println(USAGE);
        System.exit(2);
    }
}

/**
 * The chapter's event consumer microservice: ONE thread that takes events from a broker queue and handles them one
 * at a time. It never starts a thread; to handle more events per second you run more of these processes against the
 * same queue.
 *
 * <p>{@link ScaleOutConsumers} runs it in child processes and talks to it over stdin/stdout: it connects and prints
 * {@code ready}; then, for every line {@code go}, it consumes until the queue is empty and prints
 * {@code processed <event ids, comma-separated>}. It ends when its stdin ends.
 */
final class EventConsumer {
    static final String EVENT_ID = "eventId";

    private EventConsumer() {}

    static void run(String brokerUrl, String queueName, long workMillis) throws Exception {
        // consumerWindowSize=0: take one message per request instead of buffering a batch in this client, so the
        // broker hands each event to whichever instance asks next (fair sharing among instances).
        var factory = new ActiveMQConnectionFactory(brokerUrl + (brokerUrl.contains("?") ? "&" : "?")
                + "consumerWindowSize=0");
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
            connection.start();
            System.out.println("ready");
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in));
            while ("go".equals(commands.readLine())) {
                List<String> processed = new ArrayList<>();
                for (Message event; (event = consumer.receiveNoWait()) != null; ) {
                    processed.add(handle(event, workMillis));
                }
                System.out.println("processed " + String.join(",", processed));
            }
        }
    }

    /** The service's work on one event: here a pause standing for the I/O a real service would do. */
    private static String handle(Message event, long workMillis) throws JMSException, InterruptedException {
        Thread.sleep(workMillis);
        return event.getStringProperty(EVENT_ID);
    }
}
