package io.csms.ocpp.v16;

import io.csms.authorization.IdTags;
import io.csms.transaction.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OCPP 1.6 §4.10 StopTransaction: close the transaction with its final meter values. */
@ApplicationScoped
public class StopTransactionHandler implements ActionHandler<StopTransactionRequest, StopTransactionResponse> {

    @Inject
    Transactions transactions;

    @Inject
    IdTags idTags;

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
        transactions.stop(
                chargerId,
                request.transactionId(),
                request.meterStop(),
                request.timestamp().toInstant(),
                request.reason(),
                request.idTag(),
                Samples.of(request.transactionData()));
        // idTagInfo only when the charger named a tag (OCPP 1.6: optional in the answer)
        return new StopTransactionResponse(
                request.idTag() == null ? null : IdTagInfos.of(idTags.verdict(request.idTag())));
    }
}
