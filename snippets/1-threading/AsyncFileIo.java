///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+

// Asynchronous file I/O - the chapter's aiofiles - in Java: AsynchronousFileChannel, and what it really does on Linux.
//
// The call returns at once and a CompletionHandler runs when the data is there, which looks like the kernel doing
// the I/O in the background. It is not: on Linux (and macOS) the JDK's implementation is
// sun.nio.ch.SimpleAsynchronousFileChannelImpl, which hands each read or write to a thread pool where an ordinary
// blocking pread/pwrite runs - no kernel AIO (libaio, io_submit) and no io_uring. Only Windows has a truly
// asynchronous implementation (I/O completion ports). The script shows it: it prints the channel's class, the
// thread the read completed on and that thread's stack; then it passes a pool of one thread, keeps that thread busy,
// and shows that no byte arrives until the thread is free - the read is a task waiting in a pool.
//
// The chapter's aside says Python uses libaio or POSIX AIO; it does not either: asyncio has no asynchronous file
// I/O, and aiofiles runs each file call on a thread pool (loop.run_in_executor). Even POSIX AIO (aio_read) is
// implemented with threads inside glibc. Asynchronous file I/O in both languages means "a pool thread blocks for you".
//
// Run:   ./jbang 1c-async-file-io
// You will see:
//        "channel class: sun.nio.ch.SimpleAsynchronousFileChannelImpl" (on Linux and macOS), the read completing on
//        a pool thread (not main) inside ThreadPoolExecutor; with our busy one-thread pool "read done: false, bytes
//        in the buffer: 0", then the read on "file-io-1"; and "content read back equals written: true".
// Varies: thread numbers; nothing else.

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public class AsyncFileIo {
    /** What the CompletionHandler saw: bytes read, the thread it ran on, and that thread's stack at that moment. */
    private record Completion(int bytesRead, Thread thread, List<String> stack) {
        boolean onPoolThread() {
            return thread != mainThread
                    && stack.stream().anyMatch(frame -> frame.startsWith("java.util.concurrent.ThreadPoolExecutor"));
        }
    }

    private static final Thread mainThread = Thread.currentThread();

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            System.err.println("usage: ./jbang 1c-async-file-io (takes no arguments)");
            System.exit(2);
        }
        show();
    }

    /** Writes a file, reads it back asynchronously, and shows on which thread each read really ran. */
    static void show() throws Exception {
        byte[] written = "an exported line of data\n".repeat(4096).getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempFile("kit-async-file-io", ".txt");
        try {
            System.out.println("main thread: " + mainThread);
            boolean sameContent;
            try (AsynchronousFileChannel channel = AsynchronousFileChannel.open(file, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                System.out.println("channel class: " + channel.getClass().getName());
                int bytesWritten = channel.write(ByteBuffer.wrap(written), 0).get(); // a Future; get() waits
                System.out.println("wrote " + bytesWritten + " bytes (write returned a Future at once)");

                ByteBuffer readBack = ByteBuffer.allocate(written.length);
                Completion first = read(channel, readBack, 0).join();
                report("the default pool", first);
                while (readBack.hasRemaining()) { // a read may return fewer bytes than asked for
                    if (read(channel, readBack, readBack.position()).join().bytesRead() < 0) {
                        break;
                    }
                }
                sameContent = Arrays.equals(written, readBack.array());
            }

            sameContent &= readWithOwnPool(file, written);
            System.out.println("content read back equals written: " + sameContent);
            System.out.println("what happened: each read was a blocking pread run on a pool thread, which then called"
                    + " the handler - a thread pool, not kernel asynchronous I/O.");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Reads with a pool of ONE thread that we first keep busy: as long as it is busy, not a byte arrives, because
     * the read is a task waiting for that thread, not an I/O request the kernel is working on.
     */
    private static boolean readWithOwnPool(Path file, byte[] expected) throws Exception {
        ExecutorService ownPool = Executors.newSingleThreadExecutor(task -> new Thread(task, "file-io-1"));
        CountDownLatch release = new CountDownLatch(1);
        try (AsynchronousFileChannel channel = AsynchronousFileChannel.open(file, Set.of(StandardOpenOption.READ),
                ownPool)) {
            ownPool.execute(() -> awaitQuietly(release)); // the pool's only thread is now busy
            ByteBuffer buffer = ByteBuffer.allocate(expected.length);
            CompletableFuture<Completion> pending = read(channel, buffer, 0);
            Thread.sleep(200);
            System.out.println();
            System.out.println("with our own pool of one thread, kept busy for 200 ms: read done: " + pending.isDone()
                    + ", bytes in the buffer: " + buffer.position());
            release.countDown();
            report("our own pool, once its thread was free,", pending.join());
            return Arrays.equals(expected, buffer.array());
        } finally {
            ownPool.shutdown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts one read; the future completes from the CompletionHandler, with what the handler observed. */
    private static CompletableFuture<Completion> read(AsynchronousFileChannel channel, ByteBuffer into, long position) {
        CompletableFuture<Completion> done = new CompletableFuture<>();
        channel.read(into, position, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer bytesRead, Void attachment) {
                List<String> stack = StackWalker.getInstance()
                        .walk(frames -> frames.map(f -> f.getClassName() + "." + f.getMethodName()).distinct()
                                .toList());
                done.complete(new Completion(bytesRead, Thread.currentThread(), stack));
            }

            @Override
            public void failed(Throwable failure, Void attachment) {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    private static void report(String pool, Completion completion) {
        System.out.println();
        System.out.println("read of " + completion.bytesRead() + " bytes with " + pool + " completed on thread: "
                + completion.thread());
        System.out.println("  completed on a pool thread: " + completion.onPoolThread());
        System.out.println("  its stack in the handler:");
        completion.stack().forEach(frame -> System.out.println("    " + frame));
    }
}
