package io.csms.ocpi.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.platform.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The charts are Chart.js configurations: each series on its axis, a missing value a gap. */
class ChartsTest {

    private static JsonObject read(String json) {
        try (var reader = Jsonp.JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void bars_have_a_dataset_and_an_axis_per_series() {
        JsonObject chart = read(Charts.bars(
                List.of("11-30", "12-01"),
                new Charts.Series("Sessions", List.of(3L, 5L), "sessions"),
                new Charts.Series("Energy (kWh)", List.of(12.5, 0.0), "energy")));
        assertEquals("bar", chart.getString("type"));
        var data = chart.getJsonObject("data");
        assertEquals(
                List.of("11-30", "12-01"), data.getJsonArray("labels").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(2, data.getJsonArray("datasets").size());
        assertEquals("energy", data.getJsonArray("datasets").getJsonObject(1).getString("yAxisID"));
        assertEquals(
                12.5,
                data.getJsonArray("datasets")
                        .getJsonObject(1)
                        .getJsonArray("data")
                        .getJsonNumber(0)
                        .doubleValue());
        var scales = chart.getJsonObject("options").getJsonObject("scales");
        assertEquals("left", scales.getJsonObject("sessions").getString("position"));
        assertEquals("right", scales.getJsonObject("energy").getString("position"));
        assertEquals(false, chart.getJsonObject("options").getBoolean("animation"));
    }

    @Test
    void a_missing_value_is_null() {
        JsonObject chart = read(Charts.lines(
                List.of("10:00", "10:01"),
                new Charts.Series("Power (kW)", java.util.Arrays.asList(Double.NaN, 7.4), "power")));
        var values = chart.getJsonObject("data")
                .getJsonArray("datasets")
                .getJsonObject(0)
                .getJsonArray("data");
        assertTrue(values.get(0) == JsonValue.NULL || values.isNull(0));
        assertEquals(7.4, values.getJsonNumber(1).doubleValue());
    }
}
