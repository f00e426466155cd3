package io.csms.ocpp.v16;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** Binds OCPP payload objects to message records and back (JSON-B; absent fields stay absent). */
public final class Payloads {

    /** Looked up once, like the JSON-B instance: a lookup per message costs class-loader locks. */
    private static final JsonProvider JSON = io.csms.platform.Jsonp.JSON;

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private Payloads() {}

    public static <T> T read(JsonObject payload, Class<T> type) {
        return JSONB.fromJson(payload.toString(), type);
    }

    public static JsonObject write(Object message) {
        try (JsonReader reader = JSON.createReader(new StringReader(JSONB.toJson(message)))) {
            return reader.readObject();
        }
    }
}
