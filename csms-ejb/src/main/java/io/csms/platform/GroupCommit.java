package io.csms.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit: writes from many chargers queue up while the previous batch is being written, and
 * each batch is one database transaction ({@code writeAll}, which answers one result per item, in
 * order). Each caller's future completes once the batch holding its item is committed, so nothing is
 * acknowledged before it is stored, and socket threads do not wait on the database (a full queue
 * fails the item at once; only while the writers stop does the caller write its item itself).
 * Futures are completed on threads of their own, so what callers chain to them (sending the answer
 * to a charger) never holds up the next batch. When a batch fails, it is split in halves until the
 * bad item fails alone; when the database is out of reach, the whole batch fails at once.
 *
 * <p>A batch may wait a little ({@code linger}, counted from when its first item was queued) for
 * more items: at a few hundred items a second the writers would otherwise be idle when each item
 * arrives and write every item alone, one commit each, which costs the database far more than the
 * wait costs the charger. One writer at a time gathers, so two writers do not split the items.
 *
 * @param <T> what is written
 * @param <R> what the write answers for each item
 */
public final class GroupCommit<T, R> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    /** Each charger has at most one CALL in flight, so this bounds what waits by far more than a node's chargers. */
    private static final int QUEUE_CAPACITY = 50_000;

    private record Pending<T, R>(T item, CompletableFuture<R> done, long queuedAt) {}

    private final String name;
    private final int batchSize;
    private final long lingerNanos;
    private final Object gathering = new Object();
    private final Function<List<T>, List<R>> writeAll;
    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final List<Thread> running = new ArrayList<>();
    private final ExecutorService completions;
    private volatile boolean stopping;

    /**
     * Starts {@code writers} threads from {@code threads}: while one commits, the next batch gathers
     * for another. A batch holds at most {@code batchSize} items and waits at most {@code linger}
     * for more once it has one.
     */
    public GroupCommit(
            String name,
            ThreadFactory threads,
            int writers,
            int batchSize,
            Duration linger,
            Function<List<T>, List<R>> writeAll) {
        this.name = name;
        this.batchSize = Math.max(1, batchSize);
        this.lingerNanos = Math.max(0, linger.toNanos());
        this.writeAll = writeAll;
        AtomicInteger completers = new AtomicInteger();
        this.completions = Executors.newFixedThreadPool(2 * Math.max(1, writers), task -> {
            Thread thread = threads.newThread(task);
            thread.setName("csms-" + name + "-answers-" + completers.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < Math.max(1, writers); i++) {
            Thread thread = threads.newThread(this::writeUntilStopped);
            thread.setName("csms-" + name + "-" + i);
            thread.setDaemon(true);
            running.add(thread);
            thread.start();
        }
    }

    /**
     * Writes {@code item} with others; the future completes with its result once committed. When
     * the writers are far behind (the queue is full) it fails at once: the caller's thread (a
     * charger's socket thread) never waits for the database.
     */
    public CompletableFuture<R> submit(T item) {
        CompletableFuture<R> done = new CompletableFuture<>();
        Pending<T, R> pending = new Pending<>(item, done, System.nanoTime());
        if (!stopping && queue.offer(pending)) {
            if (stopping && queue.remove(pending)) {
                write(List.of(pending)); // stopped while it was queued: the writers may have left
            }
        } else if (stopping) {
            write(List.of(pending)); // shutting down: written on the caller's thread, alone
        } else {
            done.completeExceptionally(new IllegalStateException(name + ": " + QUEUE_CAPACITY + " items wait already"));
        }
        return done;
    }

    private void writeUntilStopped() {
        List<Pending<T, R>> batch = new ArrayList<>(batchSize);
        while (!stopping || !queue.isEmpty()) {
            try {
                gather(batch);
                if (batch.isEmpty()) {
                    continue;
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            } catch (RuntimeException | Error e) {
                // the writer goes on: one broken batch must not stop every later one
                LOG.severe(() -> "Group commit " + name + " failed: " + Failures.summary(e));
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** The next batch: what is queued, and what comes until the first item has lingered long enough. */
    private void gather(List<Pending<T, R>> batch) throws InterruptedException {
        synchronized (gathering) {
            Pending<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
            if (first == null) {
                return;
            }
            batch.add(first);
            queue.drainTo(batch, batchSize - 1);
            long deadline = first.queuedAt() + lingerNanos;
            long left;
            while (batch.size() < batchSize && !stopping && (left = deadline - System.nanoTime()) > 0) {
                Pending<T, R> next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    return;
                }
                batch.add(next);
                queue.drainTo(batch, batchSize - batch.size());
            }
        }
    }

    /**
     * Writes a batch in one transaction. When it fails because of one item, the halves are written
     * apart, again and again, so that a bad item costs a few more transactions rather than one per
     * item, and fails alone. When it fails because the database cannot be reached, every item fails
     * at once: splitting would only multiply the waits.
     */
    private void write(List<Pending<T, R>> batch) {
        try {
            List<R> results = writeAll.apply(batch.stream().map(Pending::item).toList());
            for (int i = 0; i < batch.size(); i++) {
                complete(batch.get(i).done(), results.get(i), null);
            }
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1 || Failures.databaseUnreachable(batchFailed)) {
                // logged without the items: they carry chargers' data (ICCID, IMSI, id tags)
                LOG.warning(() -> name + ": " + batch.size() + " item(s) not stored: " + Failures.summary(batchFailed));
                LOG.log(Level.FINE, name + ": not stored", batchFailed);
                batch.forEach(p -> complete(p.done(), null, batchFailed));
                return;
            }
            int half = batch.size() / 2;
            write(batch.subList(0, half));
            write(batch.subList(half, batch.size()));
        }
    }

    private void complete(CompletableFuture<R> done, R result, Throwable failure) {
        Runnable completion = failure == null ? () -> done.complete(result) : () -> done.completeExceptionally(failure);
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException stopped) {
            completion.run();
        }
    }

    /** Writes what is queued, then stops the writer threads (waiting at most 10 s for each). */
    public void stop() {
        stopping = true;
        try {
            for (Thread thread : running) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            completions.shutdown();
            completions.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
