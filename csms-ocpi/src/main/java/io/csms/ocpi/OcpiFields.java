package io.csms.ocpi;

import io.csms.platform.Refusal;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reading the fields of an OCPI object a partner sent: a field of the wrong JSON type, a missing
 * required one or a value outside its enumeration is 400/2001 naming the field ({@link OcpiErrors}).
 * Refusals rather than {@link OcpiException}s, so object mappers need no JAX-RS runtime.
 */
public final class OcpiFields {

    private OcpiFields() {}

    public static Refusal invalid(String message) {
        return new Refusal(Refusal.Kind.INVALID, "invalid-request", message);
    }

    /** A string field, or null when absent; another JSON type is 400/2001. */
    public static String text(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw invalid(field + ": a string");
    }

    /** A required string field of at most {@code max} characters. */
    public static String required(JsonObject json, String field, int max) {
        String text = text(json, field);
        if (text == null || text.isEmpty() || text.length() > max) {
            throw invalid(field + ": required, at most " + max + " characters");
        }
        return text;
    }

    /** An optional string field of at most {@code max} characters. */
    public static String optional(JsonObject json, String field, int max) {
        String text = text(json, field);
        if (text != null && text.length() > max) {
            throw invalid(field + ": at most " + max + " characters");
        }
        return text;
    }

    public static boolean bool(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value != null && value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw invalid(field + ": true or false");
    }

    /** A required whole number field. */
    public static long integer(JsonObject json, String field) {
        if (json.get(field) instanceof JsonNumber number && number.isIntegral()) {
            return number.longValue();
        }
        throw invalid(field + ": a whole number");
    }

    /** An enumeration field, or null when absent; an unknown value is 400/2001. */
    public static <E extends Enum<E>> E enumeration(JsonObject json, String field, Class<E> type) {
        String text = text(json, field);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw invalid(field + ": one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Instant dateTime(JsonObject json, String field) {
        String text = text(json, field);
        if (text == null) {
            return null;
        }
        try {
            return Paging.parseDateTime(text);
        } catch (DateTimeParseException e) {
            throw invalid(field + ": an OCPI DateTime");
        }
    }

    /** A required DateTime field. */
    public static Instant requiredDateTime(JsonObject json, String field) {
        Instant time = dateTime(json, field);
        if (time == null) {
            throw invalid(field + ": required");
        }
        return time;
    }

    /** A required object field. */
    public static JsonObject object(JsonObject json, String field) {
        if (json.get(field) instanceof JsonObject object) {
            return object;
        }
        throw invalid(field + ": an object");
    }
}
