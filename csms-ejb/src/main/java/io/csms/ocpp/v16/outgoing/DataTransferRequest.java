package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.MaxLength;
import io.csms.ocpp.v16.Required;

/** OCPP 1.6 DataTransfer.req, sent by the CSMS to a charger. */
public record DataTransferRequest(
        @Required @MaxLength(255) String vendorId,
        @MaxLength(50) String messageId,
        String data) {}
