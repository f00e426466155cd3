package io.csms.transaction;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit for meter values, the most frequent message that writes: messages from all chargers
 * queue up while the previous batch is being written, and each batch is one database transaction.
 * A charger's answer waits for the commit of the batch that holds its values (the returned future),
 * so nothing is acknowledged before it is stored; the socket thread is free meanwhile. When a batch
 * fails, its messages are written one by one, so that one bad message fails alone.
 */
@ApplicationScoped
public class MeterValueWriter {

    private static final Logger LOG = Logger.getLogger(MeterValueWriter.class.getName());

    @Inject
    Transactions transactions;

    @Resource
    ManagedThreadFactory threads;

    /** Threads that write batches: while one commits, the next batch gathers for the other. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.meter-value-writers", defaultValue = "2")
    int writers;

    /** Most messages in one batch. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.meter-value-batch", defaultValue = "500")
    int batchSize;

    private record Pending(Transactions.Metering metering, CompletableFuture<Void> stored) {}

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(100_000);
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        for (int i = 0; i < Math.max(1, writers); i++) {
            Thread thread = threads.newThread(this::writeUntilStopped);
            thread.setName("csms-meter-values-" + i);
            thread.setDaemon(true);
            running.add(thread);
            thread.start();
        }
    }

    /** Stores the values of one MeterValues message; the future completes once they are committed. */
    public CompletableFuture<Void> record(Transactions.Metering metering) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        if (stopping || !queue.offer(new Pending(metering, stored))) {
            // shutting down, or far behind: written on the caller's thread, as without a writer
            transactions.recordAll(List.of(metering));
            stored.complete(null);
        }
        return stored;
    }

    private void writeUntilStopped() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
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
                LOG.log(Level.SEVERE, "Meter value writer failed", e);
                batch.forEach(p -> p.stored().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            transactions.recordAll(batch.stream().map(Pending::metering).toList());
            batch.forEach(p -> p.stored().complete(null));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                LOG.log(Level.WARNING, "Meter values of " + batch.get(0).metering().chargerId() + " not stored", batchFailed);
                batch.get(0).stored().completeExceptionally(batchFailed);
                return;
            }
            for (Pending one : batch) {
                write(List.of(one));
            }
        }
    }

    @PreDestroy
    void stop() {
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
