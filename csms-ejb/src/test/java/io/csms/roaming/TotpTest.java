package io.csms.roaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.SpecData;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The Open Charging Technology TOTP vectors (spec-data/totp): every generation vector and every invalid input. */
class TotpTest {

    private static final Path SPECS = SpecData.of("totp");

    @TestFactory
    Stream<DynamicTest> generationVectors() throws IOException {
        List<JsonObject> vectors = vectors("totp-test-vectors.json");
        assertEquals(38, vectors.size());
        return vectors.stream()
                .map(v -> DynamicTest.dynamicTest(v.getString("id"), () -> {
                    JsonObject in = v.getJsonObject("input");
                    JsonObject expected = v.getJsonObject("expected");
                    byte[] tls = in.containsKey("tlsExporterMaterialHex")
                            ? HexFormat.of().parseHex(in.getString("tlsExporterMaterialHex"))
                            : null;
                    Totp.Window window = totp(in).window(
                                    in.getJsonNumber("unixTimestampMillis").longValueExact(), tls);
                    assertEquals(expected.getString("previous"), window.previous());
                    assertEquals(expected.getString("current"), window.current());
                    assertEquals(expected.getString("next"), window.next());
                    assertEquals(
                            expected.getJsonNumber("remainingTimeSeconds").longValueExact(), window.remainingSeconds());
                }));
    }

    @TestFactory
    Stream<DynamicTest> invalidInputsAreRejectedWithTheFormatsMessage() throws IOException {
        List<JsonObject> vectors = vectors("totp-invalid-inputs.json");
        assertTrue(vectors.size() >= 18);
        return vectors.stream()
                .map(v -> DynamicTest.dynamicTest(v.getString("id"), () -> {
                    JsonObject in = v.getJsonObject("input");
                    IllegalArgumentException e = assertThrows(
                            IllegalArgumentException.class,
                            () -> totp(in).window(in.getJsonNumber("unixTimestampMillis")
                                    .longValueExact()));
                    assertTrue(e.getMessage().startsWith(v.getString("expectedError")), e.getMessage());
                }));
    }

    @Test
    void aVerifierAcceptsThePreviousCurrentAndNextSlotOnly() {
        Totp totp = Totp.of("secure!Charging!");
        long now = 1716423785000L;
        Totp.Window window = totp.window(now);
        long slot = now / 1000 / 30;
        assertEquals(slot - 1, totp.slotOf(window.previous(), now));
        assertEquals(slot, totp.slotOf(window.current(), now));
        assertEquals(slot + 1, totp.slotOf(window.next(), now));
        assertEquals(-1, totp.slotOf(totp.window(now - 60_000).previous(), now));
        assertEquals(-1, totp.slotOf(null, now));
        assertEquals(-1, totp.slotOf(window.current().toLowerCase() + "x", now));
    }

    private static Totp totp(JsonObject in) {
        return Totp.of(
                in.getString("sharedSecret"),
                number(in, "validityTimeSeconds"),
                number(in, "totpLength"),
                in.containsKey("alphabet") ? in.getString("alphabet") : null,
                in.containsKey("hashAlgorithm") ? in.getString("hashAlgorithm") : null);
    }

    private static Number number(JsonObject in, String name) {
        JsonValue value = in.get(name);
        return value == null || value == JsonValue.NULL ? null : ((JsonNumber) value).bigDecimalValue();
    }

    private static List<JsonObject> vectors(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(SPECS.resolve(file));
                JsonReader json = Json.createReader(reader)) {
            return json.readObject().getJsonArray("vectors").getValuesAs(JsonObject.class);
        }
    }
}
