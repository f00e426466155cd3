package io.csms.location;

import io.csms.platform.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of the location model: OCPI's snake_case names, absent fields left out, and
 * properties the model does not have refused (an operator's typo must not vanish silently).
 */
public final class LocationJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(false));

    private LocationJson() {}

    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    /**
     * Reads {@code json} as {@code type}; text that is not JSON of that shape, or has a property the
     * type does not, is {@link NotTheShape}.
     */
    public static <T> T read(String json, Type type) {
        try {
            JsonValue value;
            try (JsonReader reader = Jsonp.JSON.createReader(new StringReader(json))) {
                value = reader.readValue();
            }
            known(value, type, "");
            return JSONB.fromJson(json, type);
        } catch (JsonbException | JsonException | IllegalArgumentException | ClassCastException e) {
            throw new NotTheShape(e.getMessage());
        }
    }

    /** Reads what {@link #write} stored (our own text, already checked when it came in). */
    public static <T> T stored(String json, Type type) {
        try {
            return JSONB.fromJson(json, type);
        } catch (JsonbException e) {
            throw new NotTheShape(e.getMessage());
        }
    }

    /** Refuses properties a record does not have, at any depth (JSON-B would skip them silently). */
    private static void known(JsonValue value, Type type, String path) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (value instanceof JsonObject object && raw.isRecord()) {
            Map<String, RecordComponent> components = COMPONENTS.get(raw);
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                RecordComponent component = components.get(entry.getKey());
                if (component == null) {
                    throw new NotTheShape("unknown property " + path + entry.getKey());
                }
                known(entry.getValue(), component.getGenericType(), path + entry.getKey() + ".");
            }
        } else if (value instanceof JsonArray array
                && type instanceof ParameterizedType list
                && List.class.isAssignableFrom((Class<?>) list.getRawType())) {
            Type element = list.getActualTypeArguments()[0];
            for (int i = 0; i < array.size(); i++) {
                known(array.get(i), element, path.substring(0, Math.max(0, path.length() - 1)) + "[" + i + "].");
            }
        }
    }

    /** Each record's components by JSON name, read once per record type. */
    private static final ClassValue<Map<String, RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> type) {
            Map<String, RecordComponent> byName = new HashMap<>();
            for (RecordComponent c : type.getRecordComponents()) {
                byName.put(c.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT), c);
            }
            return byName;
        }
    };

    /** JSON that is not of the expected shape: wrong types, unknown properties or enumeration values. */
    public static final class NotTheShape extends RuntimeException {
        NotTheShape(String message) {
            super(message, null, false, false);
        }
    }
}
