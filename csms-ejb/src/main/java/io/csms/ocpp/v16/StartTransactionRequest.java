package io.csms.ocpp.v16;

import java.time.OffsetDateTime;

/** OCPP 1.6 StartTransaction.req. {@code meterStart} in Wh. */
public record StartTransactionRequest(
        @Required @Range(min = 1, max = Range.MAX_CONNECTOR_ID)
        Integer connectorId,

        @Required @MaxLength(20) String idTag,
        @Required Integer meterStart,
        Integer reservationId,
        @Required OffsetDateTime timestamp) {}
