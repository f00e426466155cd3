package io.csms.ocpp.v16;

/** OCPP 1.6 DataTransfer.conf. */
public record DataTransferResponse(String status, String data) {}
