package io.csms.ocpi.push;

import io.csms.roaming.OcpiClient;
import io.csms.roaming.Partner;
import io.csms.roaming.PartnerTokens;
import io.csms.roaming.Partners;
import io.csms.roaming.outbox.Outbox;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the outbox: every {@code csms.ocpi.push.interval} (default 200 ms) its own thread looks for
 * partners with rows due and gives each one task on the managed executor, which claims that partner's rows
 * and pushes them in order. One partner's task at a time per node, so a partner that is slow or
 * down holds only its own queue; a failed push postpones the partner's rows with growing backoff.
 */
@ApplicationScoped
public class PushWorker {

    private static final Logger LOG = Logger.getLogger(PushWorker.class.getName());
    /** How long a claim holds rows against other workers: longer than a partner's whole batch takes. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private static final int BATCH = 50;

    /** The poll's own thread: the server's shared scheduler also runs flushes and timeouts, which must not hold it up. */
    @Resource
    ManagedThreadFactory threads;

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
    OcpiClient client;

    @Inject
    Receivers receivers;

    /** Pushes in flight to one partner at most. */
    @Inject
    @ConfigProperty(name = "csms.ocpi.push.concurrency", defaultValue = "8")
    int concurrency;

    @Inject
    TariffPush tariffPushes;

    @Inject
    SessionPush sessionPushes;

    @Inject
    CdrPush cdrPushes;

    @Inject
    CommandPush commandPushes;

    @Inject
    io.csms.roaming.cdrs.Cdrs cdrs;

    @Inject
    @ConfigProperty(name = "csms.ocpi.push.interval", defaultValue = "PT0.2S")
    Duration interval;

    private final Set<Long> busy = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Polls and drains under way: the application is not taken down under them. */
    private final AtomicInteger running = new AtomicInteger();

