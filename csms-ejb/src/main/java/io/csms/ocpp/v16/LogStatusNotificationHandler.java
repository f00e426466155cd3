package io.csms.ocpp.v16;

import io.csms.chargepoint.Chargers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OCPP 1.6 security extension LogStatusNotification: how the log upload goes. */
@ApplicationScoped
public class LogStatusNotificationHandler implements ActionHandler<LogStatusNotificationRequest, Empty> {

    @Inject
    Chargers chargers;

    @Override
    public String action() {
        return "LogStatusNotification";
    }

    @Override
    public Class<LogStatusNotificationRequest> requestType() {
        return LogStatusNotificationRequest.class;
    }

    @Override
    public Empty handle(String chargerId, LogStatusNotificationRequest request) {
        chargers.activity(chargerId, Chargers.Activity.LOG, request.status(), request.requestId());
        return new Empty();
    }
}
