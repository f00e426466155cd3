package io.csms.chargepoint;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What the OCPP handshake checks of each registered charger, kept in memory: all chargers are read
 * in one query when the first charger connects, so a reconnect storm after a restart (or a flood of
 * handshakes) costs the database nothing per connection. Every committed change to a charger
 * ({@link ChargerChanged}) drops its entry, and the next handshake reads it again.
 * An id not held here is looked up in the database; an unknown id is never kept, so unknown ids
 * cannot fill the memory. Changes are seen by this node only: one node owns all connections (see
 * {@link OfflineAtStartUp}).
 */
@ApplicationScoped
public class ChargerCredentials {

    private static final Logger LOG = Logger.getLogger(ChargerCredentials.class.getName());
    private static final String COLUMNS =
            "select id, security_profile, authorization_key, authorization_key_hex, certificate_subject from charger";

    /** What the handshake needs of one charger; {@code certificateSubject} defaults to the id. */
    public record Credentials(
            String chargerId,
            int securityProfile,
            String authorizationKeyHash,
            boolean authorizationKeyHex,
            String certificateSubject) {}

    @Resource(lookup = "java:app/jdbc/csms")
    DataSource dataSource;

    private final Map<String, Credentials> known = new ConcurrentHashMap<>();
    /**
     * Counts changes (and is the lock that orders them against keeping a read): a read that overlapped
     * a change is used but not kept, as it may predate the change.
     */
    private final AtomicLong changes = new AtomicLong();

    @PostConstruct
    void loadAll() {
        long before = changes.get();
        Map<String, Credentials> all = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(COLUMNS);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Credentials credentials = read(rows);
                all.put(credentials.chargerId(), credentials);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not load the chargers' credentials; each is read at its handshake", e);
            return;
        }
        synchronized (changes) {
            if (changes.get() == before) {
                known.putAll(all);
            }
        }
    }

    /** The charger's credentials, or empty if nobody registered it. */
    public Optional<Credentials> of(String chargerId) {
        Credentials credentials = known.get(chargerId);
        if (credentials != null) {
            return Optional.of(credentials);
        }
        long before = changes.get();
        Optional<Credentials> loaded = load(chargerId);
        loaded.ifPresent(c -> {
            synchronized (changes) {
                if (changes.get() == before) {
                    known.putIfAbsent(chargerId, c);
                }
            }
        });
        return loaded;
    }

    void changed(
            @Observes(during = TransactionPhase.AFTER_SUCCESS, notifyObserver = Reception.IF_EXISTS)
                    ChargerChanged change) {
        synchronized (changes) {
            changes.incrementAndGet();
            known.remove(change.chargerId());
        }
    }

    private Optional<Credentials> load(String chargerId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(COLUMNS + " where id = ?")) {
            query.setString(1, chargerId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the credentials of charger " + chargerId, e);
        }
    }

    private static Credentials read(ResultSet row) throws SQLException {
        String id = row.getString(1);
        String subject = row.getString(5);
        return new Credentials(id, row.getInt(2), row.getString(3), row.getBoolean(4), subject != null ? subject : id);
    }
}
