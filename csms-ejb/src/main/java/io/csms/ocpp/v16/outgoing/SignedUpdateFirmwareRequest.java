package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.MaxLength;
import io.csms.ocpp.v16.Required;
import java.time.OffsetDateTime;

/** OCPP 1.6 SignedUpdateFirmware.req, sent by the CSMS to a charger. */
public record SignedUpdateFirmwareRequest(
        Integer retries,
        Integer retryInterval,
        @Required Integer requestId,
        @Required Firmware firmware) {

    /** OCPP 1.6 Firmware. */
    public record Firmware(
            @Required @MaxLength(512) String location,
            @Required OffsetDateTime retrieveDateTime,
            OffsetDateTime installDateTime,
            @Required @MaxLength(5500) String signingCertificate,
            @Required @MaxLength(800) String signature) {}
}
