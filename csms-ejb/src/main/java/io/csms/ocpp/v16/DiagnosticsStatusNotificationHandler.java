package io.csms.ocpp.v16;

import io.csms.chargepoint.Chargers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OCPP 1.6 §4.4 DiagnosticsStatusNotification: how the diagnostics upload goes. */
@ApplicationScoped
public class DiagnosticsStatusNotificationHandler
        implements ActionHandler<DiagnosticsStatusNotificationRequest, Empty> {

    @Inject
    Chargers chargers;

    @Override
    public String action() {
        return "DiagnosticsStatusNotification";
    }

    @Override
    public Class<DiagnosticsStatusNotificationRequest> requestType() {
        return DiagnosticsStatusNotificationRequest.class;
    }

    @Override
    public Empty handle(String chargerId, DiagnosticsStatusNotificationRequest request) {
        chargers.activity(chargerId, Chargers.Activity.DIAGNOSTICS, request.status(), null);
        return new Empty();
    }
}
