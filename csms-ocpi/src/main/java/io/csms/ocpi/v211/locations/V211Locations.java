package io.csms.ocpi.v211.locations;

import io.csms.location.LocationData;
import io.csms.ocpi.LocationsSender;
import io.csms.platform.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * The location model (OCPI 2.2.1 fields) as OCPI 2.1.1 objects (2.1.1 mod_locations): {@code type}
 * instead of {@code parking_type}; no {@code country_code}, {@code party_id}, {@code publish},
 * {@code publish_allowed_to}, {@code state}; coordinates with exactly six decimals; connectors with
 * {@code voltage}, {@code amperage} and one {@code tariff_id}; environmental impact's {@code source};
 * and only the enumeration values 2.1.1 has (capabilities, facilities it lacks are left out).
 */
public final class V211Locations {

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

    /** OCPI 2.1.1 ConnectorType: 2.2.1 added others (ChaoJi, GB/T, NEMA, pantographs...), which 2.1.1 cannot name. */
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

    private V211Locations() {}

    public static JsonObject location(LocationData location) {
        JsonObject v221 = LocationsSender.json(location);
        JsonObjectBuilder out = Jsonp.JSON
                .createObjectBuilder(v221)
                .remove("country_code")
                .remove("party_id")
                .remove("publish")
                .remove("publish_allowed_to")
                .remove("state")
                .remove("parking_type")
                .add("type", type(location.parkingType()))
                .add("coordinates", coordinates(v221.getJsonObject("coordinates")));
        if (location.postalCode() == null) {
            // required in 2.1.1; 2.2.1 leaves it out only where a place has none
            out.add("postal_code", "");
        }
        if (v221.containsKey("facilities")) {
            out.add("facilities", only(v221.getJsonArray("facilities").getValuesAs(JsonValue.class), FACILITIES));
        }
        if (v221.containsKey("related_locations")) {
            JsonArrayBuilder related = Jsonp.JSON.createArrayBuilder();
            v221.getJsonArray("related_locations")
                    .getValuesAs(JsonObject.class)
                    .forEach(r -> related.add(
                            Jsonp.JSON.createObjectBuilder(r).addAll(Jsonp.JSON.createObjectBuilder(coordinates(r)))));
            out.add("related_locations", related);
        }
        if (v221.containsKey("energy_mix")) {
            out.add("energy_mix", energyMix(v221.getJsonObject("energy_mix")));
        }
        if (v221.containsKey("evses")) {
            JsonArrayBuilder evses = Jsonp.JSON.createArrayBuilder();
            v221.getJsonArray("evses").getValuesAs(JsonObject.class).forEach(e -> evse(e).ifPresent(evses::add));
            out.add("evses", evses);
        }
        return out.build();
    }

    /**
     * The EVSE with the connectors 2.1.1 can name (it needs at least one); empty when it has none,
     * so a 2.1.1 partner is not shown an EVSE whose plugs it cannot know.
     */
    public static java.util.Optional<JsonObject> evse(JsonObject v221) {
        JsonArrayBuilder connectors = Jsonp.JSON.createArrayBuilder();
        List<JsonObject> named = v221.getJsonArray("connectors").getValuesAs(JsonObject.class).stream()
                .map(V211Locations::connector)
                .flatMap(java.util.Optional::stream)
                .toList();
        if (named.isEmpty()) {
            return java.util.Optional.empty();
        }
        named.forEach(connectors::add);
        JsonObjectBuilder out = Jsonp.JSON.createObjectBuilder(v221);
        if (v221.containsKey("capabilities")) {
            out.add("capabilities", only(v221.getJsonArray("capabilities").getValuesAs(JsonValue.class), CAPABILITIES));
        }
        if (v221.containsKey("coordinates")) {
            out.add("coordinates", coordinates(v221.getJsonObject("coordinates")));
        }
        return java.util.Optional.of(out.add("connectors", connectors).build());
    }

    /** Whether a 2.1.1 partner is shown the EVSE: it has a connector of a standard 2.1.1 names. */
    public static boolean nameable(LocationData.Evse evse) {
        return evse.connectors().stream()
                .anyMatch(c -> STANDARDS.contains(c.standard().name()));
    }

    /** The connector in 2.1.1's terms; empty when 2.1.1 has no name for its standard. */
    public static java.util.Optional<JsonObject> connector(JsonObject v221) {
        if (!STANDARDS.contains(v221.getString("standard"))) {
            return java.util.Optional.empty();
        }
        JsonObjectBuilder out = Jsonp.JSON
                .createObjectBuilder(v221)
                .remove("max_voltage")
                .remove("max_amperage")
                .remove("max_electric_power")
                .remove("tariff_ids")
                .add("voltage", v221.getInt("max_voltage"))
                .add("amperage", v221.getInt("max_amperage"));
        String power = v221.getString("power_type");
        if (power.startsWith("AC_2_PHASE")) {
            // 2.1.1 has no two-phase power type: the nearest it has
            out.add("power_type", "AC_1_PHASE");
        }
        if (v221.containsKey("tariff_ids") && !v221.getJsonArray("tariff_ids").isEmpty()) {
            out.add("tariff_id", v221.getJsonArray("tariff_ids").getString(0));
        }
        return java.util.Optional.of(out.build());
    }

    /** 2.1.1 LocationType from 2.2.1 ParkingType (2.1.1 has no motorway or driveway: OTHER). */
    static String type(LocationData.ParkingType parking) {
        if (parking == null) {
            return "UNKNOWN";
        }
        return switch (parking) {
            case ON_STREET -> "ON_STREET";
            case PARKING_GARAGE -> "PARKING_GARAGE";
            case UNDERGROUND_GARAGE -> "UNDERGROUND_GARAGE";
            case PARKING_LOT -> "PARKING_LOT";
            case ALONG_MOTORWAY, ON_DRIVEWAY -> "OTHER";
        };
    }

    /** 2.1.1 coordinates have exactly six decimals. */
    private static JsonObject coordinates(JsonObject v221) {
        return Jsonp.JSON
                .createObjectBuilder()
                .add("latitude", sixDecimals(v221.getString("latitude")))
                .add("longitude", sixDecimals(v221.getString("longitude")))
                .build();
    }

    private static String sixDecimals(String degrees) {
        return new BigDecimal(degrees).setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    private static JsonObject energyMix(JsonObject v221) {
        JsonObjectBuilder out = Jsonp.JSON.createObjectBuilder(v221);
        if (v221.containsKey("environ_impact")) {
            JsonArrayBuilder impacts = Jsonp.JSON.createArrayBuilder();
            v221.getJsonArray("environ_impact")
                    .getValuesAs(JsonObject.class)
                    .forEach(i -> impacts.add(
                            Jsonp.JSON.createObjectBuilder(i).remove("category").add("source", i.get("category"))));
            out.add("environ_impact", impacts);
        }
        return out.build();
    }

    private static JsonArrayBuilder only(List<JsonValue> values, Set<String> allowed) {
        JsonArrayBuilder out = Jsonp.JSON.createArrayBuilder();
        values.stream()
                .filter(v -> allowed.contains(((jakarta.json.JsonString) v).getString()))
                .forEach(out::add);
        return out;
    }
}
