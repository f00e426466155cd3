package io.csms.ocpp.v16;

import io.csms.transaction.TransactionWriter;
import io.csms.transaction.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/**
 * OCPP 1.6 §4.10 StopTransaction: close the transaction with its final meter values (with other
 * chargers' stops, see {@link TransactionWriter}).
 */
@ApplicationScoped
public class StopTransactionHandler implements ActionHandler<StopTransactionRequest, StopTransactionResponse> {

    @Inject
    TransactionWriter writer;

    @Override
    public String action() {
        return "StopTransaction";
    }

    @Override
    public Class<StopTransactionRequest> requestType() {
        return StopTransactionRequest.class;
    }

    @Override
    public StopTransactionResponse handle(String chargerId, StopTransactionRequest request) {
        return handleAsync(chargerId, request).toCompletableFuture().join();
    }

    /** Answered once the stop is committed, with the verdict on the tag it named (read in the same transaction). */
    @Override
    public CompletionStage<StopTransactionResponse> handleAsync(String chargerId, StopTransactionRequest request) {
        return writer.stop(new Transactions.Stop(
                        chargerId,
                        request.transactionId(),
                        request.meterStop(),
                        request.timestamp().toInstant(),
                        request.reason(),
                        request.idTag(),
                        Samples.of(request.transactionData())))
                // idTagInfo only when the charger named a tag (OCPP 1.6: optional in the answer)
                .thenApply(verdict -> new StopTransactionResponse(verdict == null ? null : IdTagInfos.of(verdict)));
    }
}
