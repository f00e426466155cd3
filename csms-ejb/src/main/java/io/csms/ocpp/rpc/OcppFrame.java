package io.csms.ocpp.rpc;

import jakarta.json.JsonObject;

/** One OCPP-J message: {@code [2,id,action,payload]}, {@code [3,id,payload]} or {@code [4,id,code,description,details]}. */
public sealed interface OcppFrame permits OcppFrame.Call, OcppFrame.CallResult, OcppFrame.CallError {

    /** OCPP-J §4.1.2: at most 36 characters. */
    int MAX_MESSAGE_ID_LENGTH = 36;

    String messageId();

    record Call(String messageId, String action, JsonObject payload) implements OcppFrame {}

    record CallResult(String messageId, JsonObject payload) implements OcppFrame {}

    record CallError(String messageId, ErrorCode code, String description, JsonObject details) implements OcppFrame {

        public CallError(String messageId, ErrorCode code, String description) {
            this(messageId, code, description, jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
        }
    }
}
