package io.csms.ocpp.v16;

import java.time.OffsetDateTime;

/** OCPP 1.6 StartTransaction.req. {@code meterStart} in Wh. */
public record StartTransactionRequest(
        @Required Integer connectorId,
        @Required @MaxLength(20) String idTag,
        @Required Integer meterStart,
        Integer reservationId,
        @Required OffsetDateTime timestamp) {}
