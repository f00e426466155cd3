package io.csms.ocpp.v16;

import io.csms.chargepoint.Chargers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OCPP 1.6 §4.5 FirmwareStatusNotification: how the firmware update goes. */
@ApplicationScoped
public class FirmwareStatusNotificationHandler implements ActionHandler<FirmwareStatusNotificationRequest, Empty> {

    @Inject
    Chargers chargers;

    @Override
    public String action() {
        return "FirmwareStatusNotification";
    }

    @Override
    public Class<FirmwareStatusNotificationRequest> requestType() {
        return FirmwareStatusNotificationRequest.class;
    }

    @Override
    public Empty handle(String chargerId, FirmwareStatusNotificationRequest request) {
        chargers.activity(chargerId, Chargers.Activity.FIRMWARE, request.status(), null);
        return new Empty();
    }
}
