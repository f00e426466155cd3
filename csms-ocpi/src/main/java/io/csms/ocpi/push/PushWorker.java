package io.csms.ocpi.push;

import io.csms.roaming.OcpiClient;
import io.csms.roaming.Partner;
import io.csms.roaming.PartnerTokens;
import io.csms.roaming.Partners;
import io.csms.roaming.outbox.Outbox;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the outbox: every {@code csms.ocpi.push.interval} (default 200 ms) it looks for partners
 * with rows due and gives each one task on the managed executor, which claims that partner's rows
 * and pushes them in order. One partner's task at a time per node, so a partner that is slow or
 * down holds only its own queue; a failed push postpones the partner's rows with growing backoff.
 */
@ApplicationScoped
public class PushWorker {

    private static final Logger LOG = Logger.getLogger(PushWorker.class.getName());
    /** How long a claim holds rows against other workers: longer than a partner's whole batch takes. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private static final int BATCH = 20;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Outbox outbox;

    @Inject
    PartnerTokens tokens;

    @Inject
    Partners partners;

    @Inject
    LocationPush locations;

    @Inject
    TariffPush tariffPushes;

    @Inject
    @ConfigProperty(name = "csms.ocpi.push.interval", defaultValue = "PT0.2S")
    Duration interval;

    private final Set<Long> busy = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Polls and drains under way: the application is not taken down under them. */
    private final AtomicInteger running = new AtomicInteger();

    private volatile ScheduledFuture<?> polling;
    /** After a failed poll (database away), no poll before this {@link System#nanoTime()}. */
    private volatile long quietUntil = System.nanoTime();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        polling = scheduler.scheduleWithFixedDelay(
                this::poll, 1000, Math.max(50, interval.toMillis()), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops polling as soon as the application starts going down, and waits (at most 10 s) for the
     * work under way: a poll that ran on into an undeployment called beans being destroyed and left a
     * dead transaction on a pooled thread of the server's executor, which broke later tasks there.
     * What is not sent stays in the outbox.
     */
    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        stop();
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
        if (polling != null) {
            polling.cancel(false);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void poll() {
        running.incrementAndGet();
        try {
            if (stopping.get() || System.nanoTime() - quietUntil < 0) {
                return;
            }
            List<Long> due;
            try {
                due = outbox.partnersDue();
            } catch (RuntimeException e) {
                // the database is away: the rows wait there; ask again in a few seconds, not every poll
                quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                LOG.log(Level.FINE, "Outbox not readable: {0}", e.toString());
                return;
            }
            for (long partner : due) {
                if (!stopping.get() && busy.add(partner)) {
                    try {
                        executor.execute(() -> {
                            running.incrementAndGet();
                            try {
                                if (!stopping.get()) {
                                    drain(partner);
                                }
                            } finally {
                                busy.remove(partner);
                                running.decrementAndGet();
                            }
                        });
                    } catch (RuntimeException rejected) {
                        busy.remove(partner);
                    }
                }
            }
        } finally {
            running.decrementAndGet();
        }
    }

    /** Pushes the partner's due rows in order until none is left or one fails. */
    private void drain(long partnerId) {
        try {
            while (!stopping.get()) {
                List<Outbox.Claimed> rows = outbox.claim(partnerId, BATCH, LEASE);
                if (rows.isEmpty()) {
                    return;
                }
                Optional<Partner> partner = partners.find(partnerId);
                Optional<PartnerTokens.Outgoing> out = tokens.outgoing(partnerId);
                for (int i = 0; i < rows.size(); i++) {
                    Outbox.Claimed row = rows.get(i);
                    if (stopping.get()) {
                        outbox.release(rows.subList(i, rows.size()));
                        return;
                    }
                    if (partner.isEmpty() || partner.get().status() != Partner.Status.REGISTERED || out.isEmpty()) {
                        outbox.dropped(row);
                        continue;
                    }
                    try {
                        boolean sent = switch (row.type()) {
                            case LOCATION -> locations.push(row, partner.get(), out.get());
                            case TARIFF -> tariffPushes.push(row, partner.get(), out.get());
                        };
                        if (sent) {
                            outbox.delivered(row);
                        } else {
                            outbox.dropped(row);
                        }
                    } catch (OcpiClient.CallFailed e) {
                        Duration backoff = outbox.failed(row, e.getMessage());
                        LOG.log(Level.INFO, "Push to partner {0} failed, next try in {1}: {2}", new Object[] {
                            partnerId, backoff, e.getMessage()
                        });
                        outbox.release(rows.subList(i + 1, rows.size()));
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            // leased rows come back when the lease ends
            LOG.log(Level.WARNING, "Pushing to partner " + partnerId + " stopped", e);
        }
    }
}
