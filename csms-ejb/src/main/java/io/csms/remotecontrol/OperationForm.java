package io.csms.remotecontrol;

import io.csms.ocpp.v16.MaxLength;
import io.csms.ocpp.v16.OneOf;
import io.csms.ocpp.v16.Required;
import io.csms.platform.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A form for an OCPP operation, read off its request record ({@link RemoteCommands#requestOf}): a
 * field per component, a choice where the schema lists the values, a number for an integer, a yes/no
 * for a boolean, JSON for what is structured (lists, nested objects); and the request payload made
 * from what was filled in (empty optional fields left out). The payload is checked against the
 * schema when it is sent.
 */
public final class OperationForm {

    /** How a field is entered. */
    public enum Kind {
        TEXT,
        NUMBER,
        DECIMAL,
        CHOICE,
        BOOLEAN,
        JSON
    }

    /** One field: its name in the payload, how it is entered, the values it may take, whether it is required. */
    public record Field(String name, Kind kind, List<String> choices, boolean required, Integer maxLength) {}

    private OperationForm() {}

    public static List<Field> fields(String action) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent c : RemoteCommands.requestOf(action).getRecordComponents()) {
            OneOf oneOf = c.getAnnotation(OneOf.class);
            MaxLength max = c.getAnnotation(MaxLength.class);
            Class<?> type = c.getType();
            Kind kind = oneOf != null
                    ? Kind.CHOICE
                    : type == Integer.class || type == int.class || type == Long.class || type == long.class
                            ? Kind.NUMBER
                            : type == Double.class || type == double.class || type == java.math.BigDecimal.class
                                    ? Kind.DECIMAL
                                    : type == Boolean.class || type == boolean.class
                                            ? Kind.BOOLEAN
                                            : type == String.class ? Kind.TEXT : Kind.JSON;
            fields.add(new Field(
                    c.getName(),
                    kind,
                    oneOf == null ? List.of() : Arrays.asList(oneOf.value()),
                    c.isAnnotationPresent(Required.class),
                    max == null ? null : max.value()));
        }
        return fields;
    }

    /** A value that is not of its field's kind. */
    public static class NotAValue extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        NotAValue(String message) {
            super(message);
        }
    }

    /** The payload from the values entered ({@code values}: field name → text; blank: left out). */
    public static jakarta.json.JsonObject payload(String action, Map<String, String> values) {
        JsonObjectBuilder payload = Jsonp.JSON.createObjectBuilder();
        for (Field field : fields(action)) {
            String value = values.get(field.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            String text = value.strip();
            try {
                switch (field.kind()) {
                    case NUMBER -> payload.add(field.name(), Long.parseLong(text));
                    case DECIMAL -> payload.add(field.name(), new java.math.BigDecimal(text));
                    case BOOLEAN -> payload.add(field.name(), Boolean.parseBoolean(text));
                    case JSON -> {
                        try (JsonReader reader = Jsonp.JSON.createReader(new StringReader(text))) {
                            payload.add(field.name(), reader.readValue());
                        }
                    }
                    default -> payload.add(field.name(), text);
                }
            } catch (NumberFormatException e) {
                throw new NotAValue(field.name() + ": a number");
            } catch (JsonException e) {
                throw new NotAValue(field.name() + ": JSON (a list [...] or an object {...})");
            }
        }
        return payload.build();
    }
}
