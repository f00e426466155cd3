package io.csms.chargepoint;

import io.csms.platform.ArrayInsert;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.hibernate.Session;

/** The chargers known to the system and what they report about themselves. */
@Stateless
public class Chargers {

    private static final Logger LOG = Logger.getLogger(Chargers.class.getName());

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    Presence presence;

    @Inject
    Event<ChargerChanged> changed;

    @Inject
    UnknownChargers unknownChargers;

    @Inject
    Event<ConnectorStatusChanged> connectorStatus;

    /** A BootNotification: who booted and what it reported about itself. */
    public record Boot(String chargerId, Charger.BootInfo info) {}

    /**
     * Stores what each charger reports at boot and answers with its registration status, for many
     * chargers in one transaction (see {@link BootWriter}); a charger nobody registered is handled by
     * the {@code csms.ocpp.unknown-chargers} policy. One query locks all their rows, in id
     * order as the presence batches write them, so that the two cannot deadlock; the lock is
     * {@code for no key update}, which leaves rows being inserted for these chargers (meter values,
     * status history) free to check their foreign key. Answers the registration statuses in the order
     * of {@code boots}. Online state and last-seen time are {@link Presence}'s.
     */
    public List<Charger.RegistrationStatus> bootAll(List<Boot> boots) {
        Instant now = Instant.now();
        Map<String, Charger> chargers = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Charger> locked = em.createNativeQuery(
                        "select * from charger where id in (:ids) order by id for no key update", Charger.class)
                .setParameter(
                        "ids", boots.stream().map(Boot::chargerId).distinct().toList())
                .getResultList();
        locked.forEach(c -> chargers.put(c.id(), c));
        List<Charger.RegistrationStatus> statuses = new ArrayList<>(boots.size());
        for (Boot boot : boots) {
            presence.seen(boot.chargerId());
            Charger charger = chargers.computeIfAbsent(boot.chargerId(), this::firstContact);
            if (charger == null) {
                statuses.add(Charger.RegistrationStatus.Rejected);
                continue;
            }
            charger.booted(boot.info(), now);
            statuses.add(charger.registrationStatus());
        }
        return statuses;
    }

    /** A charger nobody registered boots: registered now, or not at all, by the unknown-charger policy. */
    private Charger firstContact(String chargerId) {
        Charger charger = switch (unknownChargers.policy()) {
            case reject -> null;
            case pending -> new Charger(chargerId, Charger.RegistrationStatus.Pending);
            case accept -> new Charger(chargerId, Charger.RegistrationStatus.Accepted);
        };
        if (charger != null) {
            LOG.warning(() -> "Unknown charger " + chargerId + " registered on first contact as "
                    + unknownChargers.policy() + " (csms.ocpp.unknown-chargers)");
            em.persist(charger);
            changed.fire(new ChargerChanged(chargerId, ChargerChanged.Change.CREATED));
        }
        return charger;
    }

