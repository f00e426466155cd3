package io.csms.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.SpecData;
import io.csms.platform.Refusal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Validation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The location model reads and writes the OCPI 2.2.1 specification's own example objects without
 * losing or changing a field, and its rules pass them; broken rules are named by their JSON field.
 */
class LocationDataTest {

    private static final Path EXAMPLES = SpecData.of("ocpi-2.2.1/examples");
    private final LocationRules rules =
            new LocationRules(Validation.buildDefaultValidatorFactory().getValidator());

    @TestFactory
    Stream<DynamicTest> every_example_location_round_trips_and_passes_the_rules() throws IOException {
        List<Path> locations;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            locations = files.filter(p -> p.getFileName().toString().startsWith("location_example"))
                    .sorted()
                    .toList();
        }
        assertTrue(locations.size() >= 5, "the spec's example locations are there");
        return locations.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String text = Files.readString(file);
                    LocationData location = LocationJson.read(text, LocationData.class);
                    assertEquals(json(text), json(LocationJson.write(location)));
                    rules.check(location);
                }));
    }

    @TestFactory
    Stream<DynamicTest> example_energy_mixes_and_opening_times_round_trip() throws IOException {
        List<Path> parts;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            parts = files.filter(p -> p.getFileName().toString().matches("location_(energymix|hours|regularhours)_.*"))
                    .sorted()
                    .toList();
        }
        assertTrue(parts.size() >= 5);
        return parts.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    JsonObject example = json(Files.readString(file)).asJsonObject();
                    // the energy mix and regular hours examples wrap the object in its Location field
                    String member = example.containsKey("energy_mix")
                            ? "energy_mix"
                            : example.containsKey("opening_times") ? "opening_times" : null;
                    JsonValue object = member == null ? example : example.get(member);
                    Class<?> type =
                            "energy_mix".equals(member) ? LocationData.EnergyMix.class : LocationData.Hours.class;
                    assertEquals(object, json(LocationJson.write(LocationJson.read(object.toString(), type))));
                }));
    }

    @Test
    void broken_rules_are_named_by_their_json_field() throws IOException {
        String example = Files.readString(EXAMPLES.resolve("location_example.json"));
        LocationData bad = LocationJson.read(
                example.replace("\"max_voltage\": 220,", "").replace("\"3.729944\"", "\"3.7\""), LocationData.class);
        Refusal refused = assertThrows(Refusal.class, () -> rules.check(bad));
        assertEquals(Refusal.Kind.INVALID, refused.kind());
        assertTrue(refused.getMessage().contains("evses[0].connectors[0].max_voltage"), refused.getMessage());
        assertTrue(refused.getMessage().contains("coordinates.longitude"), refused.getMessage());
    }

    @Test
    void a_location_with_an_unknown_property_or_enumeration_value_is_not_a_location() {
        assertThrows(
                LocationJson.NotTheShape.class,
                () -> LocationJson.read("{\"id\":\"L1\",\"colour\":\"red\"}", LocationData.class));
        assertThrows(
                LocationJson.NotTheShape.class,
                () -> LocationJson.read("{\"id\":\"L1\",\"parking_type\":\"ROOFTOP\"}", LocationData.class));
    }

    @Test
    void evse_ids_follow_emi3() {
        for (String good : List.of("NL*CSM*E1234*1", "BE*BEC*E041503001", "DECSME12", "nl*csm*e1")) {
            assertTrue(good.matches(LocationData.EVSE_ID), good);
        }
        for (String bad : List.of("NL*CSM*1234", "N*CSM*E1", "NL-CSM-E1", "NL*CSM*E", "NL*CS*E1")) {
            assertTrue(!bad.matches(LocationData.EVSE_ID), bad);
        }
    }

    @Test
    void ocpp_statuses_map_to_evse_statuses() {
        assertEquals(LocationData.EvseStatus.AVAILABLE, EvseStatuses.of("Available"));
        for (String busy : List.of("Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing")) {
            assertEquals(LocationData.EvseStatus.CHARGING, EvseStatuses.of(busy), busy);
        }
        assertEquals(LocationData.EvseStatus.RESERVED, EvseStatuses.of("Reserved"));
        assertEquals(LocationData.EvseStatus.INOPERATIVE, EvseStatuses.of("Unavailable"));
        assertEquals(LocationData.EvseStatus.OUTOFORDER, EvseStatuses.of("Faulted"));
        assertEquals(LocationData.EvseStatus.UNKNOWN, EvseStatuses.of(null));
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
