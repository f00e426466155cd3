package io.csms.ocpp.v16;

import io.csms.chargepoint.Chargers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OCPP 1.6 security extension SecurityEventNotification: keep the event for the operator. */
@ApplicationScoped
public class SecurityEventNotificationHandler implements ActionHandler<SecurityEventNotificationRequest, Empty> {

    @Inject
    Chargers chargers;

    @Override
    public String action() {
        return "SecurityEventNotification";
    }

    @Override
    public Class<SecurityEventNotificationRequest> requestType() {
        return SecurityEventNotificationRequest.class;
    }

    @Override
    public Empty handle(String chargerId, SecurityEventNotificationRequest request) {
        chargers.securityEvent(chargerId, request.type(), request.timestamp().toInstant(), request.techInfo());
        return new Empty();
    }
}
