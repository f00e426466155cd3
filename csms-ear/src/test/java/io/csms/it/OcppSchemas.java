package io.csms.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks payloads against the official OCPP 1.6 JSON schemas in the repository's {@code spec-data/ocpp-1.6/schemas}:
 * everything the CSMS sends must pass, or the test fails.
 */
public final class OcppSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private OcppSchemas() {}

    /** Fails when {@code payload} violates the schema of {@code Action.req} or {@code Action.conf}. */
    public static void assertValid(String action, String kind, JsonObject payload) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(action + "." + kind, OcppSchemas::load);
        try {
            JsonNode node = MAPPER.readTree(payload.toString());
            Set<ValidationMessage> errors = schema.validate(node);
            if (!errors.isEmpty()) {
                throw new AssertionError(
                        action + "." + kind + " violates the OCPP 1.6 schema: " + errors + " in " + payload);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema load(String name) {
        Path file = ServerUnderTest.specs().resolve("ocpp-1.6/schemas/" + name + ".json");
        try {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(Files.readString(file), config);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing schema " + file, e);
        }
    }
}
