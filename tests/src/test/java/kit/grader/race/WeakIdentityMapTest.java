package kit.grader.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector's shadow map: by identity, and it lets go of what the program let go of. */
class WeakIdentityMapTest {
    private record Key(int value) {}

    @Test
    void findsByIdentityNotByEquals() {
        WeakIdentityMap<String> map = new WeakIdentityMap<>();
        Key a = new Key(1);
        Key b = new Key(1);
        map.put(a, "a");
        assertEquals("a", map.get(a));
        assertNull(map.get(b));
        assertSame(map.computeIfAbsent(b, () -> "b"), map.get(b));
    }

    @Test
    void shadowsOfCollectedObjectsAreDropped() throws InterruptedException {
        WeakIdentityMap<int[]> map = new WeakIdentityMap<>();
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            Object key = new Object();
            map.put(key, new int[] {i});
            if (i % 1000 == 0) {
                kept.add(key);
            }
        }
        for (int attempt = 0; attempt < 20 && map.size() > 10_000; attempt++) {
            System.gc();
            Thread.sleep(50);
            for (int i = 0; i < 1000; i++) { // writes drop the stale entries of their segment
                map.put(new Object(), new int[0]);
            }
        }
        assertTrue(map.size() <= 10_000, "entries left after the keys were collected: " + map.size());
        for (Object key : kept) {
            assertTrue(map.get(key) != null, "a live key lost its value");
        }
    }
}
