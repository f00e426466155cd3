package io.csms.monitoring;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The alerts in force now, read from what the CSMS already keeps (the audit trail, the outbox, the
 * CDRs, the chargers' presence): nothing to maintain, and what a restart forgets is not lost. Each
 * threshold is a setting ({@code csms.alerts.*}).
 */
@Stateless
public class Alerts {

    /** What an alert is about. */
    public enum Kind {
        /** Refused logins, token refreshes, OCPI or OCPP authentications from one address. */
        AUTH_FAILURES_ADDRESS,
        /** Refused OCPI requests that carried a partner's token (e.g. a wrong second secret). */
        AUTH_FAILURES_PARTNER,
        /** Pushes to a partner that failed and wait for a retry. */
        PARTNER_ERRORS,
        /** Far more CDRs in the last hour than an hour's average over the week. */
        CDR_VOLUME,
        /** An accepted charger that has not been heard from. */
        CHARGER_OFFLINE,
        /** A charger that reports a connector (or itself) Faulted. */
        CHARGER_FAULTED
    }

    /** One alert: its kind, what it is about (an address, a partner, a charger), how many, and in words. */
    public record Alert(Kind kind, String subject, long count, String detail) implements Serializable {}

    /** The actions whose refusal is an authentication failure. */
    private static final String AUTH_ACTIONS =
            "('auth.login', 'auth.refresh', 'auth.console.open', 'ocpi.authenticate', 'ocpp.connect')";

    /** At most this many alerts of one kind are listed. */
    private static final int MAX_PER_KIND = 20;

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "csms.alerts.window", defaultValue = "PT15M")
    Duration window;

    @Inject
    @ConfigProperty(name = "csms.alerts.auth-failures-per-address", defaultValue = "10")
    int authFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "csms.alerts.auth-failures-per-partner", defaultValue = "5")
    int authFailuresPerPartner;

    @Inject
    @ConfigProperty(name = "csms.alerts.failing-pushes-per-partner", defaultValue = "5")
    int failingPushes;

    @Inject
    @ConfigProperty(name = "csms.alerts.cdr-volume-factor", defaultValue = "3")
    double cdrFactor;

    @Inject
    @ConfigProperty(name = "csms.alerts.cdr-volume-minimum", defaultValue = "20")
    int cdrMinimum;

    @Inject
    @ConfigProperty(name = "csms.alerts.offline-after", defaultValue = "PT10M")
    Duration offlineAfter;

    /** The alerts in force, the most urgent kinds first, at most {@value #MAX_PER_KIND} of a kind. */
    public List<Alert> current() {
        return current(MAX_PER_KIND);
    }

    /** The alerts in force, the most urgent kinds first, at most {@code perKind} of a kind. */
    public List<Alert> current(int perKind) {
        List<Alert> alerts = new ArrayList<>();
        Instant since = Instant.now().minus(window);
        String minutes = window.toMinutes() + " min";
        for (Object[] r : rows(
                perKind,
                "select client_address, count(*) from audit_event where outcome in ('DENIED', 'FAILURE')"
                        + " and occurred_at > ?1"
                        + " and action in " + AUTH_ACTIONS + " and client_address is not null"
                        + " group by client_address having count(*) >= ?2 order by 2 desc",
                since,
                authFailuresPerAddress)) {
            alerts.add(new Alert(
                    Kind.AUTH_FAILURES_ADDRESS,
                    (String) r[0],
                    count(r[1]),
                    count(r[1]) + " refused authentications from " + r[0] + " in " + minutes));
        }
        for (Object[] r : rows(
                perKind,
                "select coalesce(p.name, e.actor_id), count(*) from audit_event e"
                        + " left join ocpi_partner p on 'partner:' || p.id = e.actor_id"
                        + " where e.outcome in ('DENIED', 'FAILURE') and e.occurred_at > ?1 and e.action = 'ocpi.authenticate'"
                        + " and e.actor_type = 'PARTNER' group by 1 having count(*) >= ?2 order by 2 desc",
                since,
                authFailuresPerPartner)) {
            alerts.add(new Alert(
                    Kind.AUTH_FAILURES_PARTNER,
                    (String) r[0],
                    count(r[1]),
                    count(r[1]) + " refused requests with the token of " + r[0] + " in " + minutes));
        }
        for (Object[] r : rows(
                perKind,
                "select p.name, count(*), max(o.last_error) from ocpi_outbox o join ocpi_partner p on p.id = o.partner_id"
                        + " where o.attempts > 0 and o.last_error is not null group by p.name"
                        + " having count(*) >= ?1 order by 2 desc",
                failingPushes)) {
            alerts.add(new Alert(
                    Kind.PARTNER_ERRORS,
                    (String) r[0],
                    count(r[1]),
                    count(r[1]) + " pushes to " + r[0] + " failed and wait for a retry; e.g. " + r[2]));
        }
        Object[] cdrs = rows(
                        1,
                        "select count(*) filter (where created_at > now() - interval '1 hour'),"
                                + " count(*) filter (where created_at <= now() - interval '1 hour')"
                                + " from ocpi_cdr where created_at > now() - interval '7 days'")
                .get(0);
        long lastHour = count(cdrs[0]);
        double hourlyAverage = count(cdrs[1]) / (7.0 * 24 - 1);
        if (lastHour >= cdrMinimum && lastHour > cdrFactor * hourlyAverage) {
            alerts.add(new Alert(
                    Kind.CDR_VOLUME,
                    "CDRs",
                    lastHour,
                    lastHour + " CDRs in the last hour, against " + String.format("%.1f", hourlyAverage)
                            + " an hour over the week"));
        }
        for (Object[] r : rows(
                perKind,
                "select id, last_seen from charger where not online and registration_status = 'Accepted'"
                        + " and last_seen < ?1 order by last_seen",
                Instant.now().minus(offlineAfter))) {
            alerts.add(new Alert(
                    Kind.CHARGER_OFFLINE,
                    (String) r[0],
                    1,
                    r[0] + " has not been heard from since " + io.csms.platform.SqlTimes.instant(r[1])));
        }
        for (Object[] r : rows(
                perKind,
                "select charger_id, string_agg(connector_id::text || coalesce(' ' || error_code, ''),"
                        + " ', ' order by connector_id) from connector where status = 'Faulted' group by charger_id"
                        + " order by charger_id")) {
            alerts.add(new Alert(Kind.CHARGER_FAULTED, (String) r[0], 1, r[0] + " reports Faulted: " + r[1]));
        }
        return alerts;
    }

    /** How many chargers are offline as {@link Kind#CHARGER_OFFLINE} counts them (all, not only those listed). */
    public long offlineCount() {
        return count(em.createNativeQuery("select count(*) from charger where not online"
                        + " and registration_status = 'Accepted' and last_seen < ?1")
                .setParameter(1, Instant.now().minus(offlineAfter))
                .getSingleResult());
    }

    /** What waits in the outbox, per partner name. */
    public List<Object[]> pendingPerPartner() {
        return rows(
                Integer.MAX_VALUE,
                "select p.name, count(o.id) from ocpi_partner p left join ocpi_outbox o on o.partner_id = p.id"
                        + " group by p.name order by p.name");
    }

    private List<Object[]> rows(int limit, String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> result = query.setMaxResults(limit).getResultList();
        return result.stream().map(r -> (Object[]) r).toList();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
