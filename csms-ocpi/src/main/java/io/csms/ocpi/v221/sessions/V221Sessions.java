package io.csms.ocpi.v221.sessions;

import io.csms.platform.Jsonp;
import io.csms.roaming.sessions.SessionData;
import io.csms.tariff.Pricing;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The OCPI 2.2.1 Session object (module Sessions §9.3.1) and the PATCH of its progress. */
public final class V221Sessions {

    private V221Sessions() {}

    public static JsonObject session(SessionData s) {
        JsonObjectBuilder json = Jsonp.JSON
                .createObjectBuilder()
                .add("country_code", s.countryCode())
                .add("party_id", s.partyId())
                .add("id", s.id())
                .add("start_date_time", time(s.startDateTime()));
        if (s.endDateTime() != null) {
            json.add("end_date_time", time(s.endDateTime()));
        }
        json.add("kwh", s.kwh())
                .add(
                        "cdr_token",
                        Jsonp.JSON
                                .createObjectBuilder()
                                .add("country_code", s.token().countryCode())
                                .add("party_id", s.token().partyId())
                                .add("uid", s.token().uid())
                                .add("type", s.token().type().name())
                                .add("contract_id", s.token().contractId()))
                .add("auth_method", s.authMethod());
        if (s.authorizationReference() != null) {
            json.add("authorization_reference", s.authorizationReference());
        }
        json.add("location_id", s.location().id())
                .add("evse_uid", s.evse().uid())
                .add("connector_id", s.connectorId())
                .add("currency", s.currency());
        if (!s.chargingPeriods().isEmpty()) {
            json.add("charging_periods", periods(s));
        }
        if (s.totalCost() != null) {
            json.add("total_cost", price(s.totalCost()));
        }
        return json.add("status", s.status())
                .add("last_updated", time(s.lastUpdated()))
                .build();
    }

    /** What changes while a session runs: energy, cost, the time of the change. */
    public static JsonObject progress(SessionData s) {
        JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder().add("kwh", s.kwh());
        if (s.totalCost() != null) {
            json.add("total_cost", price(s.totalCost()));
        }
        return json.add("last_updated", time(s.lastUpdated())).build();
    }

    private static JsonArrayBuilder periods(SessionData s) {
        JsonArrayBuilder periods = Jsonp.JSON.createArrayBuilder();
        for (Pricing.Period period : s.chargingPeriods()) {
            JsonArrayBuilder dimensions = Jsonp.JSON.createArrayBuilder();
            period.dimensions()
                    .forEach(d -> dimensions.add(Jsonp.JSON
                            .createObjectBuilder()
                            .add("type", d.type())
                            .add("volume", d.volume())));
            periods.add(Jsonp.JSON
                    .createObjectBuilder()
                    .add("start_date_time", time(period.start()))
                    .add("dimensions", dimensions));
        }
        return periods;
    }

    public static JsonObject price(Pricing.Cost cost) {
        return Jsonp.JSON
                .createObjectBuilder()
                .add("excl_vat", cost.exclVat())
                .add("incl_vat", cost.inclVat())
                .build();
    }

    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
