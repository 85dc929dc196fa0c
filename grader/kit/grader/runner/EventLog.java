package kit.grader.runner;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The channel from the checking JVM to the grader: one line per event in a file, written straight through, so
 * whatever was written survives the JVM being halted or killed. The learner's code may print anything to stdout;
 * it cannot forge these lines: each is numbered and signed (HMAC-SHA256) with a key that the grader makes for each
 * JVM it starts and hands over on the JVM's standard input, which {@link CheckRunner} reads before any of the
 * learner's code is loaded. The learner's code could only learn the key by reading the runner's memory, and
 * {@link ForbiddenApis} refuses every API that could (reflection, Unsafe, agents, heap dumps, files). A line that is
 * not signed with that key, or out of its place, makes {@link #read} throw {@link Forged}.
 */
public final class EventLog {
    public enum Type { START, PASS, FAIL }

    /** One event: a check started, passed or failed (with what the learner should read). */
    public record Event(Type type, String key, String message) {}

    /** The events file holds a line that the checking JVM's runner did not write. */
    public static final class Forged extends RuntimeException {
        Forged(int line) {
            super("line " + line + " of the events file was not written by the grader's runner");
        }
    }

    private static final String ALGORITHM = "HmacSHA256";

    private final FileOutputStream out;
    private final Mac mac;
    private long written;

    public EventLog(Path file, byte[] key) {
        try {
            out = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mac = mac(key);
    }

    /** Makes a new key, hands it to {@code process} as the first line of its standard input, and closes that. */
    public static byte[] handOverKey(Process process) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (OutputStream in = process.getOutputStream()) {
            in.write((Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the process has already ended: it wrote nothing the grader could accept
        }
        return key;
    }

    /** The key the grader handed over (in the checking JVM, before anything else reads standard input). */
    static byte[] receiveKey(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
            if (line == null || line.isBlank()) {
                throw new IllegalStateException("no key on standard input: only the grader starts this runner");
            }
            return Base64.getDecoder().decode(line.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void write(Type type, String key, String message) {
        String encoded = Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
        String body = written++ + "\t" + type + "\t" + key + "\t" + encoded;
        try {
            out.write((body + "\t" + sign(mac, body) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The complete events in {@code file} (a line still being written is left for the next read), each checked
     * against {@code key} and its number.
     *
     * @throws Forged if a complete line is not one that the runner holding {@code key} wrote in that place
     */
    public static List<Event> read(Path file, byte[] key) {
        List<Event> events = new ArrayList<>();
        try {
            if (!Files.exists(file)) {
                return events;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // malformed bytes: no MAC fits
            String complete = text.substring(0, text.lastIndexOf('\n') + 1);
            Mac mac = mac(key);
            for (String line : complete.isEmpty() ? new String[0] : complete.split("\n")) {
                int cut = line.lastIndexOf('\t');
                String[] parts = line.split("\t", -1);
                if (cut < 0 || parts.length != 5 || !parts[0].equals(String.valueOf(events.size()))
                        || !MessageDigest.isEqual(sign(mac, line.substring(0, cut)).getBytes(StandardCharsets.UTF_8),
                                parts[4].getBytes(StandardCharsets.UTF_8))) {
                    throw new Forged(events.size() + 1);
                }
                events.add(new Event(Type.valueOf(parts[1]), parts[2],
                        new String(Base64.getDecoder().decode(parts[3]), StandardCharsets.UTF_8)));
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) { // not Base64, or no such type: not the runner's line either
            throw new Forged(events.size() + 1);
        }
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }

    private static String sign(Mac mac, String body) {
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
