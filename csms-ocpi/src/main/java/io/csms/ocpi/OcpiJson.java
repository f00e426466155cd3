package io.csms.ocpi;

import io.csms.platform.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Request bodies of the OCPI modules: JSON, or 400 with status 2001 (OCPI status_codes: "not a valid JSON string"). */
public final class OcpiJson {

    private OcpiJson() {}

    public static JsonValue read(String body) {
        try (JsonReader reader = Jsonp.JSON.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new OcpiException(400, OcpiStatus.INVALID_PARAMETERS, "The body is not valid JSON");
        }
    }

    public static JsonObject readObject(String body) {
        JsonValue value = read(body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new OcpiException(400, OcpiStatus.INVALID_PARAMETERS, "The body is not a JSON object");
        }
        return value.asJsonObject();
    }
}
