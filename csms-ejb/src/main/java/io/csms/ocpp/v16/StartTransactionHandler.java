package io.csms.ocpp.v16;

import io.csms.authorization.Authorizations;
import io.csms.transaction.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * OCPP 1.6 §4.8 StartTransaction: store the transaction, answer with its id and the tag's verdict.
 * When an eMSP had to be asked about the tag, the transaction is stored once it answered (or its
 * time was up), on a managed thread.
 */
@ApplicationScoped
public class StartTransactionHandler implements ActionHandler<StartTransactionRequest, StartTransactionResponse> {

    @Inject
    Transactions transactions;

    @Inject
    Authorizations authorizations;

    @Resource
    ManagedExecutorService executor;

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
        CompletableFuture<Authorizations.Decision> decided =
                authorizations.at(request.idTag(), chargerId).toCompletableFuture();
        Function<Authorizations.Decision, StartTransactionResponse> start = decision -> {
            Transactions.Started started = transactions.start(
                    chargerId,
                    request.connectorId(),
                    request.idTag(),
                    request.meterStart(),
                    request.timestamp().toInstant(),
                    request.reservationId(),
                    decision);
            return new StartTransactionResponse(IdTagInfos.of(started.verdict()), started.transactionId());
        };
        return decided.isDone() ? decided.thenApply(start) : decided.thenApplyAsync(start, executor);
    }
}