    private volatile Thread poller;
    /** After a failed poll (database away), no poll before this {@link System#nanoTime()}. */
    private volatile long quietUntil = System.nanoTime();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Thread thread = threads.newThread(this::polls);
        thread.setName("ocpi-push-poll");
        thread.setDaemon(true);
        poller = thread;
        thread.start();
    }

    /**
     * Polls every {@code interval} (the first after a second, when what waited for a later time is
     * made due) until the application stops.
     */
    private void polls() {
        long pause = Math.max(50, interval.toMillis());
        try {
            Thread.sleep(1000);
            try {
                int forward = outbox.dueNowAfterStart();
                if (forward > 0) {
                    LOG.info(() -> forward + " outbox rows owed to partners are due now that the CSMS has started");
                }
            } catch (RuntimeException e) {
                // the database is away: the rows keep their times and are pushed when due
                LOG.log(Level.WARNING, "Outbox rows could not be brought forward at start", e);
            }
            while (!stopping.get()) {
                try {
                    poll();
                } catch (RuntimeException e) {
                    // never the end of the polling: the rows wait, the next poll tries again
                    LOG.log(Level.WARNING, "Outbox poll failed", e);
                }
                Thread.sleep(pause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /**
     * Pushes the partner's due rows, a batch at a time, until none is left or a push fails: each
     * batch's states are read at once, its requests go out with at most {@code
     * csms.ocpi.push.concurrency} in flight (every row is a different object, so order per object
     * holds), and its outcome is written in one transaction.
     */
    private void drain(long partnerId) {
        try {
            while (!stopping.get()) {
                List<Outbox.Claimed> rows = outbox.claim(partnerId, BATCH, LEASE);
                if (rows.isEmpty()) {
                    return;
                }
                Optional<Partner> partner = partners.find(partnerId);
                Optional<PartnerTokens.Outgoing> out = tokens.outgoing(partnerId);
                if (partner.isEmpty() || partner.get().status() != Partner.Status.REGISTERED || out.isEmpty()) {
                    // a CDR or a command's result is owed whatever the partner's standing now (suspended,
                    // between tokens): it waits on its own backoff; what tells of a current state goes
                    // (it is sent whole later)
                    List<Outbox.Claimed> owed = partner.isEmpty()
                            ? List.of()
                            : rows.stream()
                                    .filter(r ->
                                            r.type() == Outbox.ObjectType.CDR || r.type() == Outbox.ObjectType.COMMAND)
                                    .toList();
                    Map<Outbox.Claimed, String> waiting = new java.util.HashMap<>();
                    owed.forEach(r -> waiting.put(r, "the partner is not registered now"));
                    outbox.settle(
                            partnerId,
                            new Outbox.Settlement(
                                    List.of(),
                                    rows.stream().filter(r -> !owed.contains(r)).toList(),
                                    waiting,
                                    null,
                                    null,
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    List.of()));
                    if (!owed.isEmpty()) {
                        return;
                    }
                    continue;
                }
                List<Delivery> deliveries = new ArrayList<>(locations.prepare(
                        rows.stream()
                                .filter(r -> r.type() == Outbox.ObjectType.LOCATION)
                                .toList(),
                        partner.get(),
                        out.get()));
                rows.stream()
                        .filter(r -> r.type() == Outbox.ObjectType.TARIFF)
                        .forEach(r -> deliveries.add(tariffPushes.prepare(r, out.get())));
                rows.stream()
                        .filter(r -> r.type() == Outbox.ObjectType.SESSION)
                        .forEach(r -> deliveries.add(sessionPushes.prepare(r, partner.get(), out.get())));
                rows.stream()
                        .filter(r -> r.type() == Outbox.ObjectType.CDR)
                        .forEach(r -> deliveries.add(cdrPushes.prepare(r, out.get())));
                rows.stream()
                        .filter(r -> r.type() == Outbox.ObjectType.COMMAND)
                        .forEach(r -> deliveries.add(commandPushes.prepare(r)));
                if (!settle(partnerId, deliveries, send(deliveries, partner.get(), out.get()))) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // leased rows come back when the lease ends
            LOG.log(Level.WARNING, "Pushing to partner " + partnerId + " stopped", e);
        }
    }

    /**
     * How each delivery went: done (every request succeeded), refused by the partner (that object
     * only), failed (the partner is down: the batch stopped there), or not tried.
     */
    private record Sent(
            Set<Delivery> done,
            Map<Delivery, String> refused,
            Delivery failed,
            String error,
            Map<Delivery, String> locations) {}

    private Sent send(List<Delivery> deliveries, Partner partner, PartnerTokens.Outgoing out) {
        Map<String, String> headers = receivers.routing(partner, out);
        OcpiClient.Credentials credentials = out.credentials();
        Semaphore slots = new Semaphore(Math.max(1, concurrency));
        AtomicReference<Delivery> failed = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        Set<Delivery> done = ConcurrentHashMap.newKeySet();
        Map<Delivery, String> refused = new ConcurrentHashMap<>();
        Map<Delivery, String> locations = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (delivery.requests().isEmpty()) {
                continue;
            }
            AtomicInteger left = new AtomicInteger(delivery.requests().size());
            for (Delivery.Request request : delivery.requests()) {
                if (failed.get() != null || stopping.get() || !acquire(slots)) {
                    break;
                }
                Map<String, String> routing = headers;
                if (!request.routing().isEmpty() && !headers.isEmpty()) {
                    routing = new java.util.LinkedHashMap<>(headers);
                    routing.putAll(request.routing());
                }
                inFlight.add(client.pushAsync(request.method(), request.url(), credentials, request.body(), routing)
                        .whenComplete((answer, problem) -> {
                            slots.release();
                            if (problem == null) {
                                if (answer.location() != null) {
                                    locations.put(delivery, answer.location());
                                }
                                if (left.decrementAndGet() == 0) {
                                    done.add(delivery);
                                }
                            } else {
                                Throwable cause = problem.getCause() != null ? problem.getCause() : problem;
                                String message = String.valueOf(cause.getMessage());
                                if ((cause instanceof OcpiClient.CallFailed call && refusedOnly(call))
                                        || delivery.alone()) {
                                    refused.putIfAbsent(delivery, message);
                                } else if (failed.compareAndSet(null, delivery)) {
                                    error.set(message);
                                }
                            }
                        }));
            }
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null)
                    .get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failed.compareAndSet(null, deliveries.get(0));
            error.compareAndSet(null, "pushes did not end: " + e);
        }
        refused.keySet().removeAll(failed.get() == null ? Set.of() : Set.of(failed.get()));
        return new Sent(done, refused, failed.get(), error.get(), locations);
    }

    /**
     * The partner answered and refused the object (a 4xx or an OCPI error status), which asking again
     * at once will not change; no answer, 5xx, 401/403 (our token) and 429 mean the partner as a
     * whole cannot take pushes now.
     */
    private static boolean refusedOnly(OcpiClient.CallFailed call) {
        int status = call.httpStatus();
        return call.reachable() && status < 500 && status != 401 && status != 403 && status != 429;
    }

    /** Writes the batch's outcome; false when a push failed (the partner's rows wait for the backoff). */
    private boolean settle(long partnerId, List<Delivery> deliveries, Sent sent) {
        List<Outbox.Claimed> delivered = new ArrayList<>();
        List<Outbox.Claimed> dropped = new ArrayList<>();
        List<Outbox.Claimed> unsent = new ArrayList<>();
        Map<Outbox.Claimed, String> refused = new java.util.HashMap<>();
        List<Outbox.Behind> behind = new ArrayList<>();
        List<String> told = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (delivery.after() != null) {
                behind.add(delivery.after());
            } else if (delivery.requests().isEmpty()) {
                dropped.add(delivery.row());
            } else if (sent.done().contains(delivery)) {
                delivered.add(delivery.row());
                switch (delivery.held()) {
                    case TOLD -> told.add(delivery.row().objectId());
                    case FORGOTTEN -> forgotten.add(delivery.row().objectId());
                    case UNCHANGED -> {}
                }
            } else if (sent.refused().containsKey(delivery)) {
                refused.put(delivery.row(), sent.refused().get(delivery));
            } else if (delivery != sent.failed()) {
                unsent.add(delivery.row());
            }
        }
        Outbox.Claimed failedRow = sent.failed() == null ? null : sent.failed().row();
        if (!refused.isEmpty()) {
            LOG.log(Level.INFO, "Partner {0}: {1} pushes refused, each tried again later: {2}", new Object[] {
                partnerId, refused.size(), refused.values().iterator().next()
            });
        }
        // a CDR the partner took is SENT, with the URL its answer gave, before its row goes: should
        // this stop in between, the row comes back, finds the CDR sent and is dropped, not sent twice
        for (Delivery delivery : deliveries) {
            if (delivery.row().type() == Outbox.ObjectType.CDR && delivered.contains(delivery.row())) {
                cdrs.delivered(delivery.row().objectId(), sent.locations().get(delivery));
            }
        }
        Duration backoff = outbox.settle(
                partnerId,
                new Outbox.Settlement(
                        delivered, dropped, refused, failedRow, sent.error(), unsent, told, forgotten, behind));
        if (backoff != null) {
            LOG.log(Level.INFO, "Push to partner {0} failed, next try in {1}: {2}", new Object[] {
                partnerId, backoff, sent.error()
            });
            return false;
        }
        return true;
    }

    private static boolean acquire(Semaphore slots) {
        try {
            slots.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
