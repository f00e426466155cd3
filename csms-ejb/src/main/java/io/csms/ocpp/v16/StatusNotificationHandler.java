package io.csms.ocpp.v16;

import io.csms.chargepoint.Chargers;
import io.csms.chargepoint.ConnectorStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OCPP 1.6 §4.9 StatusNotification: the connector's status now, and in its history. */
@ApplicationScoped
public class StatusNotificationHandler implements ActionHandler<StatusNotificationRequest, Empty> {

    @Inject
    Chargers chargers;

    @Override
    public String action() {
        return "StatusNotification";
    }

    @Override
    public Class<StatusNotificationRequest> requestType() {
        return StatusNotificationRequest.class;
    }

    @Override
    public Empty handle(String chargerId, StatusNotificationRequest request) {
        chargers.statusChanged(
                chargerId,
                new ConnectorStatus(
                        request.connectorId(),
                        request.status(),
                        request.errorCode(),
                        request.info(),
                        request.vendorId(),
                        request.vendorErrorCode(),
                        request.timestamp() == null ? null : request.timestamp().toInstant()));
        return new Empty();
    }
}
