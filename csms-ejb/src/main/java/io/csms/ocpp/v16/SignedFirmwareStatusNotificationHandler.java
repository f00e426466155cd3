package io.csms.ocpp.v16;

import io.csms.chargepoint.Chargers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OCPP 1.6 security extension SignedFirmwareStatusNotification: how the signed firmware update goes. */
@ApplicationScoped
public class SignedFirmwareStatusNotificationHandler
        implements ActionHandler<SignedFirmwareStatusNotificationRequest, Empty> {

    @Inject
    Chargers chargers;

    @Override
    public String action() {
        return "SignedFirmwareStatusNotification";
    }

    @Override
    public Class<SignedFirmwareStatusNotificationRequest> requestType() {
        return SignedFirmwareStatusNotificationRequest.class;
    }

    @Override
    public Empty handle(String chargerId, SignedFirmwareStatusNotificationRequest request) {
        chargers.activity(chargerId, Chargers.Activity.FIRMWARE, request.status(), request.requestId());
        return new Empty();
    }
}
