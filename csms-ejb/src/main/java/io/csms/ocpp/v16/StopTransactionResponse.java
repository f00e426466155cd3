package io.csms.ocpp.v16;

/** OCPP 1.6 StopTransaction.conf. */
public record StopTransactionResponse(IdTagInfo idTagInfo) {}
