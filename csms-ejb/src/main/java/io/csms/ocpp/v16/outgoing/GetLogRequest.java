package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.MaxLength;
import io.csms.ocpp.v16.OneOf;
import io.csms.ocpp.v16.Required;
import java.time.OffsetDateTime;

/** OCPP 1.6 GetLog.req, sent by the CSMS to a charger. */
public record GetLogRequest(
        @Required Log log,
        @Required @OneOf({"DiagnosticsLog", "SecurityLog"}) String logType,
        @Required Integer requestId,
        Integer retries,
        Integer retryInterval) {

    /** OCPP 1.6 Log. */
    public record Log(
            @Required @MaxLength(512) String remoteLocation,
            OffsetDateTime oldestTimestamp,
            OffsetDateTime latestTimestamp) {}
}
