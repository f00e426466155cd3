package io.csms.it;

import static io.csms.it.LocationsIT.ocpi;
import static io.csms.it.LocationsIT.ocpiData;
import static io.csms.it.OcpiRegistrationIT.assertOcpi;
import static io.csms.it.OcpiRegistrationIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partner's driver charges here and the eMSP follows the session (OCPI Sessions, we are the
 * Sender): a PUT at the start, PATCHes of energy and cost as meter values come, a PUT of the
 * completed session with its periods at the stop, priced under the connector's tariff; the eMSP
 * reads its own sessions and no other partner's.
 */
@ExtendWith(ArquillianExtension.class)
public class RoamingSessionsIT extends CsmsEar {

    @Test
    public void the_emsp_follows_its_driver_s_session_from_start_to_stop() throws Exception {
        try (OcpiTestPartner emsp = new OcpiTestPartner("DE", "SE1", "EMSP");
                OcpiTestPartner other = new OcpiTestPartner("DE", "SE2", "EMSP");
                OcppClient cp = ChargingSessionIT.bootedCharger("CP-SES-1")) {
            emsp.receivesSessions = true;
            String c = LocationsIT.register(emsp, "Sessions eMSP");
            String otherC = LocationsIT.register(other, "Sessions other eMSP");
            assertEquals(
                    201,
                    Http.put("/csms/api/admin/tariffs/TAR-SES-1", """
                                    {"id": "TAR-SES-1", "currency": "EUR", "elements": [
                                      {"price_components": [{"type": "ENERGY", "price": 0.30, "vat": 21.0, "step_size": 1}]}]}""", Admin.bearer())
                            .statusCode());
            assertEquals(
                    201,
                    Http.put(
                                    LocationsIT.ADMIN_LOCATIONS + "LOC-SES-1",
                                    LocationsIT.withTariff(
                                            LocationsIT.location("LOC-SES-1", "CP-SES-1", 1), "TAR-SES-1"),
                                    Admin.bearer())
                            .statusCode());
            assertOcpi(
                    200,
                    1000,
                    ocpi().put(
                                    TokensIT.TOKENS + "DE/SE1/SESTOKEN1",
                                    TokensIT.tokenObject("DE", "SE1", "SESTOKEN1", "RFID", "ALWAYS", Instant.now())
                                            .toString(),
                                    token(c)));

            Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            JsonObject started = ChargingSessionIT.confOf(
                    cp,
                    "StartTransaction",
                    Json.createObjectBuilder()
                            .add("connectorId", 1)
                            .add("idTag", "SESTOKEN1")
                            .add("meterStart", 1000)
                            .add("timestamp", start.toString())
                            .build());
            assertEquals("Accepted", started.getJsonObject("idTagInfo").getString("status"));
            String id = Integer.toString(started.getInt("transactionId"));
            String path = "/2.2.1/sessions/NL/CSM/" + id;

            JsonObject first = LocationsIT.await(
                            emsp, r -> r.method().equals("PUT") && r.path().equals(path))
                    .body();
            assertEquals("ACTIVE", first.getString("status"));
            assertEquals(id, first.getString("id"));
            assertEquals("SESTOKEN1", first.getJsonObject("cdr_token").getString("uid"));
            assertEquals("DE", first.getJsonObject("cdr_token").getString("country_code"));
            assertEquals("WHITELIST", first.getString("auth_method"));
            assertEquals("LOC-SES-1", first.getString("location_id"));
            assertEquals("LOC-SES-1-1", first.getString("evse_uid"));
            assertEquals("1", first.getString("connector_id"));
            assertEquals("EUR", first.getString("currency"));
            assertEquals(0, first.getJsonNumber("kwh").bigDecimalValue().signum());
            assertEquals(start.toString(), first.getString("start_date_time"));

            // meter values: a PATCH of energy and cost (3 kWh at 0.30 + 21 %)
            JsonObject metered = ChargingSessionIT.confOf(
                    cp,
                    "MeterValues",
                    Json.createObjectBuilder()
                            .add("connectorId", 1)
                            .add("transactionId", started.getInt("transactionId"))
                            .add(
                                    "meterValue",
                                    Json.createArrayBuilder()
                                            .add(Json.createObjectBuilder()
                                                    .add(
                                                            "timestamp",
                                                            start.plusSeconds(300)
                                                                    .toString())
                                                    .add(
                                                            "sampledValue",
                                                            Json.createArrayBuilder()
                                                                    .add(Json.createObjectBuilder()
                                                                            .add("value", "4000")
                                                                            .add(
                                                                                    "measurand",
                                                                                    "Energy.Active.Import.Register")
                                                                            .add("unit", "Wh")))))
                            .build());
            assertTrue(metered.isEmpty());
            JsonObject patch = LocationsIT.await(
                            emsp, r -> r.method().equals("PATCH") && r.path().equals(path))
                    .body();
            assertEquals(
                    0, new BigDecimal("3").compareTo(patch.getJsonNumber("kwh").bigDecimalValue()), patch.toString());
            assertEquals(0, new BigDecimal("0.9").compareTo(cost(patch, "excl_vat")), patch.toString());
            assertEquals(0, new BigDecimal("1.089").compareTo(cost(patch, "incl_vat")), patch.toString());
            assertTrue(patch.containsKey("last_updated"));

            // the stop: the whole session, COMPLETED, with its periods
            ChargingSessionIT.confOf(
                    cp,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", started.getInt("transactionId"))
                            .add("meterStop", 6000)
                            .add("timestamp", start.plusSeconds(600).toString())
                            .build());
            JsonObject completed = LocationsIT.await(
                            emsp,
                            r -> r.method().equals("PUT")
                                    && r.path().equals(path)
                                    && r.body().getString("status").equals("COMPLETED"))
                    .body();
            assertEquals(
                    0,
                    new BigDecimal("5").compareTo(completed.getJsonNumber("kwh").bigDecimalValue()));
            assertEquals(start.plusSeconds(600).toString(), completed.getString("end_date_time"));
            assertEquals(0, new BigDecimal("1.5").compareTo(cost(completed, "excl_vat")), completed.toString());
            assertEquals(0, new BigDecimal("1.815").compareTo(cost(completed, "incl_vat")), completed.toString());
            assertFalse(completed.getJsonArray("charging_periods").isEmpty());
            assertEquals(
                    start.toString(),
                    completed.getJsonArray("charging_periods").getJsonObject(0).getString("start_date_time"));
            assertEquals(
                    "DE*SE1",
                    LocationsIT.await(emsp, r -> r.path().equals(path)).toParty());

            // the eMSP reads its own sessions; another partner sees none of them
            HttpResponse<String> own = ocpi().get("/ocpi/2.2.1/sessions", token(c));
            assertTrue(ids(own).contains(id), own.body());
            assertEquals(
                    "COMPLETED",
                    ocpiData(own).asJsonArray().getValuesAs(JsonObject.class).stream()
                            .filter(s -> s.getString("id").equals(id))
                            .findFirst()
                            .orElseThrow()
                            .getString("status"));
            HttpResponse<String> theirs = ocpi().get("/ocpi/2.2.1/sessions", token(otherC));
            assertFalse(ids(theirs).contains(id), theirs.body());
            HttpResponse<String> v211 = ocpi().get("/ocpi/2.1.1/sessions", token(c));
            JsonObject old = ocpiData(v211).asJsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(s -> s.getString("id").equals(id))
                    .findFirst()
                    .orElseThrow();
            assertEquals("LOC-SES-1", old.getJsonObject("location").getString("id"), "2.1.1: the whole location");
            assertEquals(1, old.getJsonObject("location").getJsonArray("evses").size());
            assertEquals(
                    0,
                    new BigDecimal("1.5")
                            .compareTo(old.getJsonNumber("total_cost").bigDecimalValue()));
            assertFalse(old.containsKey("cdr_token"));

            // charging preferences cannot be passed on to an OCPP 1.6 charger
            HttpResponse<String> preferences = ocpi().put(
                            "/ocpi/2.2.1/sessions/" + id + "/charging_preferences",
                            "{\"profile_type\":\"FAST\"}",
                            token(c));
            assertOcpi(200, 1000, preferences);
            assertEquals("NOT_POSSIBLE", Http.json(preferences).getString("data"));
            assertOcpi(
                    404,
                    2000,
                    ocpi().put(
                                    "/ocpi/2.2.1/sessions/" + id + "/charging_preferences",
                                    "{\"profile_type\":\"FAST\"}",
                                    token(otherC)),
                    "another partner's session is unknown");
        }
    }

    private static BigDecimal cost(JsonObject session, String which) {
        return session.getJsonObject("total_cost").getJsonNumber(which).bigDecimalValue();
    }

    private static List<String> ids(HttpResponse<String> page) {
        return ocpiData(page).asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("id"))
                .toList();
    }
}
