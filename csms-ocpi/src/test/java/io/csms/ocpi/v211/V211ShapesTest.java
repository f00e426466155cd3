package io.csms.ocpi.v211;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.location.LocationData;
import io.csms.location.LocationJson;
import io.csms.ocpi.LocationsSender;
import io.csms.ocpi.v211.locations.V211Locations;
import io.csms.ocpi.v211.tariffs.V211Tariffs;
import io.csms.tariff.TariffData;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What we send 2.1.1 partners keeps the OCPI 2.1.1 rules (mod_locations and mod_tariffs of 2.1.1:
 * the fields each object has, required ones, string lengths, enumerations, the coordinates' format),
 * checked on the 2.2.1 specification's example objects mapped by our 2.1.1 mappers, and on objects
 * with what 2.2.1 added (a ChaoJi connector, two-phase power, a motorway).
 */
class V211ShapesTest {

    private static final Set<String> LOCATION_FIELDS = Set.of(
            "id",
            "type",
            "name",
            "address",
            "city",
            "postal_code",
            "country",
            "coordinates",
            "related_locations",
            "evses",
            "directions",
            "operator",
            "suboperator",
            "owner",
            "facilities",
            "time_zone",
            "opening_times",
            "charging_when_closed",
            "images",
            "energy_mix",
            "last_updated");
    private static final Set<String> EVSE_FIELDS = Set.of(
            "uid",
            "evse_id",
            "status",
            "status_schedule",
            "capabilities",
            "connectors",
            "floor_level",
            "coordinates",
            "physical_reference",
            "directions",
            "parking_restrictions",
            "images",
            "last_updated");
    private static final Set<String> CONNECTOR_FIELDS = Set.of(
            "id",
            "standard",
            "format",
            "power_type",
            "voltage",
            "amperage",
            "tariff_id",
            "terms_and_conditions",
            "last_updated");
    private static final Set<String> LOCATION_TYPES =
            Set.of("ON_STREET", "PARKING_GARAGE", "UNDERGROUND_GARAGE", "PARKING_LOT", "OTHER", "UNKNOWN");
    private static final Set<String> STATUSES = Set.of(
            "AVAILABLE",
            "BLOCKED",
            "CHARGING",
            "INOPERATIVE",
            "OUTOFORDER",
            "PLANNED",
            "REMOVED",
            "RESERVED",
            "UNKNOWN");
    private static final Set<String> CAPABILITIES = Set.of(
            "CHARGING_PROFILE_CAPABLE",
            "CREDIT_CARD_PAYABLE",
            "REMOTE_START_STOP_CAPABLE",
            "RESERVABLE",
            "RFID_READER",
            "UNLOCK_CAPABLE");
    private static final Set<String> FACILITIES = Set.of(
            "HOTEL",
            "RESTAURANT",
            "CAFE",
            "MALL",
            "SUPERMARKET",
            "SPORT",
            "RECREATION_AREA",
            "NATURE",
            "MUSEUM",
            "BUS_STOP",
            "TAXI_STAND",
            "TRAIN_STATION",
            "AIRPORT",
            "CARPOOL_PARKING",
            "FUEL_STATION",
            "WIFI");
    private static final Set<String> STANDARDS = Set.of(
            "CHADEMO",
            "DOMESTIC_A",
            "DOMESTIC_B",
            "DOMESTIC_C",
            "DOMESTIC_D",
            "DOMESTIC_E",
            "DOMESTIC_F",
            "DOMESTIC_G",
            "DOMESTIC_H",
            "DOMESTIC_I",
            "DOMESTIC_J",
            "DOMESTIC_K",
            "DOMESTIC_L",
            "IEC_60309_2_single_16",
            "IEC_60309_2_three_16",
            "IEC_60309_2_three_32",
            "IEC_60309_2_three_64",
            "IEC_62196_T1",
            "IEC_62196_T1_COMBO",
            "IEC_62196_T2",
            "IEC_62196_T2_COMBO",
            "IEC_62196_T3A",
            "IEC_62196_T3C",
            "TESLA_R",
            "TESLA_S");
    private static final Set<String> TARIFF_FIELDS =
            Set.of("id", "currency", "tariff_alt_text", "tariff_alt_url", "elements", "energy_mix", "last_updated");
    private static final Set<String> RESTRICTION_FIELDS = Set.of(
            "start_time",
            "end_time",
            "start_date",
            "end_date",
            "min_kwh",
            "max_kwh",
            "min_power",
            "max_power",
            "min_duration",
            "max_duration",
            "day_of_week");
    private static final Set<String> DIMENSIONS = Set.of("ENERGY", "FLAT", "PARKING_TIME", "TIME");

    private static Path examples() {
        String root = System.getProperty("csms.spec-data");
        if (root == null) {
            throw new IllegalStateException("csms.spec-data is not set: run the tests through Maven");
        }
        return Path.of(root, "ocpi-2.2.1", "examples");
    }

    private static List<Path> examples(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(examples())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> the_spec_example_locations_reach_2_1_1_partners_in_2_1_1_shape() throws IOException {
        List<Path> files = examples("location_example");
        assertTrue(files.size() >= 5, "the spec's example locations are there");
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    LocationData location = LocationJson.read(Files.readString(file), LocationData.class);
                    JsonObject v211 = V211Locations.location(location);
                    List<String> broken = new ArrayList<>();
                    location(v211, broken);
                    assertEquals(List.of(), broken, v211.toString());
                }));
    }

    @Test
    void what_only_2_2_1_has_is_mapped_or_left_out() throws IOException {
        String text = Files.readString(examples().resolve("location_example.json"))
                .replace("\"ON_STREET\"", "\"ALONG_MOTORWAY\"")
                .replaceFirst("\"IEC_62196_T2\"", "\"CHAOJI\"")
                .replace("\"AC_3_PHASE\"", "\"AC_2_PHASE\"");
        LocationData location = LocationJson.read(text, LocationData.class);
        JsonObject v211 = V211Locations.location(location);
        List<String> broken = new ArrayList<>();
        location(v211, broken);
        assertEquals(List.of(), broken, v211.toString());
        assertEquals("OTHER", v211.getString("type"));
        JsonObject v221Evse = LocationsSender.json(location.evses().get(0));
        boolean onlyChaoji = v221Evse.getJsonArray("connectors").getValuesAs(JsonObject.class).stream()
                .allMatch(c -> c.getString("standard").equals("CHAOJI"));
        assertEquals(
                onlyChaoji, V211Locations.evse(v221Evse).isEmpty(), "an EVSE with no plug 2.1.1 can name is left out");
        assertFalse(v211.toString().contains("CHAOJI"), v211.toString());
    }

    @TestFactory
    Stream<DynamicTest> the_spec_example_tariffs_reach_2_1_1_partners_in_2_1_1_shape() throws IOException {
        List<Path> files = examples("tariff_");
        assertTrue(files.size() >= 10, "the spec's example tariffs are there");
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String text = Files.readString(file);
                    if (!text.contains("\"last_updated\"")) {
                        // one example shows only the tariff's elements; the CSMS always stores last_updated
                        text = text.replaceFirst("\\{", "{\"last_updated\": \"2026-01-01T00:00:00Z\",");
                    }
                    TariffData tariff = LocationJson.read(text, TariffData.class);
                    JsonObject v211 = V211Tariffs.tariff(tariff);
                    List<String> broken = new ArrayList<>();
                    tariff(v211, broken);
                    assertEquals(List.of(), broken, v211.toString());
                }));
    }

    private static void location(JsonObject l, List<String> broken) {
        fields("location", l, LOCATION_FIELDS, broken);
        string("id", l, 39, true, broken);
        oneOf("type", l, LOCATION_TYPES, true, broken);
        string("name", l, 255, false, broken);
        string("address", l, 45, true, broken);
        string("city", l, 45, true, broken);
        string("postal_code", l, 10, true, broken);
        string("country", l, 3, true, broken);
        coordinates("coordinates", l, true, broken);
        string("time_zone", l, 255, false, broken);
        manyOf("facilities", l, FACILITIES, broken);
        required("last_updated", l, broken);
        if (l.containsKey("evses")) {
            l.getJsonArray("evses").getValuesAs(JsonObject.class).forEach(e -> evse(e, broken));
        }
    }

    private static void evse(JsonObject e, List<String> broken) {
        fields("evse", e, EVSE_FIELDS, broken);
        string("uid", e, 39, true, broken);
        string("evse_id", e, 48, false, broken);
        oneOf("status", e, STATUSES, true, broken);
        manyOf("capabilities", e, CAPABILITIES, broken);
        string("floor_level", e, 4, false, broken);
        string("physical_reference", e, 16, false, broken);
        coordinates("coordinates", e, false, broken);
        required("last_updated", e, broken);
        JsonArray connectors = e.getJsonArray("connectors");
        if (connectors == null || connectors.isEmpty()) {
            broken.add("evse " + e.getString("uid", "?") + ": connectors must have at least one");
        } else {
            connectors.getValuesAs(JsonObject.class).forEach(c -> connector(c, broken));
        }
    }

    private static void connector(JsonObject c, List<String> broken) {
        fields("connector", c, CONNECTOR_FIELDS, broken);
        string("id", c, 36, true, broken);
        oneOf("standard", c, STANDARDS, true, broken);
        oneOf("format", c, Set.of("SOCKET", "CABLE"), true, broken);
        oneOf("power_type", c, Set.of("AC_1_PHASE", "AC_3_PHASE", "DC"), true, broken);
        integer("voltage", c, broken);
        integer("amperage", c, broken);
        string("tariff_id", c, 36, false, broken);
        required("last_updated", c, broken);
    }

    private static void tariff(JsonObject t, List<String> broken) {
        fields("tariff", t, TARIFF_FIELDS, broken);
        string("id", t, 36, true, broken);
        string("currency", t, 3, true, broken);
        required("last_updated", t, broken);
        JsonArray elements = t.getJsonArray("elements");
        if (elements == null || elements.isEmpty()) {
            broken.add("tariff: elements must have at least one");
            return;
        }
        for (JsonObject element : elements.getValuesAs(JsonObject.class)) {
            fields("element", element, Set.of("price_components", "restrictions"), broken);
            for (JsonObject component : element.getJsonArray("price_components").getValuesAs(JsonObject.class)) {
                fields("price_component", component, Set.of("type", "price", "step_size"), broken);
                oneOf("type", component, DIMENSIONS, true, broken);
                integer("step_size", component, broken);
                if (!(component.get("price") instanceof JsonNumber)) {
                    broken.add("price_component: price must be a number");
                }
            }
            if (element.containsKey("restrictions")) {
                JsonObject r = element.getJsonObject("restrictions");
                fields("restrictions", r, RESTRICTION_FIELDS, broken);
                string("start_time", r, 5, false, broken);
                string("end_time", r, 5, false, broken);
                string("start_date", r, 10, false, broken);
                string("end_date", r, 10, false, broken);
            }
        }
    }

    private static void fields(String object, JsonObject value, Set<String> known, List<String> broken) {
        value.keySet().stream()
                .filter(k -> !known.contains(k))
                .forEach(k -> broken.add(object + ": " + k + " is not a 2.1.1 field"));
    }

    private static void required(String field, JsonObject o, List<String> broken) {
        if (!o.containsKey(field) || o.get(field) == JsonValue.NULL) {
            broken.add(field + " is required");
        }
    }

    private static void string(String field, JsonObject o, int max, boolean required, List<String> broken) {
        if (!o.containsKey(field)) {
            if (required) {
                broken.add(field + " is required");
            }
            return;
        }
        if (!(o.get(field) instanceof JsonString s)) {
            broken.add(field + " must be a string");
        } else if (s.getString().length() > max) {
            broken.add(field + " is longer than " + max);
        }
    }

    private static void integer(String field, JsonObject o, List<String> broken) {
        if (!(o.get(field) instanceof JsonNumber n) || !n.isIntegral()) {
            broken.add(field + " must be an integer");
        }
    }

    private static void oneOf(String field, JsonObject o, Set<String> values, boolean required, List<String> broken) {
        if (!o.containsKey(field)) {
            if (required) {
                broken.add(field + " is required");
            }
            return;
        }
        if (!values.contains(o.getString(field, ""))) {
            broken.add(field + ": " + o.get(field) + " is not a 2.1.1 value");
        }
    }

    private static void manyOf(String field, JsonObject o, Set<String> values, List<String> broken) {
        if (o.containsKey(field)) {
            o.getJsonArray(field).getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .filter(v -> !values.contains(v))
                    .forEach(v -> broken.add(field + ": " + v + " is not a 2.1.1 value"));
        }
    }

    private static void coordinates(String field, JsonObject o, boolean required, List<String> broken) {
        if (!o.containsKey(field)) {
            if (required) {
                broken.add(field + " is required");
            }
            return;
        }
        JsonObject c = o.getJsonObject(field);
        if (!c.getString("latitude", "").matches("-?[0-9]{1,2}\\.[0-9]{6}")
                || !c.getString("longitude", "").matches("-?[0-9]{1,3}\\.[0-9]{6}")) {
            broken.add(field + ": " + c + " breaks the 2.1.1 format");
        }
    }
}
