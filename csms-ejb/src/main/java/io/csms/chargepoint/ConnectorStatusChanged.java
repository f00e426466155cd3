package io.csms.chargepoint;

import java.time.Instant;

/**
 * A connector reported a status (OCPP StatusNotification): fired by {@link Chargers} inside the
 * transaction that stores it, so what observers derive from it commits or rolls back with it.
 * {@code status} is the OCPP 1.6 ChargePointStatus name (Available, Charging, Faulted, ...).
 */
public record ConnectorStatusChanged(String chargerId, int connectorId, String status, Instant at) {}
