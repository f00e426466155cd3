package io.csms.ocpp.v16;

/** OCPP 1.6 DataTransfer.req (either direction). */
public record DataTransferRequest(
        @Required @MaxLength(255) String vendorId,
        @MaxLength(50) String messageId,
        String data) {}
