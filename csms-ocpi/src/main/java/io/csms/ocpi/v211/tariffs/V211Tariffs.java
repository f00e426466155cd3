package io.csms.ocpi.v211.tariffs;

import io.csms.ocpi.LocationsSender;
import io.csms.platform.Jsonp;
import io.csms.tariff.TariffData;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The tariff model (OCPI 2.2.1 fields) as an OCPI 2.1.1 Tariff (2.1.1 mod_tariffs): no
 * {@code country_code}, {@code party_id}, {@code type}, {@code min_price}, {@code max_price},
 * {@code start_date_time}, {@code end_date_time}; price components without {@code vat};
 * restrictions without {@code min_current}, {@code max_current} and {@code reservation}, and no
 * reservation elements at all (2.1.1 does not price reservations).
 */
public final class V211Tariffs {

    private V211Tariffs() {}

    public static JsonObject tariff(TariffData tariff) {
        JsonObject v221 = LocationsSender.json(tariff);
        JsonArrayBuilder elements = Jsonp.JSON.createArrayBuilder();
        for (JsonObject element : v221.getJsonArray("elements").getValuesAs(JsonObject.class)) {
            JsonObject restrictions = element.getJsonObject("restrictions");
            if (restrictions != null && restrictions.containsKey("reservation")) {
                continue;
            }
            JsonArrayBuilder components = Jsonp.JSON.createArrayBuilder();
            element.getJsonArray("price_components")
                    .getValuesAs(JsonObject.class)
                    .forEach(c ->
                            components.add(Jsonp.JSON.createObjectBuilder(c).remove("vat")));
            JsonObjectBuilder out = Jsonp.JSON.createObjectBuilder().add("price_components", components);
            if (restrictions != null) {
                out.add(
                        "restrictions",
                        Jsonp.JSON
                                .createObjectBuilder(restrictions)
                                .remove("min_current")
                                .remove("max_current")
                                .remove("reservation"));
            }
            elements.add(out);
        }
        return Jsonp.JSON
                .createObjectBuilder(v221)
                .remove("country_code")
                .remove("party_id")
                .remove("type")
                .remove("min_price")
                .remove("max_price")
                .remove("start_date_time")
                .remove("end_date_time")
                .add("elements", elements)
                .build();
    }
}
