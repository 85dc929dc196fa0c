package kit.grader.cli;

import kit.grader.layout.KitLayout;
import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tells when the learner saves a {@code .java} file of one folder with new content: through the operating system's
 * file events (a {@link WatchService}) where the JDK has them (Linux, Windows), by looking every half second where
 * its WatchService would only poll every few seconds itself (macOS), or with {@code --poll} (network or
 * container-mounted folders, whose events may never arrive). A save that leaves the content as it was, or an
 * editor's temporary files, do not count.
 */
final class SourceWatcher implements AutoCloseable {
    private static final long POLL_MILLIS = 500;
    private static final long SETTLE_MILLIS = 150; // an editor's save may be several writes and a rename

    private final Path dir;
    private final Runnable onChange;
    private final WatchService events;
    private final Thread thread;
    private volatile boolean closed;
    private Map<String, Integer> fingerprint;

    SourceWatcher(Path dir, boolean poll, Runnable onChange) {
        this.dir = dir;
        this.onChange = onChange;
        this.fingerprint = fingerprint();
        this.events = poll ? null : nativeWatchService(dir);
        this.thread = new Thread(events == null ? this::poll : this::listen, "watch-" + dir.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether it hears the operating system's events (false: it polls). */
    boolean usesFileEvents() {
        return events != null;
    }

    private static WatchService nativeWatchService(Path dir) {
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            if (service.getClass().getName().contains("Polling")) { // macOS: the JDK would poll every 2-10 s
                service.close();
                return null;
            }
            dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            return service;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private void listen() {
        try {
            while (!closed) {
                var key = events.take();
                Thread.sleep(SETTLE_MILLIS);
                key.pollEvents();
                key.reset();
                checkForChange();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the learner moved on or quit
        }
    }

    private void poll() {
        try {
            while (!closed) {
                Thread.sleep(POLL_MILLIS);
                checkForChange();
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void checkForChange() {
        Map<String, Integer> now = fingerprint();
        if (!now.equals(fingerprint) && !closed) {
            fingerprint = now;
            onChange.run();
        }
    }

    /** The content of each .java file of the folder, as a hash. */
    private Map<String, Integer> fingerprint() {
        Map<String, Integer> hashes = new LinkedHashMap<>();
        for (Path file : KitLayout.javaFiles(dir)) {
            try {
                hashes.put(file.getFileName().toString(), Arrays.hashCode(Files.readAllBytes(file)));
            } catch (IOException e) {
                hashes.put(file.getFileName().toString(), -1); // being written: the next event reads it again
            }
        }
        return hashes;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            if (events != null) {
                events.close();
            }
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
