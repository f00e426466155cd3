package io.csms.ocpp.v16;

/** OCPP 1.6 StartTransaction.conf. */
public record StartTransactionResponse(IdTagInfo idTagInfo, int transactionId) {}
