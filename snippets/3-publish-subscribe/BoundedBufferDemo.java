///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES ../../solutions/bounded-buffer/BoundedBuffer.java

// A bounded buffer with two conditions: a fast producer and a slow consumer. The producer cannot run ahead of the
// consumer by more than the buffer's capacity - put() waits on the condition "not full" - so memory stays bounded.
//
// Run:  ./jbang 3c-bounded-buffer
//
// You will see: the largest size the buffer ever had (it reaches the capacity, 10, and never more: "never above
// capacity: true"), that all 300 items arrived in order ("all in order: true"), and how long the producer took:
// alone it would need well under a millisecond, but it finishes only shortly before the consumer (about 1 ms per
// item), because it waited for space. The size and order lines are the same on every run; the times vary.

import boundedbuffer.BoundedBuffer;
import java.util.concurrent.atomic.AtomicInteger;

public class BoundedBufferDemo {
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 0) {
            System.err.println("usage: ./jbang 3c-bounded-buffer (no arguments)");
            System.exit(2);
        }
        FastProducerSlowConsumer.run(10, 300);
    }
}

// tag::fast-producer[]
/** A producer that puts as fast as it can, a consumer that takes one item per millisecond, a buffer between. */
final class FastProducerSlowConsumer {
    static void run(int capacity, int items) throws InterruptedException {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(capacity);
        AtomicInteger maxSize = new AtomicInteger();
        long start = System.nanoTime();
        long[] producerDone = new long[1];
        Thread producer = Thread.ofPlatform().name("producer").start(() -> {
            try {
                for (int item = 1; item <= items; item++) {
                    buffer.put(item); // waits while the buffer is full
                    maxSize.accumulateAndGet(buffer.size(), Math::max); // the size peaks right after a put
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producerDone[0] = System.nanoTime(); // read after join()
        });
        boolean inOrder = true;
        for (int expected = 1; expected <= items; expected++) {
            inOrder &= buffer.take() == expected; // waits while the buffer is empty
            Thread.sleep(1); // the slow consumer
        }
        producer.join();
        System.out.printf("capacity %d, largest size seen %d, never above capacity: %s%n", capacity, maxSize.get(),
                maxSize.get() <= capacity);
        System.out.printf("consumer took %d items, all in order: %s%n", items, inOrder);
        System.out.printf("producer finished after %,d ms, consumer after %,d ms: the producer waited for space%n",
                (producerDone[0] - start) / 1_000_000, (System.nanoTime() - start) / 1_000_000);
    }
}
// end::fast-producer[]
