package io.csms.ocpp.v16;

import io.csms.chargepoint.Presence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** OCPP 1.6 §4.6 Heartbeat: the charger is alive (noted without a database round trip); tell it the time. */
@ApplicationScoped
public class HeartbeatHandler implements ActionHandler<HeartbeatRequest, HeartbeatResponse> {

    @Inject
    Presence presence;

    @Override
    public String action() {
        return "Heartbeat";
    }

    @Override
    public Class<HeartbeatRequest> requestType() {
        return HeartbeatRequest.class;
    }

    @Override
    public HeartbeatResponse handle(String chargerId, HeartbeatRequest request) {
        presence.seen(chargerId);
        return new HeartbeatResponse(Instant.now());
    }
}
