package io.csms.ocpp.v16;

import io.csms.authorization.Authorizations;
import io.csms.transaction.TransactionWriter;
import io.csms.transaction.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
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

    /**
     * Most tags are registered here: the start goes to the writer at once and its tag is decided in
     * the batch's transaction. Any other tag (a partner's, a driver's card claim, an unknown one) is
     * decided first, which may ask an eMSP, and the start is then stored with that decision.
     */
    @Override
    public CompletionStage<StartTransactionResponse> handleAsync(String chargerId, StartTransactionRequest request) {
        return writer.start(start(chargerId, request, null))
                .thenCompose(started -> started.decided()
                        ? CompletableFuture.completedFuture(started)
                        : authorizations
                                .at(request.idTag(), chargerId)
                                .thenCompose(decision -> writer.start(start(chargerId, request, decision))))
                .thenApply(started ->
                        new StartTransactionResponse(IdTagInfos.of(started.verdict()), started.transactionId()));
    }

    private static Transactions.Start start(
            String chargerId, StartTransactionRequest request, Authorizations.Decision decision) {
        return new Transactions.Start(
                chargerId,
                request.connectorId(),
                request.idTag(),
                request.meterStart(),
                request.timestamp().toInstant(),
                request.reservationId(),
                decision);
    }
}
