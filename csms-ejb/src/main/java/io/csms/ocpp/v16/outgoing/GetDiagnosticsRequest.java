package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.Required;
import java.time.OffsetDateTime;

/** OCPP 1.6 GetDiagnostics.req, sent by the CSMS to a charger. */
public record GetDiagnosticsRequest(
        @Required String location,
        Integer retries,
        Integer retryInterval,
        OffsetDateTime startTime,
        OffsetDateTime stopTime) {}
