package kit.grader.host;

import java.nio.file.Path;

/**
 * The kit's cache folder, for what the grader makes once per machine and version and keeps: the check JVMs' class
 * archives ({@code check-jvm/}). {@code KIT_CACHE} when set, else {@code concurrency-kit} in the
 * user's cache folder ({@code XDG_CACHE_HOME} or {@code ~/.cache}) - the same folder ./jbang uses.
 */
final class KitCache {
    private KitCache() {}

    static Path dir() {
        String kitCache = System.getenv("KIT_CACHE");
        if (kitCache != null && !kitCache.isBlank()) {
            return Path.of(kitCache);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("concurrency-kit");
    }
}
