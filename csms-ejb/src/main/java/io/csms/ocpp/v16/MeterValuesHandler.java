package io.csms.ocpp.v16;

import io.csms.transaction.MeterValueWriter;
import io.csms.transaction.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** OCPP 1.6 §4.7 MeterValues: keep every sampled value (in batches, see {@link MeterValueWriter}). */
@ApplicationScoped
public class MeterValuesHandler implements ActionHandler<MeterValuesRequest, Empty> {

    @Inject
    MeterValueWriter writer;

    @Override
    public String action() {
        return "MeterValues";
    }

    @Override
    public Class<MeterValuesRequest> requestType() {
        return MeterValuesRequest.class;
    }

    /** Waits for {@link #handleAsync}: meter values are only ever stored through the group commit. */
    @Override
    public Empty handle(String chargerId, MeterValuesRequest request) {
        return handleAsync(chargerId, request).toCompletableFuture().join();
    }

    /** Answered once the values are committed with those of other chargers (group commit). */
    @Override
    public CompletionStage<Empty> handleAsync(String chargerId, MeterValuesRequest request) {
        return writer.record(new Transactions.Metering(
                        chargerId, request.connectorId(), request.transactionId(), Samples.of(request.meterValue())))
                .thenApply(stored -> new Empty());
    }
}
