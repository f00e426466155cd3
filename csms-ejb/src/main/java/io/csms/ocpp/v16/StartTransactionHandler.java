package io.csms.ocpp.v16;

import io.csms.transaction.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OCPP 1.6 §4.8 StartTransaction: store the transaction, answer with its id and the tag's verdict. */
@ApplicationScoped
public class StartTransactionHandler implements ActionHandler<StartTransactionRequest, StartTransactionResponse> {

    @Inject
    Transactions transactions;

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
        Transactions.Started started = transactions.start(
                chargerId,
                request.connectorId(),
                request.idTag(),
                request.meterStart(),
                request.timestamp().toInstant(),
                request.reservationId());
        return new StartTransactionResponse(IdTagInfos.of(started.verdict()), started.transactionId());
    }
}
