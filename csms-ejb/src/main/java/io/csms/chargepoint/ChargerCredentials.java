package io.csms.chargepoint;

import io.csms.pki.Pem;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private static final String COLUMNS = "select id, security_profile, authorization_key, authorization_key_hex,"
            + " certificate_subject, registration_status, certificate_ca from charger";
    private static final String REVOKED =
            "select charger_id, serial from charger_certificate where revoked_at is not null";

    /**
     * What the handshake needs of one charger: {@code certificateSubject} defaults to the id;
     * {@code certificateCa} is the CA it may also present certificates of (besides the CSMS CA), or
     * null; {@code revokedSerials} are certificates the CSMS CA issued to it that no longer count.
     */
    public record Credentials(
            String chargerId,
            int securityProfile,
            String authorizationKeyHash,
            boolean authorizationKeyHex,
            String certificateSubject,
            Charger.RegistrationStatus registrationStatus,
            X509Certificate certificateCa,
            Set<BigInteger> revokedSerials) {

        /** Registered on first contact and not yet given credentials (profile 1 or 2 without a key). */
        public boolean keyless() {
            return securityProfile < 3 && authorizationKeyHash == null;
        }
    }

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
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Set<BigInteger>> revoked = revoked(connection, null);
            try (PreparedStatement query = connection.prepareStatement(COLUMNS);
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Credentials credentials = read(rows, revoked);
                    all.put(credentials.chargerId(), credentials);
                }
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
                return rows.next() ? Optional.of(read(rows, revoked(connection, chargerId))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the credentials of charger " + chargerId, e);
        }
    }

    /** Revoked serials per charger: all chargers', or one's. */
    private static Map<String, Set<BigInteger>> revoked(Connection connection, String chargerId) throws SQLException {
        Map<String, Set<BigInteger>> revoked = new HashMap<>();
        try (PreparedStatement query =
                connection.prepareStatement(chargerId == null ? REVOKED : REVOKED + " and charger_id = ?")) {
            if (chargerId != null) {
                query.setString(1, chargerId);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    revoked.computeIfAbsent(rows.getString(1), id -> new HashSet<>())
                            .add(new BigInteger(rows.getString(2), 16));
                }
            }
        }
        return revoked;
    }

    private static Credentials read(ResultSet row, Map<String, Set<BigInteger>> revoked) throws SQLException {
        String id = row.getString(1);
        String subject = row.getString(5);
        String ca = row.getString(7);
        X509Certificate caCertificate = null;
        if (ca != null) {
            try {
                caCertificate = Pem.certificate(ca);
            } catch (IllegalArgumentException e) {
                LOG.warning(() ->
                        "Charger " + id + ": its configured CA certificate cannot be read; only the CSMS CA counts");
            }
        }
        return new Credentials(
                id,
                row.getInt(2),
                row.getString(3),
                row.getBoolean(4),
                subject != null ? subject : id,
                Charger.RegistrationStatus.valueOf(row.getString(6)),
                caCertificate,
                Set.copyOf(revoked.getOrDefault(id, Set.of())));
    }
}
