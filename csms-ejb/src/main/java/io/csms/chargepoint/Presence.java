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
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When each charger was last heard from. Heartbeats are the most frequent message and acknowledge
 * nothing but liveness, so they do not cost a database transaction each: the latest time per
 * charger is kept here and written to {@code charger.last_seen} in one batch every few seconds.
 */
@ApplicationScoped
public class Presence {

    private static final Logger LOG = Logger.getLogger(Presence.class.getName());

    @Resource(lookup = "java:app/jdbc/csms")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Seconds between writes of last-seen times. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.last-seen-flush-interval", defaultValue = "5")
    long flushInterval;

    private final Map<String, Instant> unsaved = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flusher;

    @PostConstruct
    void start() {
        flusher = scheduler.scheduleWithFixedDelay(this::flush, flushInterval, flushInterval, TimeUnit.SECONDS);
    }

    public void seen(String chargerId) {
        unsaved.put(chargerId, Instant.now());
    }

    /** Writes every pending last-seen time; what fails is kept for the next round. */
    public void flush() {
        if (unsaved.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = Map.copyOf(unsaved);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update charger set last_seen = greatest(last_seen, ?), updated_at = now() where id = ?")) {
            for (Map.Entry<String, Instant> entry : batch.entrySet()) {
                update.setTimestamp(1, Timestamp.from(entry.getValue()));
                update.setString(2, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
            batch.forEach(unsaved::remove);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not write last-seen times of " + batch.size() + " chargers; retrying", e);
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
