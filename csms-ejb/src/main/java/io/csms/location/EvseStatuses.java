package io.csms.location;

import io.csms.chargepoint.Connector;
import io.csms.chargepoint.ConnectorStatusChanged;
import io.csms.chargepoint.Presence;
import io.csms.location.LocationData.EvseStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * An EVSE's status follows its OCPP connector: each StatusNotification, in the transaction that
 * stores it, and the charger's connection, checked every few seconds: offline longer than
 * {@code csms.locations.offline-grace} (default 5 min) makes it UNKNOWN, back online restores the
 * connector's last reported status.
 */
@Stateless
public class EvseStatuses {

    /** When each charger was first seen offline by the sweep (per node, as connections are). */
    private static final Map<String, Instant> OFFLINE_SINCE = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    Presence presence;

    @Inject
    Event<LocationChanged> changed;

    @Inject
    @ConfigProperty(name = "csms.locations.offline-grace", defaultValue = "PT5M")
    Duration offlineGrace;

    /**
     * OCPP 1.6 ChargePointStatus → OCPI 2.2.1 EVSE status. Preparing (a driver plugged in or showed a
     * tag) is CHARGING, OCPI's "in use": the EVSE is not free for another driver, which AVAILABLE
     * would claim, and BLOCKED means something blocks access to it (a parked car), which is not so.
     */
    public static EvseStatus of(String ocppStatus) {
        if (ocppStatus == null) {
            return EvseStatus.UNKNOWN;
        }
        return switch (ocppStatus) {
            case "Available" -> EvseStatus.AVAILABLE;
            case "Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing" -> EvseStatus.CHARGING;
            case "Reserved" -> EvseStatus.RESERVED;
            case "Unavailable" -> EvseStatus.INOPERATIVE;
            case "Faulted" -> EvseStatus.OUTOFORDER;
            default -> EvseStatus.UNKNOWN;
        };
    }

    /** The status a newly described EVSE starts with: its connector's, or UNKNOWN. */
    public EvseStatus current(String chargerId, int connectorId) {
        if (!presence.isConnected(chargerId) && OFFLINE_SINCE.containsKey(chargerId)) {
            Instant since = OFFLINE_SINCE.get(chargerId);
            if (since.plus(offlineGrace).isBefore(now())) {
                return EvseStatus.UNKNOWN;
            }
        }
        Connector connector = em.find(Connector.class, new Connector.Key(chargerId, connectorId));
        return connector == null ? EvseStatus.UNKNOWN : of(connector.status());
    }

    /**
     * StatusNotifications (from {@link ConnectorStatusFollower}): the EVSE on each reported connector
     * (if any) takes its status, in the same transaction, in the order reported. Which EVSEs the
     * batch's chargers have is one query on this transaction's connection; only those are loaded.
     */
    public void connectorReported(ConnectorStatusChanged reported) {
        String[] chargers = reported.reports().stream()
                .map(ConnectorStatusChanged.Report::chargerId)
                .distinct()
                .toArray(String[]::new);
        Map<String, List<Evse.Key>> bound = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("select charger_id, connector_id, location_id, uid from evse"
                            + " where charger_id = any(?) and status <> 'REMOVED'")) {
                select.setArray(1, connection.createArrayOf("varchar", chargers));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        bound.computeIfAbsent(rows.getString(1) + "#" + rows.getInt(2), k -> new ArrayList<>())
                                .add(new Evse.Key(rows.getString(3), rows.getString(4)));
                    }
                }
            }
        });
        if (bound.isEmpty()) {
            return;
        }
        for (ConnectorStatusChanged.Report report : reported.reports()) {
            for (Evse.Key key : bound.getOrDefault(report.chargerId() + "#" + report.connectorId(), List.of())) {
                Evse evse = em.find(Evse.class, key);
                if (evse != null) {
                    set(evse, of(report.status()));
                }
            }
        }
    }

    /** A change the sweep found: EVSE {@code evse}, still {@code from}, takes {@code to}. */
    public record Due(Evse.Key evse, EvseStatus from, EvseStatus to) {}

    /**
     * Compares every EVSE in use with its charger's connection, reading only: UNKNOWN after the
     * grace, the connector's status again once the charger is back. {@link EvseStatusSweep} applies
     * what it finds in small transactions, so the sweep never holds the rows StatusNotifications
     * write (a fleet coming back changes every EVSE at once).
     */
    public List<Due> due() {
        Instant now = now();
        List<Object[]> evses = em.createQuery(
                        "select e.key, e.chargerId, e.connectorId, e.status from Evse e"
                                + " where e.status <> io.csms.location.LocationData.EvseStatus.REMOVED",
                        Object[].class)
                .getResultList();
        List<Due> due = new java.util.ArrayList<>();
        for (Object[] evse : evses) {
            Evse.Key key = (Evse.Key) evse[0];
            String charger = (String) evse[1];
            EvseStatus status = (EvseStatus) evse[3];
            if (presence.isConnected(charger)) {
                OFFLINE_SINCE.remove(charger);
                if (status == EvseStatus.UNKNOWN) {
                    Connector connector = em.find(Connector.class, new Connector.Key(charger, (Integer) evse[2]));
                    if (connector != null && of(connector.status()) != EvseStatus.UNKNOWN) {
                        due.add(new Due(key, status, of(connector.status())));
                    }
                }
            } else {
                Instant since = OFFLINE_SINCE.computeIfAbsent(charger, c -> now);
                if (status != EvseStatus.UNKNOWN && since.plus(offlineGrace).isBefore(now)) {
                    due.add(new Due(key, status, EvseStatus.UNKNOWN));
                }
            }
        }
        return due;
    }

    /** Applies changes the sweep found, in a transaction of their own, to EVSEs that have not changed since. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void apply(List<Due> changes) {
        for (Due change : changes) {
            Evse evse = em.find(Evse.class, change.evse());
            if (evse != null && evse.status() == change.from()) {
                set(evse, change.to());
            }
        }
    }

    private void set(Evse evse, EvseStatus status) {
        if (evse.status() == status) {
            return;
        }
        Instant now = now();
        evse.status(status, now);
        Location location = em.find(Location.class, evse.locationId());
        if (location != null) {
            // OCPI 2.2.1: a location's last_updated moves with any change of its EVSEs
            location.updated(now);
        }
        changed.fire(new LocationChanged(evse.locationId(), evse.uid(), LocationChanged.Change.EVSE_STATUS));
    }

    private static Instant now() {
        return Locations.now();
    }
}
