package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.Required;
import java.time.OffsetDateTime;

/** OCPP 1.6 UpdateFirmware.req, sent by the CSMS to a charger. */
public record UpdateFirmwareRequest(
        @Required String location,
        Integer retries,
        @Required OffsetDateTime retrieveDate,
        Integer retryInterval) {}
