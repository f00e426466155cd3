package io.csms.ocpp.v16;

import io.csms.transaction.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OCPP 1.6 §4.7 MeterValues: keep every sampled value. */
@ApplicationScoped
public class MeterValuesHandler implements ActionHandler<MeterValuesRequest, Empty> {

    @Inject
    Transactions transactions;

    @Override
    public String action() {
        return "MeterValues";
    }

    @Override
    public Class<MeterValuesRequest> requestType() {
        return MeterValuesRequest.class;
    }

    @Override
    public Empty handle(String chargerId, MeterValuesRequest request) {
        transactions.record(chargerId, request.connectorId(), request.transactionId(), Samples.of(request.meterValue()));
        return new Empty();
    }
}
