package io.csms.ocpp.v16;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.csms.SpecData;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request record says what its official OCPP 1.6 schema says (the repository's {@code spec-data/ocpp-1.6/schemas}):
 * the same properties, the same required ones, the same maximum lengths and enumerations, nested
 * types included. What the validator checks is thereby what the schemas check.
 */
class MessagesMatchSchemasTest {

    static Stream<String> actions() {
        return Stream.concat(
                Stream.of(
                                "Authorize",
                                "BootNotification",
                                "DataTransfer",
                                "DiagnosticsStatusNotification",
                                "FirmwareStatusNotification",
                                "Heartbeat",
                                "MeterValues",
                                "StartTransaction",
                                "StatusNotification",
                                "StopTransaction",
                                "SecurityEventNotification",
                                "SignCertificate",
                                "SignedFirmwareStatusNotification",
                                "LogStatusNotification")
                        .map(a -> "io.csms.ocpp.v16." + a),
                Stream.of(
                                "ChangeAvailability",
                                "ChangeConfiguration",
                                "ClearCache",
                                "GetConfiguration",
                                "RemoteStartTransaction",
                                "RemoteStopTransaction",
                                "Reset",
                                "UnlockConnector",
                                "GetDiagnostics",
                                "UpdateFirmware",
                                "GetLocalListVersion",
                                "SendLocalList",
                                "ReserveNow",
                                "CancelReservation",
                                "SetChargingProfile",
                                "ClearChargingProfile",
                                "GetCompositeSchedule",
                                "TriggerMessage",
                                "CertificateSigned",
                                "InstallCertificate",
                                "DeleteCertificate",
                                "GetInstalledCertificateIds",
                                "GetLog",
                                "SignedUpdateFirmware",
                                "ExtendedTriggerMessage")
                        .map(a -> "io.csms.ocpp.v16.outgoing." + a));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void the_record_says_what_the_schema_says(String qualified) throws Exception {
        String action = qualified.substring(qualified.lastIndexOf('.') + 1);
        Class<?> type = Class.forName(qualified + "Request");
        JsonObject schema = read(SpecData.of("ocpp-1.6/schemas/" + action + ".req.json"));
        compare(type, schema, schema, action);
    }

    private static void compare(Class<?> type, JsonObject schema, JsonObject root, String where) {
        JsonObject properties =
                schema.containsKey("properties") ? schema.getJsonObject("properties") : JsonValue.EMPTY_JSON_OBJECT;
        Set<String> required = schema.containsKey("required")
                ? schema.getJsonArray("required").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .collect(Collectors.toCollection(TreeSet::new))
                : Set.of();
        RecordComponent[] components = type.getRecordComponents();
        assertEquals(
                new TreeSet<>(properties.keySet()),
                Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new)),
                where);
        assertEquals(
                required,
                Arrays.stream(components)
                        .filter(c -> c.isAnnotationPresent(Required.class))
                        .map(RecordComponent::getName)
                        .collect(Collectors.toCollection(TreeSet::new)),
                where + " required");
        for (RecordComponent component : components) {
            JsonObject property = resolve(properties.getJsonObject(component.getName()), root);
            String name = where + "." + component.getName();
            MaxLength max = component.getAnnotation(MaxLength.class);
            assertEquals(
                    property.containsKey("maxLength") ? property.getInt("maxLength") : null,
                    max == null ? null : max.value(),
                    name + " maxLength");
            OneOf oneOf = component.getAnnotation(OneOf.class);
            assertEquals(
                    property.containsKey("enum")
                            ? property.getJsonArray("enum").getValuesAs(JsonString.class).stream()
                                    .map(JsonString::getString)
                                    .toList()
                            : null,
                    oneOf == null ? null : List.of(oneOf.value()),
                    name + " enum");
            if (component.getType().isRecord()) {
                compare(component.getType(), property, root, name);
            } else if (component.getType() == List.class
                    && property.getJsonObject("items").containsKey("properties")) {
                Class<?> element =
                        (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                compare(element, resolve(property.getJsonObject("items"), root), root, name + "[]");
            }
        }
    }

    private static JsonObject resolve(JsonObject property, JsonObject root) {
        while (property.containsKey("$ref")) {
            String ref = property.getString("$ref");
            property = root.getJsonObject("definitions").getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return property;
    }

    private static JsonObject read(Path file) throws IOException {
        return Json.createReader(new StringReader(Files.readString(file))).readObject();
    }
}
