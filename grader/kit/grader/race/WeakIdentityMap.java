package kit.grader.race;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.Supplier;

/**
 * A map from objects, by identity, to values, that does not keep its keys alive: the detector's shadow of every
 * object it has seen, which must not outlive the object (memory stays bounded however long the traffic). A value
 * must not refer to its key. Thread-safe: the keys are spread over segments, each guarded by its own monitor.
 */
final class WeakIdentityMap<V> {
    private static final int SEGMENTS = 64; // a power of two

    @SuppressWarnings("unchecked")
    private final Segment<V>[] segments = new Segment[SEGMENTS];

    WeakIdentityMap() {
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment<>();
        }
    }

    V get(Object key) {
        int hash = hash(key);
        return segments[hash & (SEGMENTS - 1)].get(key, hash);
    }

    V computeIfAbsent(Object key, Supplier<V> create) {
        int hash = hash(key);
        return segments[hash & (SEGMENTS - 1)].computeIfAbsent(key, hash, create);
    }

    void put(Object key, V value) {
        int hash = hash(key);
        segments[hash & (SEGMENTS - 1)].put(key, hash, value);
    }

    /** How many entries are held (stale ones included until their segment is next written). */
    int size() {
        int size = 0;
        for (Segment<V> segment : segments) {
            synchronized (segment) {
                size += segment.size;
            }
        }
        return size;
    }

    private static int hash(Object key) {
        int h = System.identityHashCode(key);
        return h ^ (h >>> 16);
    }

    private static final class Entry<V> extends WeakReference<Object> {
        final int hash;
        V value;
        Entry<V> next;

        Entry(Object key, int hash, V value, Entry<V> next, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.hash = hash;
            this.value = value;
            this.next = next;
        }
    }

    private static final class Segment<V> {
        private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
        @SuppressWarnings("unchecked")
        private Entry<V>[] table = new Entry[16];
        private int size;

        synchronized V get(Object key, int hash) {
            for (Entry<V> e = table[index(hash, table.length)]; e != null; e = e.next) {
                if (e.hash == hash && e.get() == key) {
                    return e.value;
                }
            }
            return null;
        }

        synchronized V computeIfAbsent(Object key, int hash, Supplier<V> create) {
            V value = get(key, hash);
            if (value == null) {
                value = create.get();
                add(key, hash, value);
            }
            return value;
        }

        synchronized void put(Object key, int hash, V value) {
            for (Entry<V> e = table[index(hash, table.length)]; e != null; e = e.next) {
                if (e.hash == hash && e.get() == key) {
                    e.value = value;
                    return;
                }
            }
            add(key, hash, value);
        }

        private void add(Object key, int hash, V value) {
            expunge();
            if (size >= table.length * 3 / 4) {
                resize();
            }
            int i = index(hash, table.length);
            table[i] = new Entry<>(key, hash, value, table[i], queue);
            size++;
        }

        private static int index(int hash, int length) {
            return (hash >>> 6) & (length - 1); // the low bits chose the segment
        }

        @SuppressWarnings("unchecked")
        private void resize() {
            Entry<V>[] old = table;
            table = new Entry[old.length * 2];
            for (Entry<V> head : old) {
                for (Entry<V> e = head; e != null;) {
                    Entry<V> next = e.next;
                    int i = index(e.hash, table.length);
                    e.next = table[i];
                    table[i] = e;
                    e = next;
                }
            }
        }

        /** Drops the entries whose keys the garbage collector has taken. */
        @SuppressWarnings("unchecked")
        private void expunge() {
            for (Object gone; (gone = queue.poll()) != null;) {
                Entry<V> dead = (Entry<V>) gone;
                int i = index(dead.hash, table.length);
                Entry<V> prev = null;
                for (Entry<V> e = table[i]; e != null; prev = e, e = e.next) {
                    if (e == dead) {
                        if (prev == null) {
                            table[i] = e.next;
                        } else {
                            prev.next = e.next;
                        }
                        e.value = null;
                        size--;
                        break;
                    }
                }
            }
        }
    }
}
