package io.csms.chargepoint;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether each charger is connected and when it was last heard from. Neither acknowledges anything
 * to a charger, and both change with every connection and heartbeat, so they do not cost a database
 * transaction each: the latest state per charger is kept here and written to {@code charger.online}
 * and {@code charger.last_seen} in batches. A charger coming or going is written within
 * {@value #STATE_CHANGE_DELAY_MS} ms (a reconnect storm of thousands of chargers is a handful of
 * batches); a later last-seen time within {@code csms.ocpp.last-seen-flush-interval} seconds.
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
    @ConfigProperty(name = "csms.ocpp.last-seen-flush-interval", defaultValue = "5")
    long flushInterval;

    /** What is not written yet: {@code online} null when only the last-seen time changed. */
    private record Unsaved(Boolean online, Instant lastSeen) {}

    private final Map<String, Unsaved> unsaved = new ConcurrentHashMap<>();
    private final AtomicBoolean stateChangeScheduled = new AtomicBoolean();
    private ScheduledFuture<?> flusher;

    @PostConstruct
    void start() {
        flusher = scheduler.scheduleWithFixedDelay(this::flush, flushInterval, flushInterval, TimeUnit.SECONDS);
    }

    /** The charger's connection opened. */
    public void connected(String chargerId) {
        unsaved.put(chargerId, new Unsaved(Boolean.TRUE, Instant.now()));
        stateChanged();
    }

    /** The charger's last connection closed. */
    public void disconnected(String chargerId) {
        unsaved.compute(chargerId, (id, before) -> new Unsaved(Boolean.FALSE, before == null ? null : before.lastSeen()));
        stateChanged();
    }

    /** The charger was heard from (Heartbeat and other messages): its last-seen time, not its online state. */
    public void seen(String chargerId) {
        Instant now = Instant.now();
        unsaved.compute(chargerId, (id, before) -> new Unsaved(before == null ? null : before.online(), now));
    }

    private void stateChanged() {
        if (stateChangeScheduled.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                stateChangeScheduled.set(false);
                flush();
            }, STATE_CHANGE_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Writes what is pending; what fails is kept for the next round. One flush at a time, so a newer
     * state is never overwritten by an older one.
     */
    public synchronized void flush() {
        if (unsaved.isEmpty()) {
            return;
        }
        Map<String, Unsaved> batch = Map.copyOf(unsaved);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update charger set online = coalesce(?, online), last_seen = greatest(last_seen, ?),
                        updated_at = now() where id = ?""")) {
            for (Map.Entry<String, Unsaved> entry : batch.entrySet()) {
                Unsaved state = entry.getValue();
                if (state.online() == null) {
                    update.setNull(1, Types.BOOLEAN);
                } else {
                    update.setBoolean(1, state.online());
                }
                update.setTimestamp(2, state.lastSeen() == null ? null : Timestamp.from(state.lastSeen()));
                update.setString(3, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
            batch.forEach(unsaved::remove);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not write the presence of " + batch.size() + " chargers; retrying", e);
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
