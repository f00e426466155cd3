package io.csms.ocpp.session;

import io.csms.ocpp.rpc.ErrorCode;
import jakarta.json.JsonObject;

/** What became of a CALL the CSMS sent to a charger. */
public sealed interface CallOutcome {

    /** The charger answered with a CALLRESULT. */
    record Answered(JsonObject payload) implements CallOutcome {}

    /** The charger answered with a CALLERROR. */
    record Refused(ErrorCode code, String description) implements CallOutcome {}

    /** The charger is not connected to this node, or not yet accepted by a BootNotification. */
    record Offline(String reason) implements CallOutcome {}

    /** No answer within the timeout. */
    record Timeout(long seconds) implements CallOutcome {}
}
