package io.csms.ocpi.v211.sessions;

import io.csms.location.LocationData;
import io.csms.ocpi.v211.locations.V211Locations;
import io.csms.platform.Jsonp;
import io.csms.roaming.sessions.SessionData;
import io.csms.tariff.Pricing;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The OCPI 2.1.1 Session object: {@code auth_id} for the token, the whole Location with only the
 * session's EVSE and connector, {@code total_cost} a number (excl. VAT), the dimensions 2.1.1 knows.
 */
public final class V211Sessions {

    /** OCPI 2.1.1 CdrDimensionType. */
    private static final Set<String> DIMENSIONS =
            Set.of("ENERGY", "FLAT", "MAX_CURRENT", "MIN_CURRENT", "PARKING_TIME", "TIME");

    private V211Sessions() {}

    public static JsonObject session(SessionData s) {
        LocationData.Evse evse = s.evse()
                .with(
                        s.evse().status(),
                        s.evse().lastUpdated(),
                        List.of(s.evse().connectors().get(0)),
                        null);
        JsonObjectBuilder json = Jsonp.JSON
                .createObjectBuilder()
                .add("id", s.id())
                .add("start_datetime", time(s.startDateTime().truncatedTo(ChronoUnit.SECONDS)));
        if (s.endDateTime() != null) {
            json.add("end_datetime", time(s.endDateTime()));
        }
        json.add("kwh", s.kwh())
                .add("auth_id", s.token().contractId())
                .add("auth_method", "COMMAND".equals(s.authMethod()) ? "WHITELIST" : s.authMethod())
                .add("location", V211Locations.location(s.location().withEvses(List.of(evse))))
                .add("currency", s.currency());
        if (!s.chargingPeriods().isEmpty()) {
            json.add("charging_periods", periods(s.chargingPeriods()));
        }
        if (s.totalCost() != null) {
            json.add("total_cost", s.totalCost().exclVat());
        }
        return json.add("status", s.status())
                .add("last_updated", time(s.lastUpdated()))
                .build();
    }

    public static JsonObject progress(SessionData s) {
        JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder().add("kwh", s.kwh());
        if (s.totalCost() != null) {
            json.add("total_cost", s.totalCost().exclVat());
        }
        return json.add("last_updated", time(s.lastUpdated())).build();
    }

    private static JsonArrayBuilder periods(List<Pricing.Period> periods) {
        JsonArrayBuilder out = Jsonp.JSON.createArrayBuilder();
        for (Pricing.Period period : periods) {
            JsonArrayBuilder dimensions = Jsonp.JSON.createArrayBuilder();
            period.dimensions().stream()
                    .filter(d -> DIMENSIONS.contains(d.type()))
                    .forEach(d -> dimensions.add(Jsonp.JSON
                            .createObjectBuilder()
                            .add("type", d.type())
                            .add("volume", d.volume())));
            out.add(Jsonp.JSON
                    .createObjectBuilder()
                    .add("start_date_time", time(period.start()))
                    .add("dimensions", dimensions));
        }
        return out;
    }

    private static String time(java.time.Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
