package io.csms.chargepoint;

import java.time.Instant;

/** What a StatusNotification reports about a connector (protocol-neutral). */
public record ConnectorStatus(
        int connectorId,
        String status,
        String errorCode,
        String info,
        String vendorId,
        String vendorErrorCode,
        Instant at) {}
