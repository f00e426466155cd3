package io.csms.chargepoint;

import java.time.Instant;
import java.util.List;

/**
 * Connectors reported a status (OCPP StatusNotification): fired by {@link Chargers} once per batch
 * of reports, inside the transaction that stores them, so what observers derive from them commits or
 * rolls back with them, and an observer can read what it needs for the whole batch at once.
 */
public record ConnectorStatusChanged(List<Report> reports) {

    /** One report; {@code status} is the OCPP 1.6 ChargePointStatus name (Available, Charging, Faulted, ...). */
    public record Report(String chargerId, int connectorId, String status, Instant at) {}
}
