package io.csms.ocpp.v16;

import io.csms.chargepoint.BootWriter;
import io.csms.chargepoint.Charger;
import io.csms.ocpp.session.ChargerConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** OCPP 1.6 §4.2 BootNotification: store what the charger reports, answer with its registration status. */
@ApplicationScoped
public class BootNotificationHandler implements ActionHandler<BootNotificationRequest, BootNotificationResponse> {

    @Inject
    BootWriter writer;

    @Inject
    ChargerConnections connections;

    @Inject
    @ConfigProperty(name = "csms.ocpp.heartbeat-interval", defaultValue = "300")
    int heartbeatInterval;

    /** How long a Pending or Rejected charger waits before it boots again, in seconds. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.boot-retry-interval", defaultValue = "60")
    int bootRetryInterval;

    @Override
    public String action() {
        return "BootNotification";
    }

    @Override
    public Class<BootNotificationRequest> requestType() {
        return BootNotificationRequest.class;
    }

    /** Waits for {@link #handleAsync}: boots are only ever stored through the group commit. */
    @Override
    public BootNotificationResponse handle(String chargerId, BootNotificationRequest request) {
        return handleAsync(chargerId, request).toCompletableFuture().join();
    }

    /** Answered once the boot is committed with those of other chargers (group commit). */
    @Override
    public CompletionStage<BootNotificationResponse> handleAsync(String chargerId, BootNotificationRequest request) {
        return writer.boot(chargerId, request.toBootInfo()).thenApply(status -> answer(chargerId, status));
    }

    private BootNotificationResponse answer(String chargerId, Charger.RegistrationStatus status) {
        connections.booted(chargerId, status);
        int interval = status == Charger.RegistrationStatus.Accepted ? heartbeatInterval : bootRetryInterval;
        return new BootNotificationResponse(status.name(), Instant.now(), interval);
    }
}
