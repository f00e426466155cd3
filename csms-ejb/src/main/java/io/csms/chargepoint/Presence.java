package io.csms.chargepoint;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether each charger is connected and when it was last heard from. This node's live view is held
 * here ({@link #isConnected}, what the APIs show); the database columns {@code charger.online} and
 * {@code charger.last_seen} are written from it in batches and by nothing else (neither acknowledges
 * anything to a charger, and both change with every connection and heartbeat). A charger coming or
 * going is written within about {@value #STATE_CHANGE_DELAY_MS} ms (a reconnect storm of thousands of
 * chargers is a handful of batches); a later last-seen time within
 * {@code csms.ocpp.last-seen-flush-interval} seconds; what fails to be written is retried with the
 * next batch. One node owns all connections (see {@link OfflineAtStartUp}).
 */
@ApplicationScoped
public class Presence {

    private static final Logger LOG = Logger.getLogger(Presence.class.getName());
    static final long STATE_CHANGE_DELAY_MS = 250;

    @Resource(lookup = "java:app/jdbc/csms")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Seconds between writes of last-seen times. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.last-seen-flush-interval", defaultValue = "30")
    long flushInterval;

    /** What is not written yet: {@code online} null when only the last-seen time changed. */
    private record Unsaved(Boolean online, Instant lastSeen) {}

    private final Map<String, Unsaved> unsaved = new ConcurrentHashMap<>();
    private final Set<String> connected = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stateChangeScheduled = new AtomicBoolean();
    private ScheduledFuture<?> flusher;

    @PostConstruct
    void start() {
        flusher = scheduler.scheduleWithFixedDelay(this::flush, flushInterval, flushInterval, TimeUnit.SECONDS);
    }

    /** The charger's connection opened. */
    public void connected(String chargerId) {
        connected.add(chargerId);
        unsaved.put(chargerId, new Unsaved(Boolean.TRUE, Instant.now()));
        stateChanged();
    }

    /** The charger's last connection closed. */
    public void disconnected(String chargerId) {
        connected.remove(chargerId);
        unsaved.compute(
                chargerId, (id, before) -> new Unsaved(Boolean.FALSE, before == null ? null : before.lastSeen()));
        stateChanged();
    }

    /** The charger was heard from (Heartbeat and other messages): its last-seen time, not its online state. */
    public void seen(String chargerId) {
        Instant now = Instant.now();
        unsaved.compute(chargerId, (id, before) -> new Unsaved(before == null ? null : before.online(), now));
    }

    /**
     * After a committed change to a connected charger's row, its online state is written again: one
     * registered on first contact (unknown-charger policy) gets its row only when its boot commits,
     * after the online state of its connection may have been written to no row.
     */
    void rowChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChargerChanged change) {
        if (connected.contains(change.chargerId())) {
            unsaved.compute(
                    change.chargerId(),
                    (id, before) -> new Unsaved(Boolean.TRUE, before == null ? null : before.lastSeen()));
            stateChanged();
        }
    }

    /** Whether the charger has an open connection to this node now. */
    public boolean isConnected(String chargerId) {
        return connected.contains(chargerId);
    }

    /** At most one flush of state changes is pending; changes made while it writes get the next one. */
    private void stateChanged() {
        if (stateChangeScheduled.compareAndSet(false, true)) {
            scheduler.schedule(
                    () -> {
                        boolean written = false;
                        try {
                            written = flush();
                        } finally {
                            stateChangeScheduled.set(false);
                            // changed meanwhile: soon again; failed: the periodic flush retries
                            if (written && unsaved.values().stream().anyMatch(state -> state.online() != null)) {
                                stateChanged();
                            }
                        }
                    },
                    STATE_CHANGE_DELAY_MS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Writes what is pending (false if that failed: it is kept for the next round). One flush at a time, so a newer
     * state is never overwritten by an older one; rows in id order, as boots lock them, so that the
     * two cannot deadlock.
     */
    public synchronized boolean flush() {
        if (unsaved.isEmpty()) {
            return true;
        }
        Map<String, Unsaved> batch = new TreeMap<>(unsaved);
        String[] ids = new String[batch.size()];
        Boolean[] online = new Boolean[batch.size()];
        String[] lastSeen = new String[batch.size()];
        int i = 0;
        for (Map.Entry<String, Unsaved> entry : batch.entrySet()) {
            ids[i] = entry.getKey();
            online[i] = entry.getValue().online();
            lastSeen[i] = entry.getValue().lastSeen() == null
                    ? null
                    : entry.getValue().lastSeen().toString();
            i++;
        }
        // one statement for the whole batch (arrays). Its rows are locked first, in id order, as boots
        // lock them (so the two cannot deadlock), and no more strongly than an update of columns that
        // are no key (so inserts that refer to a charger, which share its key lock, go on)
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        with locked as (
                          select c.id, b.online, b.last_seen from charger c
                          join unnest(?::text[], ?::boolean[], ?::text[]::timestamptz[]) as b(id, online, last_seen)
                            using (id)
                          order by c.id for no key update of c)
                        update charger c set online = coalesce(l.online, c.online),
                          last_seen = greatest(c.last_seen, l.last_seen), updated_at = now()
                        from locked l where c.id = l.id""")) {
            update.setArray(1, connection.createArrayOf("text", ids));
            update.setArray(2, connection.createArrayOf("boolean", online));
            update.setArray(3, connection.createArrayOf("text", lastSeen));
            update.executeUpdate();
            batch.forEach(unsaved::remove);
            return true;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not write the presence of " + batch.size() + " chargers; retrying", e);
            return false;
        }
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.cancel(false);
        }
        flush();
    }
}
