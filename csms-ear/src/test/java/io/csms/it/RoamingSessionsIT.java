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
 * A partner's driver charges here and the eMSP follows the session and is billed (OCPI Sessions and
 * CDRs, we are the Sender): a PUT at the start, PATCHes of energy and cost as meter values come, a PUT
 * of the completed session with its periods at the stop, priced under the connector's tariff, and
 * exactly one CDR with the same totals, delivered once the eMSP is back up; a CDR that breaks a
 * business rule is held; the eMSP reads its own sessions and CDRs and no other partner's.
 */
@ExtendWith(ArquillianExtension.class)
public class RoamingSessionsIT extends CsmsEar {

    @Test
    public void the_emsp_follows_its_driver_s_session_from_start_to_stop() throws Exception {
        try (OcpiTestPartner emsp = new OcpiTestPartner("DE", "SE1", "EMSP");
                OcpiTestPartner other = new OcpiTestPartner("DE", "SE2", "EMSP");
                OcppClient cp = ChargingSessionIT.bootedCharger("CP-SES-1")) {
            emsp.receivesSessions = true;
            emsp.receivesCdrs = true;
            String c = LocationsIT.register(emsp, "Sessions eMSP");
            String otherC = LocationsIT.register(other, "Sessions other eMSP");
            pricedAt("TAR-SES-1", "LOC-SES-1", "CP-SES-1");
            assertOcpi(
                    200,
                    1000,
                    ocpi().put(
                                    TokensIT.TOKENS + "DE/SE1/SESTOKEN1",
                                    TokensIT.tokenObject("DE", "SE1", "SESTOKEN1", "RFID", "ALWAYS", Instant.now())
                                            .toString(),
                                    token(c)));

            Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
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

            // meter values in quick succession: PATCHes at most every update interval (1 s in the
            // tests), the last one with the latest energy
            meterValue(cp, started.getInt("transactionId"), start.plusSeconds(600), 4500);
            meterValue(cp, started.getInt("transactionId"), start.plusSeconds(900), 5000);
            LocationsIT.await(
                    emsp,
                    r -> r.method().equals("PATCH")
                            && r.path().equals(path)
                            && new BigDecimal("4")
                                            .compareTo(r.body()
                                                    .getJsonNumber("kwh")
                                                    .bigDecimalValue())
                                    == 0);
            List<Instant> pushes = emsp.received.stream()
                    .filter(r -> r.path().equals(path))
                    .map(OcpiTestPartner.Received::at)
                    .toList();
            for (int i = 1; i < pushes.size(); i++) {
                assertTrue(
                        java.time.Duration.between(pushes.get(i - 1), pushes.get(i))
                                        .toMillis()
                                >= 800,
                        "session updates throttled to the interval: " + pushes);
            }

            // the operator raises the price during the session: the session keeps the tariff of its start
            assertEquals(
                    200,
                    Http.put("/csms/api/admin/tariffs/TAR-SES-1", """
                                    {"id": "TAR-SES-1", "currency": "EUR", "elements": [
                                      {"price_components": [{"type": "ENERGY", "price": 0.50, "vat": 21.0, "step_size": 1}]}]}""", Admin.bearer())
                            .statusCode());

            // the stop while the eMSP is down: the completed session and the CDR wait for it
            emsp.receiverDown = true;
            // with the meter's signed end reading (an OCMF document, as German Eichrecht meters sign them)
            String ocmf = "OCMF|{\"FV\":\"1.0\",\"GI\":\"TEST METER\",\"RD\":[{\"TM\":\""
                    + start.plusSeconds(3600)
                    + "\",\"RV\":\"6.000\",\"RU\":\"kWh\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\","
                    + "\"SD\":\"304502210089AB\"}";
            ChargingSessionIT.confOf(
                    cp,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", started.getInt("transactionId"))
                            .add("meterStop", 6000)
                            .add("timestamp", start.plusSeconds(3600).toString())
                            .add(
                                    "transactionData",
                                    Json.createArrayBuilder()
                                            .add(Json.createObjectBuilder()
                                                    .add(
                                                            "timestamp",
                                                            start.plusSeconds(3600)
                                                                    .toString())
                                                    .add(
                                                            "sampledValue",
                                                            Json.createArrayBuilder()
                                                                    .add(Json.createObjectBuilder()
                                                                            .add("value", ocmf)
                                                                            .add("context", "Transaction.End")
                                                                            .add("format", "SignedData")
                                                                            .add(
                                                                                    "measurand",
                                                                                    "Energy.Active.Import.Register")))))
                            .build());
            assertEquals(
                    "DUE",
                    Checks.eventually(
                            "DUE",
                            "select state from ocpi_cdr where transaction_id = ?",
                            started.getInt("transactionId")));
            Thread.sleep(1500);
            assertTrue(emsp.received.stream().noneMatch(r -> r.path().endsWith("/cdrs")), "nothing while it is down");
            emsp.receiverDown = false;
            JsonObject completed = LocationsIT.await(
                            emsp,
                            r -> r.method().equals("PUT")
                                    && r.path().equals(path)
                                    && r.body().getString("status").equals("COMPLETED"))
                    .body();
            assertEquals(
                    0,
                    new BigDecimal("5").compareTo(completed.getJsonNumber("kwh").bigDecimalValue()));
            assertEquals(start.plusSeconds(3600).toString(), completed.getString("end_date_time"));
            assertEquals(0, new BigDecimal("1.5").compareTo(cost(completed, "excl_vat")), completed.toString());
            assertEquals(0, new BigDecimal("1.815").compareTo(cost(completed, "incl_vat")), completed.toString());
            assertFalse(completed.getJsonArray("charging_periods").isEmpty());
            assertEquals(
                    start.toString(),
                    completed.getJsonArray("charging_periods").getJsonObject(0).getString("start_date_time"));
            assertEquals(
                    "DE*SE1",
                    LocationsIT.await(emsp, r -> r.path().equals(path)).toParty());

            // exactly one CDR, with the totals of the completed session, the token, the place and the tariff
            JsonObject cdr = LocationsIT.await(
                            emsp, r -> r.method().equals("POST") && r.path().equals("/2.2.1/cdrs"))
                    .body();
            assertEquals(id, cdr.getString("id"));
            assertEquals(id, cdr.getString("session_id"));
            assertEquals(
                    0,
                    new BigDecimal("5")
                            .compareTo(cdr.getJsonNumber("total_energy").bigDecimalValue()));
            assertEquals(0, new BigDecimal("1.5").compareTo(cost(cdr, "excl_vat")), cdr.toString());
            assertEquals(0, new BigDecimal("1.815").compareTo(cost(cdr, "incl_vat")), cdr.toString());
            assertEquals(
                    0,
                    new BigDecimal("1.5")
                            .compareTo(cdr.getJsonObject("total_energy_cost")
                                    .getJsonNumber("excl_vat")
                                    .bigDecimalValue()));
            assertEquals(
                    0, BigDecimal.ONE.compareTo(cdr.getJsonNumber("total_time").bigDecimalValue()), "one hour");
            assertEquals("SESTOKEN1", cdr.getJsonObject("cdr_token").getString("uid"));
            assertEquals("LOC-SES-1-1", cdr.getJsonObject("cdr_location").getString("evse_uid"));
            assertEquals("IEC_62196_T2", cdr.getJsonObject("cdr_location").getString("connector_standard"));
            assertEquals(
                    "TAR-SES-1", cdr.getJsonArray("tariffs").getJsonObject(0).getString("id"));
            assertEquals(
                    "TAR-SES-1",
                    cdr.getJsonArray("charging_periods").getJsonObject(0).getString("tariff_id"));
            assertEquals(start.toString(), cdr.getString("start_date_time"));
            JsonObject signed = cdr.getJsonObject("signed_data");
            assertEquals("OCMF", signed.getString("encoding_method"));
            assertEquals(
                    "End", signed.getJsonArray("signed_values").getJsonObject(0).getString("nature"));
            assertEquals(
                    ocmf, signed.getJsonArray("signed_values").getJsonObject(0).getString("signed_data"));
            assertEquals(start.plusSeconds(3600).toString(), cdr.getString("end_date_time"));
            assertEquals("SENT", Checks.eventually("SENT", "select state from ocpi_cdr where id = ?", id));
            assertTrue(Checks.value("select location_url from ocpi_cdr where id = ?", id)
                    .endsWith("/2.2.1/cdrs/" + id));
            Thread.sleep(1500);
            assertEquals(
                    1,
                    emsp.received.stream()
                            .filter(r -> r.path().equals("/2.2.1/cdrs"))
                            .count(),
                    "delivered once");

            // found wrong after it was sent: a credit CDR, and a new one under the tariff as it is now
            HttpResponse<String> credited = Http.post("/csms/api/admin/cdrs/" + id + "/credit", "", Admin.bearer());
            assertEquals(200, credited.statusCode(), credited.body());
            JsonObject creditCdr = LocationsIT.await(
                            emsp,
                            r -> r.path().equals("/2.2.1/cdrs")
                                    && r.body().getString("id").equals(id + "-C"))
                    .body();
            assertTrue(creditCdr.getBoolean("credit"));
            assertEquals(id, creditCdr.getString("credit_reference_id"));
            assertEquals(0, new BigDecimal("-1.5").compareTo(cost(creditCdr, "excl_vat")), creditCdr.toString());
            assertEquals(0, new BigDecimal("-1.815").compareTo(cost(creditCdr, "incl_vat")));
            JsonObject renewed = LocationsIT.await(
                            emsp,
                            r -> r.path().equals("/2.2.1/cdrs")
                                    && r.body().getString("id").equals(id + "-2"))
                    .body();
            assertFalse(renewed.containsKey("credit"));
            assertEquals(0, new BigDecimal("2.5").compareTo(cost(renewed, "excl_vat")), "5 kWh at 0.50: " + renewed);
            assertEquals("CREDITED", Checks.value("select state from ocpi_cdr where id = ?", id));
            assertEquals(
                    409,
                    Http.post("/csms/api/admin/cdrs/" + id + "/credit", "", Admin.bearer())
                            .statusCode());

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

            // and its CDRs, in either version
            HttpResponse<String> cdrs = ocpi().get("/ocpi/2.2.1/cdrs", token(c));
            assertTrue(ids(cdrs).contains(id), cdrs.body());
            String until = Instant.now().plusSeconds(60).toString();
            assertTrue(
                    ids(ocpi().get("/ocpi/2.2.1/cdrs?date_to=" + until, token(c)))
                            .contains(id),
                    "date_to alone");
            assertTrue(ids(ocpi().get("/ocpi/2.2.1/sessions?date_to=" + until, token(c)))
                    .contains(id));
            assertFalse(ids(ocpi().get("/ocpi/2.2.1/cdrs?date_from=" + until, token(c)))
                    .contains(id));
            assertFalse(ids(ocpi().get("/ocpi/2.2.1/cdrs", token(otherC))).contains(id));
            JsonObject cdr211 =
                    ocpiData(ocpi().get("/ocpi/2.1.1/cdrs", token(c)))
                            .asJsonArray()
                            .getValuesAs(JsonObject.class)
                            .stream()
                            .filter(x -> x.getString("id").equals(id))
                            .findFirst()
                            .orElseThrow();
            assertEquals(start.plusSeconds(3600).toString(), cdr211.getString("stop_date_time"));
            assertEquals("LOC-SES-1", cdr211.getJsonObject("location").getString("id"));
            assertEquals(
                    0,
                    new BigDecimal("1.5")
                            .compareTo(cdr211.getJsonNumber("total_cost").bigDecimalValue()));

            // a session that breaks a business rule: its CDR is held for an operator, never sent
            JsonObject absurd = ChargingSessionIT.confOf(
                    cp,
                    "StartTransaction",
                    Json.createObjectBuilder()
                            .add("connectorId", 1)
                            .add("idTag", "SESTOKEN1")
                            .add("meterStart", 10_000)
                            .add("timestamp", start.plusSeconds(3700).toString())
                            .build());
            ChargingSessionIT.confOf(
                    cp,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", absurd.getInt("transactionId"))
                            .add("meterStop", 200_000)
                            .add("timestamp", start.plusSeconds(3760).toString())
                            .build());
            String absurdId = Integer.toString(absurd.getInt("transactionId"));
            assertEquals("HELD", Checks.eventually("HELD", "select state from ocpi_cdr where id = ?", absurdId));
            assertTrue(Checks.value("select hold_reason from ocpi_cdr where id = ?", absurdId)
                    .contains("kW"));
            LocationsIT.await(
                    emsp,
                    r -> r.path().equals("/2.2.1/sessions/NL/CSM/" + absurdId)
                            && r.body().getString("status", "").equals("COMPLETED"));
            Thread.sleep(1500);
            assertTrue(
                    emsp.received.stream()
                            .noneMatch(r -> r.path().equals("/2.2.1/cdrs")
                                    && r.body().getString("id").equals(absurdId)),
                    "a held CDR is not sent");
            assertFalse(ids(ocpi().get("/ocpi/2.2.1/cdrs", token(c))).contains(absurdId));

            // the operator sees it held, and voids it (or, for another, releases it: it is sent)
            HttpResponse<String> held = Http.get("/csms/api/admin/cdrs?state=held", Admin.bearer());
            assertEquals(200, held.statusCode(), held.body());
            assertTrue(held.body().contains("\"" + absurdId + "\""), held.body());
            HttpResponse<String> voided = Http.post("/csms/api/admin/cdrs/" + absurdId + "/void", "", Admin.bearer());
            assertEquals(200, voided.statusCode(), voided.body());
            assertEquals("VOID", Http.json(voided).getString("state"));
            assertEquals(
                    409,
                    Http.post("/csms/api/admin/cdrs/" + absurdId + "/release", "", Admin.bearer())
                            .statusCode());
            assertEquals(
                    404,
                    Http.post("/csms/api/admin/cdrs/NO-SUCH/release", "", Admin.bearer())
                            .statusCode());
            JsonObject second = ChargingSessionIT.confOf(
                    cp,
                    "StartTransaction",
                    Json.createObjectBuilder()
                            .add("connectorId", 1)
                            .add("idTag", "SESTOKEN1")
                            .add("meterStart", 500_000)
                            .add("timestamp", start.plusSeconds(3800).toString())
                            .build());
            ChargingSessionIT.confOf(
                    cp,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", second.getInt("transactionId"))
                            .add("meterStop", 400_000)
                            .add("timestamp", start.plusSeconds(3820).toString())
                            .build());
            String secondId = Integer.toString(second.getInt("transactionId"));
            assertEquals("HELD", Checks.eventually("HELD", "select state from ocpi_cdr where id = ?", secondId));
            assertTrue(Checks.value("select hold_reason from ocpi_cdr where id = ?", secondId)
                    .contains("below"));
            HttpResponse<String> released =
                    Http.post("/csms/api/admin/cdrs/" + secondId + "/release", "", Admin.bearer());
            assertEquals(200, released.statusCode(), released.body());
            LocationsIT.await(
                    emsp,
                    r -> r.path().equals("/2.2.1/cdrs")
                            && r.body().getString("id").equals(secondId));
            assertEquals("SENT", Checks.eventually("SENT", "select state from ocpi_cdr where id = ?", secondId));

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

    @Test
    public void a_2_1_1_emsp_follows_its_driver_s_session_and_receives_one_cdr() throws Exception {
        try (OcpiTestPartner emsp = new OcpiTestPartner("DE", "SE3", "EMSP");
                OcppClient cp = ChargingSessionIT.bootedCharger("CP-SES-2")) {
            emsp.versionsOffered = List.of("2.1.1");
            emsp.receivesSessions = true;
            emsp.receivesCdrs = true;
            String c = LocationsIT.register211(emsp);
            String[] auth = OcpiRegistrationIT.plain(c);
            pricedAt("TAR-SES-2", "LOC-SES-2", "CP-SES-2");
            assertOcpi(
                    200,
                    1000,
                    ocpi().put(
                                    "/ocpi/2.1.1/tokens/DE/SE3/SES211",
                                    Json.createObjectBuilder()
                                            .add("uid", "SES211")
                                            .add("type", "RFID")
                                            .add("auth_id", "DE-SE3-C00211-1")
                                            .add("issuer", "Test SE3")
                                            .add("valid", true)
                                            .add("whitelist", "ALWAYS")
                                            .add(
                                                    "last_updated",
                                                    Instant.now()
                                                            .truncatedTo(ChronoUnit.SECONDS)
                                                            .toString())
                                            .build()
                                            .toString(),
                                    auth));

            Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            JsonObject started = ChargingSessionIT.confOf(
                    cp,
                    "StartTransaction",
                    Json.createObjectBuilder()
                            .add("connectorId", 1)
                            .add("idTag", "SES211")
                            .add("meterStart", 1000)
                            .add("timestamp", start.toString())
                            .build());
            assertEquals("Accepted", started.getJsonObject("idTagInfo").getString("status"));
            String id = Integer.toString(started.getInt("transactionId"));
            String path = "/2.1.1/sessions/NL/CSM/" + id;
            JsonObject first = LocationsIT.await(
                            emsp, r -> r.method().equals("PUT") && r.path().equals(path))
                    .body();
            assertEquals("ACTIVE", first.getString("status"));
            assertEquals("DE-SE3-C00211-1", first.getString("auth_id"), "2.1.1 names the driver by auth_id");
            assertEquals("LOC-SES-2", first.getJsonObject("location").getString("id"));
            assertFalse(first.containsKey("cdr_token"), "no 2.2.1 fields in 2.1.1");

            // the operator renames the location during the session: the session and its CDR describe
            // the location as it was at the start
            String renamed = LocationsIT.location("LOC-SES-2", "CP-SES-2", 1).replace("Site LOC-SES-2", "Renamed");
            assertEquals(
                    200,
                    Http.put(
                                    LocationsIT.ADMIN_LOCATIONS + "LOC-SES-2",
                                    LocationsIT.withTariff(renamed, "TAR-SES-2"),
                                    Admin.bearer())
                            .statusCode());

            ChargingSessionIT.confOf(
                    cp,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", started.getInt("transactionId"))
                            .add("meterStop", 3000)
                            .add("timestamp", start.plusSeconds(1800).toString())
                            .build());
            JsonObject completed = LocationsIT.await(
                            emsp,
                            r -> r.path().equals(path)
                                    && r.body().getString("status", "").equals("COMPLETED"))
                    .body();
            assertEquals(
                    0,
                    new BigDecimal("2").compareTo(completed.getJsonNumber("kwh").bigDecimalValue()));
            JsonObject cdr = LocationsIT.await(
                            emsp,
                            r -> r.path().equals("/2.1.1/cdrs")
                                    && r.body().getString("id").equals(id))
                    .body();
            assertEquals(start.plusSeconds(1800).toString(), cdr.getString("stop_date_time"));
            assertEquals("DE-SE3-C00211-1", cdr.getString("auth_id"));
            assertEquals(
                    0,
                    new BigDecimal("2")
                            .compareTo(cdr.getJsonNumber("total_energy").bigDecimalValue()));
            assertEquals(
                    0,
                    new BigDecimal("0.6")
                            .compareTo(cdr.getJsonNumber("total_cost").bigDecimalValue()),
                    "2 kWh at 0.30, without VAT in 2.1.1: " + cdr);
            assertFalse(cdr.containsKey("signed_data"));
            assertEquals("Site LOC-SES-2", completed.getJsonObject("location").getString("name"));
            assertEquals("Site LOC-SES-2", cdr.getJsonObject("location").getString("name"), "as at the start");
            Thread.sleep(1000);
            assertEquals(
                    1,
                    emsp.received.stream()
                            .filter(r -> r.path().equals("/2.1.1/cdrs"))
                            .count(),
                    "exactly one CDR");
            assertEquals("SENT", Checks.eventually("SENT", "select state from ocpi_cdr where id = ?", id));

            // credited: 2.1.1 has no credit CDRs, so it is a CDR of its own id with the cost negative
            // and a remark naming the one it cancels; then a new CDR
            assertEquals(
                    200,
                    Http.post("/csms/api/admin/cdrs/" + id + "/credit", "", Admin.bearer())
                            .statusCode());
            JsonObject credit = LocationsIT.await(
                            emsp,
                            r -> r.path().equals("/2.1.1/cdrs")
                                    && r.body().getString("id").equals(id + "-C"))
                    .body();
            assertEquals(
                    0,
                    new BigDecimal("-0.6")
                            .compareTo(credit.getJsonNumber("total_cost").bigDecimalValue()));
            assertTrue(credit.getString("remark").contains(id), credit.toString());
            assertFalse(credit.containsKey("credit"), "no 2.2.1 fields in 2.1.1");
            LocationsIT.await(
                    emsp,
                    r -> r.path().equals("/2.1.1/cdrs")
                            && r.body().getString("id").equals(id + "-2"));

            // the location is deleted during a session: its CDR is still made and sent, describing it
            // as it was at the start
            JsonObject again = ChargingSessionIT.confOf(
                    cp,
                    "StartTransaction",
                    Json.createObjectBuilder()
                            .add("connectorId", 1)
                            .add("idTag", "SES211")
                            .add("meterStart", 3000)
                            .add("timestamp", start.plusSeconds(1900).toString())
                            .build());
            assertEquals(
                    204,
                    Http.delete(LocationsIT.ADMIN_LOCATIONS + "LOC-SES-2", Admin.bearer())
                            .statusCode());
            ChargingSessionIT.confOf(
                    cp,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", again.getInt("transactionId"))
                            .add("meterStop", 4000)
                            .add("timestamp", start.plusSeconds(2500).toString())
                            .build());
            String againId = Integer.toString(again.getInt("transactionId"));
            JsonObject orphan = LocationsIT.await(
                            emsp,
                            r -> r.path().equals("/2.1.1/cdrs")
                                    && r.body().getString("id").equals(againId))
                    .body();
            assertEquals("LOC-SES-2", orphan.getJsonObject("location").getString("id"));
            assertEquals("Renamed", orphan.getJsonObject("location").getString("name"));
            assertEquals(
                    0,
                    BigDecimal.ONE.compareTo(
                            orphan.getJsonNumber("total_energy").bigDecimalValue()));
        }
    }

    /** A tariff of 0.30 per kWh (21 % VAT, step size 1 Wh), and a location of the charger's connector 1 under it. */
    private static void pricedAt(String tariff, String location, String charger) {
        assertEquals(
                201,
                Http.put("/csms/api/admin/tariffs/" + tariff, """
                                {"id": "%s", "currency": "EUR", "elements": [
                                  {"price_components": [{"type": "ENERGY", "price": 0.30, "vat": 21.0, "step_size": 1}]}]}""".formatted(tariff), Admin.bearer())
                        .statusCode());
        assertEquals(
                201,
                Http.put(
                                LocationsIT.ADMIN_LOCATIONS + location,
                                LocationsIT.withTariff(LocationsIT.location(location, charger, 1), tariff),
                                Admin.bearer())
                        .statusCode());
    }

    private static void meterValue(OcppClient cp, int transactionId, Instant at, int wh) {
        assertTrue(ChargingSessionIT.confOf(
                        cp,
                        "MeterValues",
                        Json.createObjectBuilder()
                                .add("connectorId", 1)
                                .add("transactionId", transactionId)
                                .add(
                                        "meterValue",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("timestamp", at.toString())
                                                        .add(
                                                                "sampledValue",
                                                                Json.createArrayBuilder()
                                                                        .add(Json.createObjectBuilder()
                                                                                .add("value", Integer.toString(wh))
                                                                                .add(
                                                                                        "measurand",
                                                                                        "Energy.Active.Import.Register")
                                                                                .add("unit", "Wh")))))
                                .build())
                .isEmpty());
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
