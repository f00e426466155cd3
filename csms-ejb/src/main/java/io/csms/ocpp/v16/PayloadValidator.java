package io.csms.ocpp.v16;

import io.csms.ocpp.rpc.ErrorCode;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a payload against its message record before binding, the way the OCPP 1.6 JSON schemas
 * would, and says which 1.6 error code a violation deserves (OCPP-J 1.6 §4.2.3):
 * a property the message does not have → FormationViolation; a value of the wrong JSON type →
 * TypeConstraintViolation; a required property missing → OccurenceConstraintViolation; a string
 * too long or holding what the database cannot store (NUL, an unpaired surrogate), a value outside
 * its enumeration ({@link OneOf}) or range ({@link Range}), or a timestamp without zone →
 * PropertyConstraintViolation. What passes here can be stored: nothing valid fails only in the
 * database (which would make a whole batch of other chargers' messages retry).
 */
public final class PayloadValidator {

    private PayloadValidator() {}

    public static void validate(JsonObject payload, Class<?> type) {
        check(payload, type, "");
    }

    private static void check(JsonObject object, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known =
                Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
        for (String name : object.keySet()) {
            if (!known.contains(name)) {
                throw new PayloadViolation(ErrorCode.FormationViolation, "Unknown property " + path + name);
            }
        }
        for (RecordComponent component : components) {
            String name = path + component.getName();
            JsonValue value = object.get(component.getName());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                if (component.isAnnotationPresent(Required.class)) {
                    throw new PayloadViolation(
                            ErrorCode.OccurenceConstraintViolation, "Missing required property " + name);
                }
                continue;
            }
            checkValue(value, component.getType(), component.getGenericType(), name);
            OneOf oneOf = component.getAnnotation(OneOf.class);
            if (oneOf != null && !Arrays.asList(oneOf.value()).contains(((JsonString) value).getString())) {
                throw new PayloadViolation(
                        ErrorCode.PropertyConstraintViolation,
                        name + " has no value " + ((JsonString) value).getString());
            }
            MaxLength max = component.getAnnotation(MaxLength.class);
            if (max != null && ((JsonString) value).getString().length() > max.value()) {
                throw new PayloadViolation(
                        ErrorCode.PropertyConstraintViolation, name + " is longer than " + max.value() + " characters");
            }
            Range range = component.getAnnotation(Range.class);
            if (range != null) {
                long number = ((JsonNumber) value).longValue();
                if (number < range.min() || number > range.max()) {
                    throw new PayloadViolation(
                            ErrorCode.PropertyConstraintViolation,
                            name + " must be between " + range.min() + " and " + range.max());
                }
            }
        }
    }

    private static void checkValue(JsonValue value, Class<?> type, Type generic, String name) {
        if (type == String.class) {
            expect(value, JsonValue.ValueType.STRING, name, "a string");
            checkText(((JsonString) value).getString(), name);
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                throw typeViolation(name, "an integer");
            }
            checkRange(number.bigDecimalValue(), type, name);
        } else if (type == BigDecimal.class || type == double.class || type == Double.class) {
            expect(value, JsonValue.ValueType.NUMBER, name, "a number");
        } else if (type == boolean.class || type == Boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                throw typeViolation(name, "a boolean");
            }
        } else if (type == OffsetDateTime.class) {
            expect(value, JsonValue.ValueType.STRING, name, "a date-time string");
            checkDateTime(((JsonString) value).getString(), name);
        } else if (type.isEnum()) {
            expect(value, JsonValue.ValueType.STRING, name, "a string");
            String text = ((JsonString) value).getString();
            if (Arrays.stream(type.getEnumConstants()).map(Object::toString).noneMatch(text::equals)) {
                throw new PayloadViolation(ErrorCode.PropertyConstraintViolation, name + " has no value " + text);
            }
        } else if (type.isRecord()) {
            expect(value, JsonValue.ValueType.OBJECT, name, "an object");
            check(value.asJsonObject(), type, name + ".");
        } else if (type == List.class) {
            expect(value, JsonValue.ValueType.ARRAY, name, "an array");
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                checkValue(array.get(i), (Class<?>) element, element, name + "[" + i + "]");
            }
        } else {
            throw new IllegalStateException("No validation for " + type + " (" + name + ")");
        }
    }

    private static void checkRange(BigDecimal number, Class<?> type, String name) {
        boolean isInt = type == int.class || type == Integer.class;
        BigDecimal min = BigDecimal.valueOf(isInt ? Integer.MIN_VALUE : Long.MIN_VALUE);
        BigDecimal max = BigDecimal.valueOf(isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw new PayloadViolation(ErrorCode.PropertyConstraintViolation, name + " is out of range");
        }
    }

    /**
     * OCPP 1.6 timestamps are RFC 3339: a zone (or Z) is part of the value, and the year has four
     * digits (beyond them PostgreSQL cannot store the value).
     */
    private static void checkDateTime(String text, String name) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(text);
            parsed.get(ChronoField.OFFSET_SECONDS);
        } catch (DateTimeParseException e) {
            throw new PayloadViolation(ErrorCode.PropertyConstraintViolation, name + " is not a date-time with zone");
        }
        if (parsed.getYear() < 1 || parsed.getYear() > 9999) {
            throw new PayloadViolation(ErrorCode.PropertyConstraintViolation, name + " has a year outside 1 to 9999");
        }
    }

    /**
     * Text the database can store as it came: no NUL character and no unpaired surrogate (which
     * PostgreSQL refuses, so that a value passing here would otherwise fail only when written).
     */
    private static void checkText(String text, String name) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new PayloadViolation(ErrorCode.PropertyConstraintViolation, name + " contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new PayloadViolation(
                        ErrorCode.PropertyConstraintViolation, name + " contains an unpaired surrogate");
            }
        }
    }

    private static void expect(JsonValue value, JsonValue.ValueType type, String name, String what) {
        if (value.getValueType() != type) {
            throw typeViolation(name, what);
        }
    }

    private static PayloadViolation typeViolation(String name, String what) {
        return new PayloadViolation(ErrorCode.TypeConstraintViolation, name + " must be " + what);
    }
}
