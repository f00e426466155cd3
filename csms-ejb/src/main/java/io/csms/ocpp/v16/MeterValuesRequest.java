package io.csms.ocpp.v16;

import java.util.List;

/** OCPP 1.6 MeterValues.req. */
public record MeterValuesRequest(
        @Required @Range(min = 0, max = Range.MAX_CONNECTOR_ID)
        Integer connectorId,

        Integer transactionId,
        @Required List<MeterValue> meterValue)
        implements CarriesMeterValues {

    @Override
    public List<MeterValue> meterValues() {
        return meterValue;
    }
}