    public List<Charger> list(int offset, int limit) {
        return em.createNamedQuery(Charger.ALL, Charger.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    /** What a page of chargers may be ordered by. */
    public enum Order {
        NEWEST,
        OLDEST,
        ID,
        ID_DESCENDING,
        LAST_SEEN,
        LAST_SEEN_DESCENDING;

        String jpql() {
            return switch (this) {
                case NEWEST -> "c.createdAt desc, c.id";
                case OLDEST -> "c.createdAt, c.id";
                case ID -> "c.id";
                case ID_DESCENDING -> "c.id desc";
                case LAST_SEEN -> "c.lastSeen asc nulls first, c.id";
                case LAST_SEEN_DESCENDING -> "c.lastSeen desc nulls last, c.id";
            };
        }
    }

    /** A page of the chargers whose id contains {@code idPart} (all when null), in {@code order}. */
    public List<Charger> page(String idPart, Order order, int offset, int limit) {
        return em.createQuery(
                        "select c from Charger c where lower(c.id) like :part escape '!' order by " + order.jpql(),
                        Charger.class)
                .setParameter("part", contains(idPart))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long countMatching(String idPart) {
        return em.createQuery("select count(c) from Charger c where lower(c.id) like :part escape '!'", Long.class)
                .setParameter("part", contains(idPart))
                .getSingleResult();
    }

    /** The connectors of several chargers, in one query, by charger. */
    public Map<String, List<Connector>> connectorsOf(List<String> chargerIds) {
        if (chargerIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("""
                select c from Connector c where c.key.chargerId in :ids order by c.key.chargerId, c.key.connectorId""", Connector.class)
                .setParameter("ids", chargerIds)
                .getResultStream()
                .collect(Collectors.groupingBy(Connector::chargerId));
    }

    private static String contains(String part) {
        if (part == null || part.isBlank()) {
            return "%";
        }
        return "%"
                + part.strip()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_")
                + "%";
    }

    /** A StatusNotification: which charger reported what about one of its connectors. */
    public record StatusReport(String chargerId, ConnectorStatus reported) {}

    /**
     * OCPP 1.6 StatusNotification, for many chargers in one transaction (see {@link StatusWriter}):
     * each connector's latest status (one upsert statement for the batch, nothing read first: a
     * connector reported twice takes its later report, and rows are written in key order, so two
     * writers lock shared rows in the same order), and one more entry in its history per report (one
     * insert statement for the batch), in the order reported. Observers of {@link
     * ConnectorStatusChanged} (EVSE statuses and what they publish) run in this transaction, once
     * per batch.
     */
    public void statusChangedAll(List<StatusReport> reports) {
        Instant now = Instant.now();
        TreeMap<String, StatusReport> latest = new TreeMap<>();
        reports.forEach(report ->
                latest.put(report.chargerId() + '\u0000' + report.reported().connectorId(), report));
        em.unwrap(Session.class).doWork(connection -> {
            statuses("connector", latest.values()).then("""
                            on conflict (charger_id, connector_id) do update set status = excluded.status,
                                error_code = excluded.error_code, info = excluded.info, vendor_id = excluded.vendor_id,
                                vendor_error_code = excluded.vendor_error_code, status_at = excluded.status_at""").execute(connection);
            Instant[] receivedAt = new Instant[reports.size()];
            Arrays.fill(receivedAt, now);
            statuses("connector_status", reports)
                    .timestamp("received_at", receivedAt)
                    .execute(connection);
        });
        List<ConnectorStatusChanged.Report> changes = new ArrayList<>(reports.size());
        for (StatusReport report : reports) {
            ConnectorStatus reported = report.reported();
            presence.seen(report.chargerId());
            changes.add(new ConnectorStatusChanged.Report(
                    report.chargerId(),
                    reported.connectorId(),
                    reported.status(),
                    reported.at() == null ? now : reported.at()));
        }
        connectorStatus.fire(new ConnectorStatusChanged(changes));
    }

    /** The reports as rows of a table with the columns of a connector's status. */
    private static ArrayInsert statuses(String table, Collection<StatusReport> reports) {
        List<ConnectorStatus> reported =
                reports.stream().map(StatusReport::reported).toList();
        return ArrayInsert.into(table)
                .text(
                        "charger_id",
                        reports.stream().map(StatusReport::chargerId).toArray(String[]::new))
                .integer(
                        "connector_id",
                        reported.stream().map(ConnectorStatus::connectorId).toArray(Integer[]::new))
                .text("status", reported.stream().map(ConnectorStatus::status).toArray(String[]::new))
                .text(
                        "error_code",
                        reported.stream().map(ConnectorStatus::errorCode).toArray(String[]::new))
                .text("info", reported.stream().map(ConnectorStatus::info).toArray(String[]::new))
                .text(
                        "vendor_id",
                        reported.stream().map(ConnectorStatus::vendorId).toArray(String[]::new))
                .text(
                        "vendor_error_code",
                        reported.stream().map(ConnectorStatus::vendorErrorCode).toArray(String[]::new))
                .timestamp(
                        "status_at", reported.stream().map(ConnectorStatus::at).toArray(Instant[]::new));
    }

    /** Which long-running activity a status report is about. */
    public enum Activity {
        FIRMWARE,
        DIAGNOSTICS,
        LOG
    }

    /** A status report of a long-running activity: the charger's latest, and one more line of its history. */
    public void activity(String chargerId, Activity activity, String status, Integer requestId) {
        Charger charger = em.find(Charger.class, chargerId);
        if (charger == null) {
            return;
        }
        Instant now = Instant.now();
        presence.seen(chargerId);
        switch (activity) {
            case FIRMWARE -> charger.firmwareStatus(status, now);
            case DIAGNOSTICS -> charger.diagnosticsStatus(status, now);
            case LOG -> charger.logStatus(status, now);
        }
        em.createNativeQuery("""
                insert into charger_activity (charger_id, activity, status, request_id, received_at)
                values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, chargerId)
                .setParameter(2, activity.name())
                .setParameter(3, status)
                .setParameter(4, requestId)
                .setParameter(5, now)
                .executeUpdate();
    }

    /** One status report of a charger's firmware, diagnostics or log activity. */
    public record ActivityReport(Instant receivedAt, Activity activity, String status, Integer requestId) {}

    /** A charger's status reports, newest first. */
    public List<ActivityReport> activityHistory(String chargerId, int limit) {
        List<?> rows = em.createNativeQuery("""
                select received_at, activity, status, request_id from charger_activity
                where charger_id = ?1 order by received_at desc, id desc""")
                .setParameter(1, chargerId)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new ActivityReport(
                        io.csms.platform.SqlTimes.instant(r[0]),
                        Activity.valueOf((String) r[1]),
                        (String) r[2],
                        r[3] == null ? null : ((Number) r[3]).intValue()))
                .toList();
    }

    /** How many chargers have a connector (or the whole charger) reported Faulted now. */
    public long faultedCount() {
        return ((Number) em.createNativeQuery(
                                "select count(distinct charger_id) from connector where status = 'Faulted'")
                        .getSingleResult())
                .longValue();
    }

    /** OCPP 1.6 security extension SecurityEventNotification: kept per charger. */
    public void securityEvent(String chargerId, String type, Instant occurredAt, String techInfo) {
        em.persist(new SecurityEvent(chargerId, type, occurredAt, techInfo));
        presence.seen(chargerId);
    }

    public List<SecurityEvent> securityEvents(String chargerId, int limit) {
        return em.createQuery(
                        "select e from SecurityEvent e where e.chargerId = :charger order by e.occurredAt desc",
                        SecurityEvent.class)
                .setParameter("charger", chargerId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** A charger drivers may use (registration Accepted) with its connectors (not connector 0). */
    public record Usable(Charger charger, List<Connector> connectors) {}

    /** A page of the chargers drivers may use, with their connectors: two queries, whatever the page size. */
    public List<Usable> usable(int offset, int limit) {
        List<Charger> page = em.createNamedQuery(Charger.WITH_STATUS, Charger.class)
                .setParameter("status", Charger.RegistrationStatus.Accepted)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, List<Connector>> connectors = em.createQuery("""
                select c from Connector c where c.key.chargerId in :ids and c.key.connectorId > 0
                order by c.key.chargerId, c.key.connectorId""", Connector.class)
                .setParameter("ids", page.stream().map(Charger::id).toList())
                .getResultStream()
                .collect(Collectors.groupingBy(Connector::chargerId));
        return page.stream()
                .map(c -> new Usable(c, connectors.getOrDefault(c.id(), List.of())))
                .toList();
    }

    public Optional<Usable> usable(String chargerId) {
        return find(chargerId)
                .filter(c -> c.registrationStatus() == Charger.RegistrationStatus.Accepted)
                .map(c -> new Usable(
                        c,
                        connectors(c.id()).stream()
                                .filter(k -> k.connectorId() > 0)
                                .toList()));
    }

    public List<Connector> connectors(String chargerId) {
        return em.createQuery(
                        "select c from Connector c where c.key.chargerId = :charger order by c.key.connectorId",
                        Connector.class)
                .setParameter("charger", chargerId)
                .getResultList();
    }

    public Optional<Charger> find(String chargerId) {
        return Optional.ofNullable(em.find(Charger.class, chargerId));
    }

    public long count() {
        return em.createNamedQuery(Charger.COUNT, Long.class).getSingleResult();
    }
}
