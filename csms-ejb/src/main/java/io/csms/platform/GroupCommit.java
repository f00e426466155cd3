package io.csms.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit: writes from many chargers queue up while the previous batch is being written, and
 * each batch is one database transaction ({@code writeAll}, which answers one result per item, in
 * order). Each caller's future completes once the batch holding its item is committed, so nothing is
 * acknowledged before it is stored, and the socket threads never wait on the database. When a batch
 * fails, its items are written one by one, so that one bad item fails alone.
 *
 * @param <T> what is written
 * @param <R> what the write answers for each item
 */
public final class GroupCommit<T, R> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    private static final int QUEUE_CAPACITY = 100_000;

    private record Pending<T, R>(T item, CompletableFuture<R> done) {}

    private final String name;
    private final int batchSize;
    private final Function<List<T>, List<R>> writeAll;
    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopping;

    /**
     * Starts {@code writers} threads from {@code threads}: while one commits, the next batch gathers
     * for another. A batch holds at most {@code batchSize} items.
     */
    public GroupCommit(String name, ThreadFactory threads, int writers, int batchSize, Function<List<T>, List<R>> writeAll) {
        this.name = name;
        this.batchSize = Math.max(1, batchSize);
        this.writeAll = writeAll;
        for (int i = 0; i < Math.max(1, writers); i++) {
            Thread thread = threads.newThread(this::writeUntilStopped);
            thread.setName("csms-" + name + "-" + i);
            thread.setDaemon(true);
            running.add(thread);
            thread.start();
        }
    }

    /** Writes {@code item} with others; the future completes with its result once committed. */
    public CompletableFuture<R> submit(T item) {
        CompletableFuture<R> done = new CompletableFuture<>();
        if (stopping || !queue.offer(new Pending<>(item, done))) {
            // shutting down, or far behind: written on the caller's thread, alone
            write(List.of(new Pending<>(item, done)));
        }
        return done;
    }

    private void writeUntilStopped() {
        List<Pending<T, R>> batch = new ArrayList<>(batchSize);
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Group commit " + name + " failed", e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending<T, R>> batch) {
        try {
            List<R> results = writeAll.apply(batch.stream().map(Pending::item).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                LOG.log(Level.WARNING, name + ": not stored: " + batch.get(0).item(), batchFailed);
                batch.get(0).done().completeExceptionally(batchFailed);
                return;
            }
            for (Pending<T, R> one : batch) {
                write(List.of(one));
            }
        }
    }

    /** Writes what is queued, then stops the writer threads (waiting at most 10 s for each). */
    public void stop() {
        stopping = true;
        for (Thread thread : running) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
