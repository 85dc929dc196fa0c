import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

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
