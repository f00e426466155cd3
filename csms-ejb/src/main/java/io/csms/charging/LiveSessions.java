package io.csms.charging;

import io.csms.transaction.TransactionEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Live streams one account may hold open at once. */
    @Inject
    @ConfigProperty(name = "csms.api.max-live-streams-per-account", defaultValue = "3")
    int perAccount;

    /** Live streams this node holds open at once, in all. */
    @Inject
    @ConfigProperty(name = "csms.api.max-live-streams", defaultValue = "1000")
    int overall;

    /** How long a live stream lasts at most (the app opens a new one). */
    @Inject
    @ConfigProperty(name = "csms.api.live-stream-lifetime", defaultValue = "PT1H")
    Duration lifetime;

    /** How often an idle stream is sent a comment, so that a client that went away is found. */
    @Inject
    @ConfigProperty(name = "csms.api.live-stream-keepalive", defaultValue = "PT30S")
    Duration keepAlive;

    private final Map<Long, AtomicInteger> streams = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    /** One open live stream: counted against its account until closed; its timers end with it. */
    public final class Stream implements AutoCloseable {
        private final long accountId;
        private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();
        private final AtomicBoolean closed = new AtomicBoolean();

        private Stream(long accountId) {
            this.accountId = accountId;
        }

        /**
         * Runs {@code keepAlive} every {@code csms.api.live-stream-keepalive} and {@code end} once
         * {@code csms.api.live-stream-lifetime} has passed.
         */
        public void timed(Runnable keepAliveTask, Runnable end) {
            long every = LiveSessions.this.keepAlive.toMillis();
            timers.add(scheduler.scheduleAtFixedRate(keepAliveTask, every, every, TimeUnit.MILLISECONDS));
            timers.add(scheduler.schedule(end, lifetime.toMillis(), TimeUnit.MILLISECONDS));
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                timers.forEach(t -> t.cancel(false));
                open.decrementAndGet();
                streams.computeIfPresent(accountId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
            }
        }
    }

    /**
     * Counts a new live stream of {@code accountId}; empty when the account already holds {@code
     * csms.api.max-live-streams-per-account} or the node {@code csms.api.max-live-streams} (security
     * review M12: abandoned streams must not pile up).
     */
    public Optional<Stream> admit(long accountId) {
        if (open.incrementAndGet() > overall) {
            open.decrementAndGet();
            return Optional.empty();
        }
        AtomicInteger count = streams.computeIfAbsent(accountId, id -> new AtomicInteger());
        if (count.incrementAndGet() > perAccount) {
            count.decrementAndGet();
            open.decrementAndGet();
            return Optional.empty();
        }
        return Optional.of(new Stream(accountId));
    }

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
