package io.csms.ocpp.v16;

import java.util.List;

/** OCPP 1.6 MeterValues.req. */
public record MeterValuesRequest(
        @Required Integer connectorId,
        Integer transactionId,
        @Required List<MeterValue> meterValue) {}
