package io.csms.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.SpecData;
import io.csms.location.LocationJson;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tariff model reads and writes the OCPI 2.2.1 specification's example tariffs without losing
 * or changing a field (prices keep their exact decimals), and they pass its field rules.
 */
class TariffDataTest {

    private static final Path EXAMPLES = SpecData.of("ocpi-2.2.1/examples");
    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @TestFactory
    Stream<DynamicTest> every_example_tariff_round_trips_and_passes_the_rules() throws IOException {
        List<Path> tariffs;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            tariffs = files.filter(p -> p.getFileName().toString().matches("tariff_[0-9]+_.*\\.json"))
                    .sorted()
                    .toList();
        }
        assertTrue(tariffs.size() >= 15, "the spec's example tariffs are there");
        return tariffs.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String text = Files.readString(file);
                    TariffData tariff = LocationJson.read(text, TariffData.class);
                    assertEquals(json(text), json(LocationJson.write(tariff)));
                    assertEquals(
                            List.of(),
                            validator.validate(tariff).stream()
                                    .map(Object::toString)
                                    .toList());
                }));
    }

    @Test
    void prices_are_exact_decimals() throws IOException {
        TariffData tariff =
                LocationJson.read(Files.readString(EXAMPLES.resolve("tariff_4_complex.json")), TariffData.class);
        BigDecimal flat = tariff.elements().get(0).priceComponents().get(0).price();
        assertEquals(new BigDecimal("2.50"), flat);
        assertTrue(LocationJson.write(tariff).contains("\"price\":2.50"));
    }

    @Test
    void a_broken_rule_is_found() throws IOException {
        String text = Files.readString(EXAMPLES.resolve("tariff_4_complex.json"))
                .replace("\"EUR\"", "\"euro\"")
                .replace("\"step_size\": 1", "\"step_size\": -1");
        TariffData tariff = LocationJson.read(text, TariffData.class);
        List<String> broken = validator.validate(tariff).stream()
                .map(v -> v.getPropertyPath().toString())
                .sorted()
                .toList();
        assertFalse(broken.isEmpty());
        assertTrue(broken.contains("currency"), broken.toString());
        assertTrue(broken.stream().anyMatch(p -> p.endsWith("stepSize")), broken.toString());
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
