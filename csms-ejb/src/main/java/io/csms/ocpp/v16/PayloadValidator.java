package io.csms.ocpp.v16;

import io.csms.ocpp.rpc.ErrorCode;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
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

    /** What the validator needs of one record component, read once per message type. */
    private record Field(
            String name,
            Class<?> type,
            Class<?> element,
            boolean required,
            Set<String> oneOf,
            int maxLength,
            Range range) {}

    /** A message record's fields and their names, by reflection once per record class (not per message). */
    private record Shape(List<Field> fields, Set<String> names) {}

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            List<Field> fields = Arrays.stream(type.getRecordComponents())
                    .map(c -> {
                        OneOf oneOf = c.getAnnotation(OneOf.class);
                        MaxLength max = c.getAnnotation(MaxLength.class);
                        Class<?> element = c.getType() == List.class
                                ? (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0]
                                : null;
                        return new Field(
                                c.getName(),
                                c.getType(),
                                element,
                                c.isAnnotationPresent(Required.class),
                                oneOf == null ? null : Set.of(oneOf.value()),
                                max == null ? -1 : max.value(),
                                c.getAnnotation(Range.class));
                    })
                    .toList();
            return new Shape(fields, fields.stream().map(Field::name).collect(Collectors.toUnmodifiableSet()));
        }
    };

    public static void validate(JsonObject payload, Class<?> type) {
        check(payload, type, "");
    }

    private static void check(JsonObject object, Class<?> type, String path) {
        Shape shape = SHAPES.get(type);
        for (String name : object.keySet()) {
            if (!shape.names().contains(name)) {
                throw new PayloadViolation(ErrorCode.FormationViolation, "Unknown property " + path + name);
            }
        }
        for (Field field : shape.fields()) {
            String name = path + field.name();
            JsonValue value = object.get(field.name());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                if (field.required()) {
                    throw new PayloadViolation(
                            ErrorCode.OccurenceConstraintViolation, "Missing required property " + name);
                }
                continue;
            }
            checkValue(value, field.type(), field.element(), name);
            if (field.oneOf() != null && !field.oneOf().contains(((JsonString) value).getString())) {
                throw new PayloadViolation(
                        ErrorCode.PropertyConstraintViolation,
                        name + " has no value " + ((JsonString) value).getString());
            }
            if (field.maxLength() >= 0 && ((JsonString) value).getString().length() > field.maxLength()) {
                throw new PayloadViolation(
                        ErrorCode.PropertyConstraintViolation,
                        name + " is longer than " + field.maxLength() + " characters");
            }
            Range range = field.range();
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

    /** {@code element}: the element class when {@code type} is a List. */
    private static void checkValue(JsonValue value, Class<?> type, Class<?> element, String name) {
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
            if (ENUM_NAMES.get(type).stream().noneMatch(text::equals)) {
                throw new PayloadViolation(ErrorCode.PropertyConstraintViolation, name + " has no value " + text);
            }
        } else if (type.isRecord()) {
            expect(value, JsonValue.ValueType.OBJECT, name, "an object");
            check(value.asJsonObject(), type, name + ".");
        } else if (type == List.class) {
            expect(value, JsonValue.ValueType.ARRAY, name, "an array");
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                checkValue(array.get(i), element, null, name + "[" + i + "]");
            }
        } else {
            throw new IllegalStateException("No validation for " + type + " (" + name + ")");
        }
    }

    private static final ClassValue<List<String>> ENUM_NAMES = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
    };

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
