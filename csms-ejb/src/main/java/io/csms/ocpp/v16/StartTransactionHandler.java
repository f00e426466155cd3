package io.csms.ocpp.v16;

import io.csms.authorization.Authorizations;
import io.csms.transaction.TransactionWriter;
import io.csms.transaction.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/**
 * OCPP 1.6 §4.8 StartTransaction: store the transaction, answer with its id and the tag's verdict.
 * The transaction is stored with other chargers' ({@link TransactionWriter}) once the verdict is
 * reached; when an eMSP had to be asked about the tag, once it answered (or its time was up).
 */
@ApplicationScoped
public class StartTransactionHandler implements ActionHandler<StartTransactionRequest, StartTransactionResponse> {

    @Inject
    TransactionWriter writer;

    @Inject
    Authorizations authorizations;

    @Override
    public String action() {
        return "StartTransaction";
    }

    @Override
    public Class<StartTransactionRequest> requestType() {
        return StartTransactionRequest.class;
    }

    @Override
    public StartTransactionResponse handle(String chargerId, StartTransactionRequest request) {
        return handleAsync(chargerId, request).toCompletableFuture().join();
    }

    @Override
    public CompletionStage<StartTransactionResponse> handleAsync(String chargerId, StartTransactionRequest request) {
        return authorizations
                .at(request.idTag(), chargerId)
                .thenCompose(decision -> writer.start(new Transactions.Start(
                        chargerId,
                        request.connectorId(),
                        request.idTag(),
                        request.meterStart(),
                        request.timestamp().toInstant(),
                        request.reservationId(),
                        decision)))
                .thenApply(started ->
                        new StartTransactionResponse(IdTagInfos.of(started.verdict()), started.transactionId()));
    }
}
