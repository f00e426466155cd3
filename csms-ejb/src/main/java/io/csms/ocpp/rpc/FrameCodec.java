package io.csms.ocpp.rpc;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes OCPP-J frames (OCPP 1.6-J §4). Stateless and thread-safe. */
public final class FrameCodec {

    public static final int CALL = 2;
    public static final int CALL_RESULT = 3;
    public static final int CALL_ERROR = 4;

    /**
     * Looked up once: {@code Jsonp.JSON.createReader} and friends search for the provider on every call,
     * which under load serializes all socket threads on the class loader's locks.
     */
    static final JsonProvider JSON = io.csms.platform.Jsonp.JSON;

    /** Finds the message id at the start of a text that is not valid JSON, so the sender can still get an answer. */
    private static final Pattern LEADING_ID = Pattern.compile("^\\s*\\[\\s*[234]\\s*,\\s*\"([^\"\\\\]{1,36})\"");

    private FrameCodec() {}

    public static OcppFrame decode(String text) throws FrameException {
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new FrameException(leadingId(text), ErrorCode.FormationViolation, "Message is not valid JSON");
        }
        if (!(value instanceof JsonArray array) || array.size() < 3) {
            throw new FrameException(null, ErrorCode.FormationViolation, "Message is not an OCPP-J frame array");
        }
        String messageId = messageId(array);
        if (!(array.get(0) instanceof JsonNumber type) || !type.isIntegral()) {
            throw new FrameException(messageId, ErrorCode.FormationViolation, "Message type id must be an integer");
        }
        return switch (type.intValue()) {
            case CALL -> call(array, messageId);
            case CALL_RESULT -> callResult(array, messageId);
            case CALL_ERROR -> callError(array, messageId);
            default ->
                throw new FrameException(
                        messageId, ErrorCode.ProtocolError, "Unknown message type id " + type.intValue());
        };
    }

    public static String encode(OcppFrame frame) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        if (frame instanceof OcppFrame.Call call) {
            out.add(CALL).add(call.messageId()).add(call.action()).add(call.payload());
        } else if (frame instanceof OcppFrame.CallResult result) {
            out.add(CALL_RESULT).add(result.messageId()).add(result.payload());
        } else {
            OcppFrame.CallError error = (OcppFrame.CallError) frame;
            // OCPP-J: a CALLERROR answers a message id; "-1" when the offending frame had none we could read
            out.add(CALL_ERROR)
                    .add(error.messageId() == null ? "-1" : error.messageId())
                    .add(error.code().name())
                    .add(error.description() == null ? "" : error.description())
                    .add(error.details() == null ? JsonValue.EMPTY_JSON_OBJECT : error.details());
        }
        return out.build().toString();
    }

    private static OcppFrame.Call call(JsonArray array, String messageId) throws FrameException {
        if (array.size() != 4) {
            throw new FrameException(messageId, ErrorCode.FormationViolation, "CALL must have 4 elements");
        }
        requireId(messageId);
        if (!(array.get(2) instanceof JsonString action) || action.getString().isBlank()) {
            throw new FrameException(messageId, ErrorCode.FormationViolation, "CALL action must be a string");
        }
        return new OcppFrame.Call(messageId, action.getString(), payload(array.get(3), messageId));
    }

    private static OcppFrame.CallResult callResult(JsonArray array, String messageId) throws FrameException {
        if (array.size() != 3) {
            throw new FrameException(messageId, ErrorCode.FormationViolation, "CALLRESULT must have 3 elements");
        }
        requireId(messageId);
        return new OcppFrame.CallResult(messageId, payload(array.get(2), messageId));
    }

    private static OcppFrame.CallError callError(JsonArray array, String messageId) throws FrameException {
        if (array.size() != 5) {
            throw new FrameException(messageId, ErrorCode.FormationViolation, "CALLERROR must have 5 elements");
        }
        requireId(messageId);
        if (!(array.get(2) instanceof JsonString code) || !(array.get(3) instanceof JsonString description)) {
            throw new FrameException(
                    messageId, ErrorCode.FormationViolation, "CALLERROR code and description must be strings");
        }
        ErrorCode errorCode = ErrorCode.fromWire(code.getString()).orElse(ErrorCode.GenericError);
        return new OcppFrame.CallError(messageId, errorCode, description.getString(), payload(array.get(4), messageId));
    }

    private static JsonObject payload(JsonValue value, String messageId) throws FrameException {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new FrameException(messageId, ErrorCode.FormationViolation, "Payload must be a JSON object");
    }

    private static String messageId(JsonArray array) {
        if (array.get(1) instanceof JsonString id
                && !id.getString().isEmpty()
                && id.getString().length() <= OcppFrame.MAX_MESSAGE_ID_LENGTH) {
            return id.getString();
        }
        return null;
    }

    private static void requireId(String messageId) throws FrameException {
        if (messageId == null) {
            throw new FrameException(
                    null, ErrorCode.FormationViolation, "Message id must be a string of 1 to 36 characters");
        }
    }

    private static String leadingId(String text) {
        Matcher m = LEADING_ID.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
