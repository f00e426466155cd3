package io.csms.charging;

import io.csms.transaction.TransactionEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who is watching which session live, and the meter values and stop they are told about, once the
 * database has committed them. Costs one map lookup per MeterValues when nobody watches.
 */
@ApplicationScoped
public class LiveSessions {

    private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Watchers are told on other threads: the charger's socket thread only hands the event over. */
    @Resource
    ManagedExecutorService executor;

    private final Map<Integer, Set<Consumer<TransactionEvent>>> watchers = new ConcurrentHashMap<>();

    private final Map<Integer, CompletableFuture<Void>> queues = new ConcurrentHashMap<>();

    /** Until closed, {@code watcher} hears of each Metered and the Stopped event of the transaction. */
    public AutoCloseable watch(int transactionId, Consumer<TransactionEvent> watcher) {
        watchers.computeIfAbsent(transactionId, id -> new CopyOnWriteArraySet<>())
                .add(watcher);
        return () -> watchers.computeIfPresent(transactionId, (id, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    void metered(@Observes TransactionEvent.Metered event) {
        afterCommit(event);
    }

    void stopped(@Observes TransactionEvent.Stopped event) {
        afterCommit(event);
    }

    private void afterCommit(TransactionEvent event) {
        Set<Consumer<TransactionEvent>> set = watchers.get(event.transactionId());
        if (set == null) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    Runnable tell = () -> {
                        for (Consumer<TransactionEvent> watcher : set) {
                            try {
                                watcher.accept(event);
                            } catch (RuntimeException e) {
                                LOG.log(Level.FINE, "A live session watcher failed", e);
                            }
                        }
                    };
                    // one after the other per session, so "stopped" never overtakes the last meter values
                    int id = event.transactionId();
                    CompletableFuture<Void> told = queues.compute(
                            id,
                            (k, previous) -> (previous == null
                                            ? CompletableFuture.<Void>completedFuture(null)
                                            : previous)
                                    .thenRunAsync(tell, executor));
                    if (event instanceof TransactionEvent.Stopped) {
                        told.whenComplete((ok, failure) -> queues.remove(id, told));
                    }
                }
            }
        });
    }
}
