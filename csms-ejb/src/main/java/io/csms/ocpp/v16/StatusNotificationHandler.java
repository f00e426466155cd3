package io.csms.ocpp.v16;

import io.csms.chargepoint.ConnectorStatus;
import io.csms.chargepoint.StatusWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** OCPP 1.6 §4.9 StatusNotification: the connector's status now, and in its history (in batches, see {@link StatusWriter}). */
@ApplicationScoped
public class StatusNotificationHandler implements ActionHandler<StatusNotificationRequest, Empty> {

    @Inject
    StatusWriter writer;

    @Override
    public String action() {
        return "StatusNotification";
    }

    @Override
    public Class<StatusNotificationRequest> requestType() {
        return StatusNotificationRequest.class;
    }

    /** Waits for {@link #handleAsync}: statuses are only ever stored through the group commit. */
    @Override
    public Empty handle(String chargerId, StatusNotificationRequest request) {
        return handleAsync(chargerId, request).toCompletableFuture().join();
    }

    /** Answered once the status is committed with those of other chargers (group commit). */
    @Override
    public CompletionStage<Empty> handleAsync(String chargerId, StatusNotificationRequest request) {
        return writer.report(
                        chargerId,
                        new ConnectorStatus(
                                request.connectorId(),
                                request.status(),
                                request.errorCode(),
                                request.info(),
                                request.vendorId(),
                                request.vendorErrorCode(),
                                request.timestamp() == null
                                        ? null
                                        : request.timestamp().toInstant()))
                .thenApply(stored -> new Empty());
    }
}
