package io.csms.it;

import static io.csms.it.OcpiRegistrationIT.assertOcpi;
import static io.csms.it.OcpiRegistrationIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Locations as an operator describes them and registered eMSPs read them and are told of them
 * (OCPI Locations, Sender): EVSEs on OCPP connectors with the status their StatusNotifications
 * give, last_updated that moves only with a change, pagination and date filters, who may see what;
 * every change pushed from the durable outbox to each partner in its version, waiting and
 * coalescing while a partner is down. (The eMSPs are test fakes over real HTTP: no other OCPI
 * platform runs here.) OCPI calls go over TLS, which production (the WildFly run) requires.
 */
@ExtendWith(ArquillianExtension.class)
public class LocationsIT extends CsmsEar {

    static final String ADMIN_LOCATIONS = "/csms/api/admin/locations/";

    private static Http.Client ocpi;

    /** The client for OCPI calls: TLS without a client certificate in production, plain HTTP on the bench. */
    static synchronized Http.Client ocpi() {
        if (ocpi == null) {
            try {
                ocpi = ServerUnderTest.production() ? Http.tls(ChargerTls.tls(null)) : Http.PLAIN;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return ocpi;
    }

    @Test
    public void an_emsp_reads_the_locations_an_operator_describes_with_live_evse_status() throws Exception {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-LOC-1");
                OcpiTestPartner emsp = new OcpiTestPartner("DE", "LE1", "EMSP")) {
            status(cp, 1, "Available");
            String c = register(emsp, "Locations eMSP");

            HttpResponse<String> created =
                    Http.put(ADMIN_LOCATIONS + "LOC-IT-1", location("LOC-IT-1", "CP-LOC-1", 1, 2), Admin.bearer());
            assertEquals(201, created.statusCode(), created.body());
            JsonObject stored = Http.json(created);
            assertEquals("NL", stored.getString("country_code"), "our party");
            JsonObject evse1 = evse(stored, "LOC-IT-1-1");
            assertEquals("AVAILABLE", evse1.getString("status"), "from the connector's StatusNotification");
            assertEquals("UNKNOWN", evse(stored, "LOC-IT-1-2").getString("status"), "connector 2 never reported");
            assertEquals("CP-LOC-1", evse1.getJsonObject("ocpp").getString("charge_point_id"));

            // the same description again changes nothing, not even last_updated
            HttpResponse<String> again =
                    Http.put(ADMIN_LOCATIONS + "LOC-IT-1", location("LOC-IT-1", "CP-LOC-1", 1, 2), Admin.bearer());
            assertEquals(200, again.statusCode(), again.body());
            assertEquals(stored.getString("last_updated"), Http.json(again).getString("last_updated"));

            // the partner sees it, without our OCPP extension
            JsonObject seen = ocpiData(ocpi().get("/ocpi/2.2.1/locations/LOC-IT-1", token(c)))
                    .asJsonObject();
            assertEquals("LOC-IT-1", seen.getString("id"));
            assertFalse(evse(seen, "LOC-IT-1-1").containsKey("ocpp"), seen.toString());
            JsonObject connector = ocpiData(ocpi().get("/ocpi/2.2.1/locations/LOC-IT-1/LOC-IT-1-1/1", token(c)))
                    .asJsonObject();
            assertEquals("IEC_62196_T2", connector.getString("standard"));
            assertOcpi(404, 2003, ocpi().get("/ocpi/2.2.1/locations/NO-SUCH", token(c)));
            assertOcpi(404, 2003, ocpi().get("/ocpi/2.2.1/locations/LOC-IT-1/NO-SUCH", token(c)));
            assertOcpi(404, 2003, ocpi().get("/ocpi/2.2.1/locations/LOC-IT-1/LOC-IT-1-1/9", token(c)));

            // a StatusNotification moves the EVSE's and the location's last_updated; date_from finds the change
            Instant before = Instant.parse(seen.getString("last_updated"));
            Thread.sleep(5);
            status(cp, 1, "Charging");
            JsonObject evse = ocpiData(ocpi().get("/ocpi/2.2.1/locations/LOC-IT-1/LOC-IT-1-1", token(c)))
                    .asJsonObject();
            assertEquals("CHARGING", evse.getString("status"));
            Instant changed = Instant.parse(evse.getString("last_updated"));
            assertTrue(changed.isAfter(before), before + " then " + changed);
            HttpResponse<String> since = ocpi().get("/ocpi/2.2.1/locations?date_from=" + changed, token(c));
            assertOcpi(200, 1000, since);
            assertTrue(ids(since).contains("LOC-IT-1"), since.body());
            HttpResponse<String> until = ocpi().get("/ocpi/2.2.1/locations?date_to=" + changed, token(c));
            assertFalse(ids(until).contains("LOC-IT-1"), "date_to is exclusive: " + until.body());

            // unchanged connectors keep their time when another connector's EVSE changes
            String connectorTime = connector.getString("last_updated");
            Http.put(ADMIN_LOCATIONS + "LOC-IT-1", location("LOC-IT-1", "CP-LOC-1", 1, 3), Admin.bearer());
            assertEquals(
                    connectorTime,
                    ocpiData(ocpi().get("/ocpi/2.2.1/locations/LOC-IT-1/LOC-IT-1-1/1", token(c)))
                            .asJsonObject()
                            .getString("last_updated"));
            // the EVSE left out is REMOVED for partners, gone for the operator
            assertEquals(
                    "REMOVED",
                    evse(
                                    ocpiData(ocpi().get("/ocpi/2.2.1/locations/LOC-IT-1", token(c)))
                                            .asJsonObject(),
                                    "LOC-IT-1-2")
                            .getString("status"));
            assertTrue(Http.json(Http.get(ADMIN_LOCATIONS + "LOC-IT-1", Admin.bearer()))
                    .getJsonArray("evses")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .noneMatch(e -> e.getString("uid").equals("LOC-IT-1-2")));
        }
    }

    @Test
    public void pages_follow_the_spec_and_a_partner_sees_only_what_is_published_to_it() throws Exception {
        Admin.registerCharger("CP-LOC-2");
        try (OcpiTestPartner one = new OcpiTestPartner("DE", "LE2", "EMSP");
                OcpiTestPartner two = new OcpiTestPartner("DE", "LE3", "EMSP")) {
            String c1 = register(one, "Pages one");
            String c2 = register(two, "Pages two");
            Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            for (int i = 1; i <= 3; i++) {
                assertEquals(
                        201,
                        Http.put(
                                        ADMIN_LOCATIONS + "LOC-PG-" + i,
                                        location("LOC-PG-" + i, "CP-LOC-2", i),
                                        Admin.bearer())
                                .statusCode());
            }
            // partner one reads LOC-PG-1 and -2 (the oldest changes since the start), not -3
            HttpResponse<String> first = ocpi().get("/ocpi/2.2.1/locations?limit=2&date_from=" + start, token(c1));
            assertOcpi(200, 1000, first);
            long total =
                    Long.parseLong(first.headers().firstValue("X-Total-Count").orElseThrow());
            assertTrue(total >= 3, first.headers().map().toString());
            assertEquals("2", first.headers().firstValue("X-Limit").orElseThrow());
            assertEquals(2, ocpiData(first).asJsonArray().size());
            String link = first.headers().firstValue("Link").orElseThrow();
            assertTrue(link.contains("offset=2") && link.contains("limit=2") && link.endsWith("rel=\"next\""), link);
            assertOcpi(400, 2001, ocpi().get("/ocpi/2.2.1/locations?date_from=yesterday", token(c1)));

            // partner two reads LOC-PG-2 before it loses sight of it
            ocpiData(ocpi().get("/ocpi/2.2.1/locations/LOC-PG-2", token(c2)));

            // LOC-PG-2 for partner one only, LOC-PG-3 for nobody
            long oneId = partnerId(one);
            assertEquals(
                    200,
                    Http.put(
                                    ADMIN_LOCATIONS + "LOC-PG-2/visibility",
                                    "{\"to\":\"LISTED\",\"partners\":[" + oneId + "]}",
                                    Admin.bearer())
                            .statusCode());
            assertEquals(
                    200,
                    Http.put(ADMIN_LOCATIONS + "LOC-PG-3/visibility", "{\"to\":\"NONE\"}", Admin.bearer())
                            .statusCode());
            List<String> seenByOne = allIds(c1);
            List<String> seenByTwo = allIds(c2);
            assertTrue(seenByOne.containsAll(List.of("LOC-PG-1", "LOC-PG-2")), seenByOne.toString());
            assertFalse(seenByOne.contains("LOC-PG-3"));
            assertTrue(seenByTwo.contains("LOC-PG-1"));
            assertFalse(seenByTwo.contains("LOC-PG-3"), "never seen, never shown: " + seenByTwo);
            assertOcpi(404, 2003, ocpi().get("/ocpi/2.2.1/locations/LOC-PG-3", token(c2)));
            assertOcpi(404, 2003, ocpi().get("/ocpi/2.2.1/locations/LOC-PG-3", token(c1)));
            // partner two, which only pulls, held LOC-PG-2: its pulls now show it withdrawn (OCPI has
            // no deletion: unpublished, every EVSE REMOVED), in the list and as the object
            assertTrue(seenByTwo.contains("LOC-PG-2"), seenByTwo.toString());
            JsonObject withdrawn = ocpiData(ocpi().get("/ocpi/2.2.1/locations/LOC-PG-2", token(c2)))
                    .asJsonObject();
            assertFalse(withdrawn.getBoolean("publish"), withdrawn.toString());
            assertTrue(
                    withdrawn.getJsonArray("evses").getValuesAs(JsonObject.class).stream()
                            .allMatch(e -> e.getString("status").equals("REMOVED")),
                    withdrawn.toString());
            HttpResponse<String> sinceWithdrawal =
                    ocpi().get("/ocpi/2.2.1/locations?date_from=" + withdrawn.getString("last_updated"), token(c2));
            assertTrue(ids(sinceWithdrawal).contains("LOC-PG-2"), "a date_from pull finds the withdrawal");
            assertEquals(
                    400,
                    Http.put(
                                    ADMIN_LOCATIONS + "LOC-PG-2/visibility",
                                    "{\"to\":\"LISTED\",\"partners\":[999999]}",
                                    Admin.bearer())
                            .statusCode(),
                    "only existing partners can be listed");

            // a deleted location reaches partners as REMOVED EVSEs
            assertEquals(
                    204,
                    Http.delete(ADMIN_LOCATIONS + "LOC-PG-1", Admin.bearer()).statusCode());
            assertEquals(
                    404, Http.get(ADMIN_LOCATIONS + "LOC-PG-1", Admin.bearer()).statusCode());
            JsonObject deleted = ocpiData(ocpi().get("/ocpi/2.2.1/locations/LOC-PG-1", token(c2)))
                    .asJsonObject();
            assertEquals(
                    "REMOVED", deleted.getJsonArray("evses").getJsonObject(0).getString("status"));
        }
    }

    @Test
    public void what_breaks_a_rule_or_claims_anothers_evse_is_refused_and_changes_nothing() throws Exception {
        Admin.registerCharger("CP-LOC-3");
        assertEquals(
                201,
                Http.put(ADMIN_LOCATIONS + "LOC-BAD-1", location("LOC-BAD-1", "CP-LOC-3", 1), Admin.bearer())
                        .statusCode());
        problem(
                400,
                Http.put(ADMIN_LOCATIONS + "LOC-BAD-2", location("LOC-BAD-2", "CP-NOT-THERE", 1), Admin.bearer()),
                "CP-NOT-THERE");
        problem(
                400,
                Http.put(
                        ADMIN_LOCATIONS + "LOC-BAD-2",
                        location("LOC-BAD-2", "CP-LOC-3", 2).replace("\"Europe/Amsterdam\"", "\"Mars/Olympus\""),
                        Admin.bearer()),
                "time_zone");
        problem(
                400,
                Http.put(
                        ADMIN_LOCATIONS + "LOC-BAD-2",
                        location("LOC-BAD-2", "CP-LOC-3", 2).replace("\"max_voltage\":230,", ""),
                        Admin.bearer()),
                "max_voltage");
        problem(
                400,
                Http.put(
                        ADMIN_LOCATIONS + "LOC-BAD-2",
                        location("LOC-BAD-2", "CP-LOC-3", 2).replace("\"ocpp\"", "\"opcp\""),
                        Admin.bearer()),
                "");
        problem(
                400,
                Http.put(
                        ADMIN_LOCATIONS + "LOC-BAD-2",
                        location("LOC-BAD-2", "CP-LOC-3", 2).replace("NL*CSM*E", "NL-CSM-X"),
                        Admin.bearer()),
                "evse_id");
        problem(400, Http.put(ADMIN_LOCATIONS + "LOC-BAD-2", "not json", Admin.bearer()), "");
        // the connector, uid or evse_id of another location's EVSE
        problem(
                409,
                Http.put(
                        ADMIN_LOCATIONS + "LOC-BAD-2",
                        location("LOC-BAD-2", "CP-LOC-3", 1).replace("LOC-BAD-2-1", "X-1"),
                        Admin.bearer()),
                "LOC-BAD-1");
        assertEquals(
                404, Http.get(ADMIN_LOCATIONS + "LOC-BAD-2", Admin.bearer()).statusCode(), "nothing was stored");
        assertEquals("0", Checks.value("select count(*) from evse where location_id = ?", "LOC-BAD-2"));
        // module rights name OCPI modules only: a typo grants nothing silently
        problem(
                400,
                Http.post(
                        "/csms/api/admin/partners",
                        "{\"name\":\"Typo\",\"allowedModules\":[\"lokations\"],\"parties\":[{\"countryCode\":\"DE\","
                                + "\"partyId\":\"TY1\",\"role\":\"EMSP\"}]}",
                        Admin.bearer()),
                "lokations");
    }

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    public void changes_reach_every_partner_in_its_version_and_wait_while_one_is_down() throws Exception {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-PUSH-1");
                OcpiTestPartner p221 = receiver("DE", "PU1", List.of("2.2.1"));
                OcpiTestPartner p211 = receiver("DE", "PU2", List.of("2.1.1"))) {
            status(cp, 1, "Available");
            String c221 = register(p221, "Push 2.2.1");
            register211(p211);

            assertEquals(
                    201,
                    Http.put(ADMIN_LOCATIONS + "LOC-PUSH-1", location("LOC-PUSH-1", "CP-PUSH-1", 1), Admin.bearer())
                            .statusCode());
            OcpiTestPartner.Received put = await(p221, r -> r.method().equals("PUT"));
            assertEquals("/2.2.1/locations/NL/CSM/LOC-PUSH-1", put.path());
            assertEquals("NL*CSM", put.fromParty());
            assertEquals("DE*PU1", put.toParty());
            JsonObject evse = put.body().getJsonArray("evses").getJsonObject(0);
            assertEquals("AVAILABLE", evse.getString("status"));
            assertFalse(evse.containsKey("ocpp"), "our extension stays ours");
            OcpiTestPartner.Received put211 = await(p211, r -> r.method().equals("PUT"));
            assertEquals("/2.1.1/locations/NL/CSM/LOC-PUSH-1", put211.path());
            assertEquals("PARKING_LOT", put211.body().getString("type"), "2.1.1 shape");
            assertFalse(put211.body().containsKey("country_code"));
            assertEquals(
                    230,
                    put211.body()
                            .getJsonArray("evses")
                            .getJsonObject(0)
                            .getJsonArray("connectors")
                            .getJsonObject(0)
                            .getInt("voltage"));

            // a StatusNotification becomes a PATCH of the EVSE
            status(cp, 1, "Charging");
            OcpiTestPartner.Received patch = await(p221, r -> r.method().equals("PATCH"));
            assertEquals("/2.2.1/locations/NL/CSM/LOC-PUSH-1/LOC-PUSH-1-1", patch.path());
            assertEquals("CHARGING", patch.body().getString("status"));
            Instant changed = Instant.parse(patch.body().getString("last_updated"));
            assertTrue(Duration.between(changed, Instant.now()).abs().toSeconds() < 60, changed.toString());
            await(
                    p211,
                    r -> r.method().equals("PATCH")
                            && r.body().getString("status").equals("CHARGING"));

            // partner 2.2.1 is down: its changes wait and coalesce, the other partner gets each at once
            p221.receiverDown = true;
            p221.received.clear();
            p211.received.clear();
            status(cp, 1, "Finishing");
            status(cp, 1, "Faulted");
            await(
                    p211,
                    r -> r.method().equals("PATCH")
                            && r.body().getString("status").equals("OUTOFORDER"));
            long id = partnerId(p221);
            JsonObject queue = awaitQueue(id, q -> q.getInt("pending") == 1 && q.containsKey("lastError"));
            assertTrue(queue.getString("lastError").contains("503"), queue.toString());
            status(cp, 1, "Available");
            Thread.sleep(500);
            assertTrue(p221.received.isEmpty(), "nothing arrives while it is down");
            p221.receiverDown = false;
            OcpiTestPartner.Received back = await(p221, r -> r.method().equals("PATCH"));
            assertEquals("AVAILABLE", back.body().getString("status"), "the current state, not the missed ones");
            Thread.sleep(1500);
            assertEquals(1, p221.received.size(), "the three changes coalesced into one push: " + p221.received);
            awaitQueue(id, q -> q.getInt("pending") == 0);

            // hidden from the 2.2.1 partner: it is told to forget the location (every EVSE REMOVED),
            // then hears no more of it; the other partner keeps it
            p221.received.clear();
            p211.received.clear();
            assertEquals(
                    200,
                    Http.put(
                                    ADMIN_LOCATIONS + "LOC-PUSH-1/visibility",
                                    "{\"to\":\"LISTED\",\"partners\":[" + partnerId(p211) + "]}",
                                    Admin.bearer())
                            .statusCode());
            OcpiTestPartner.Received forget = await(p221, r -> r.method().equals("PUT"));
            assertTrue(
                    forget.body().getJsonArray("evses").getValuesAs(JsonObject.class).stream()
                            .allMatch(e -> e.getString("status").equals("REMOVED")),
                    forget.body().toString());
            assertOcpi(404, 2003, ocpi().get("/ocpi/2.2.1/locations/LOC-PUSH-1", token(c221)));
            status(cp, 1, "Charging");
            await(
                    p211,
                    r -> r.method().equals("PATCH")
                            && r.body().getString("status").equals("CHARGING"));
            Thread.sleep(1000);
            assertEquals(1, p221.received.size(), "nothing more for the partner that may not see it: " + p221.received);
        }
    }

    @Test
    public void an_object_a_partner_refuses_waits_alone_and_the_others_keep_flowing() throws Exception {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-REF-1");
                OcpiTestPartner emsp = receiver("DE", "RF1", List.of("2.2.1"))) {
            register(emsp, "Refusing eMSP");
            emsp.refusing = "LOC-REF-1";
            assertEquals(
                    201,
                    Http.put(ADMIN_LOCATIONS + "LOC-REF-1", location("LOC-REF-1", "CP-REF-1", 1), Admin.bearer())
                            .statusCode());
            assertEquals(
                    201,
                    Http.put(ADMIN_LOCATIONS + "LOC-REF-2", location("LOC-REF-2", "CP-REF-1", 2), Admin.bearer())
                            .statusCode());
            await(emsp, r -> r.method().equals("PUT") && r.path().endsWith("/LOC-REF-2"));
            long id = partnerId(emsp);
            JsonObject queue = awaitQueue(id, q -> q.getInt("pending") == 1 && q.containsKey("lastError"));
            assertTrue(queue.getString("lastError").contains("2001"), queue.toString());

            // the refused location's backoff holds nothing else up: a status change of the other goes at once
            status(cp, 2, "Charging");
            OcpiTestPartner.Received patch = await(emsp, r -> r.method().equals("PATCH"));
            assertEquals("/2.2.1/locations/NL/CSM/LOC-REF-2/LOC-REF-2-2", patch.path());

            // once the partner takes it, the refused one arrives too, and nothing is left owed
            emsp.refusing = null;
            await(emsp, r -> r.method().equals("PUT") && r.path().endsWith("/LOC-REF-1"));
            awaitQueue(id, q -> q.getInt("pending") == 0);
        }
    }

    @Test
    public void tariffs_are_read_by_partners_and_pushed_to_them_until_deleted() throws Exception {
        try (OcpiTestPartner emsp = receiver("DE", "TA1", List.of("2.2.1"))) {
            emsp.receivesTariffs = true;
            String c = register(emsp, "Tariffs eMSP");
            String tariff = """
                    {"id": "TAR-IT-1", "currency": "EUR", "type": "REGULAR",
                     "elements": [
                       {"price_components": [{"type": "ENERGY", "price": 0.35, "vat": 21.0, "step_size": 1}]},
                       {"price_components": [{"type": "PARKING_TIME", "price": 2.00, "vat": 21.0, "step_size": 60}],
                        "restrictions": {"start_time": "09:00", "end_time": "18:00", "min_duration": 7200,
                                         "day_of_week": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]}}]}""";
            HttpResponse<String> created = Http.put("/csms/api/admin/tariffs/TAR-IT-1", tariff, Admin.bearer());
            assertEquals(201, created.statusCode(), created.body());
            JsonObject stored = Http.json(created);
            assertEquals("NL", stored.getString("country_code"));
            assertEquals(
                    new java.math.BigDecimal("0.35"),
                    stored.getJsonArray("elements")
                            .getJsonObject(0)
                            .getJsonArray("price_components")
                            .getJsonObject(0)
                            .getJsonNumber("price")
                            .bigDecimalValue(),
                    "money stays exact");
            HttpResponse<String> again = Http.put("/csms/api/admin/tariffs/TAR-IT-1", tariff, Admin.bearer());
            assertEquals(200, again.statusCode());
            assertEquals(stored.getString("last_updated"), Http.json(again).getString("last_updated"), "unchanged");

            OcpiTestPartner.Received put =
                    await(emsp, r -> r.method().equals("PUT") && r.path().contains("/tariffs/"));
            assertEquals("/2.2.1/tariffs/NL/CSM/TAR-IT-1", put.path());
            assertEquals("EUR", put.body().getString("currency"));
            assertEquals("DE*TA1", put.toParty());

            HttpResponse<String> page = ocpi().get("/ocpi/2.2.1/tariffs", token(c));
            assertOcpi(200, 1000, page);
            assertTrue(page.body().contains("\"TAR-IT-1\""), page.body());
            assertTrue(page.headers().firstValue("X-Total-Count").isPresent());
            HttpResponse<String> old = ocpi().get("/ocpi/2.1.1/tariffs", token(c));
            assertOcpi(200, 1000, old);
            JsonObject v211 = Http.json(old).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .filter(t -> t.getString("id").equals("TAR-IT-1"))
                    .findFirst()
                    .orElseThrow();
            assertFalse(v211.containsKey("type") || v211.containsKey("country_code"), "2.1.1 shape: " + v211);
            assertFalse(v211.getJsonArray("elements")
                    .getJsonObject(0)
                    .getJsonArray("price_components")
                    .getJsonObject(0)
                    .containsKey("vat"));

            problem(
                    400,
                    Http.put("/csms/api/admin/tariffs/TAR-IT-2", tariff.replace("\"EUR\"", "\"EURO\""), Admin.bearer()),
                    "currency");
            problem(
                    400,
                    Http.put(
                            "/csms/api/admin/tariffs/TAR-IT-2",
                            tariff.replace("\"step_size\": 60", "\"step_size\": -1"),
                            Admin.bearer()),
                    "step_size");
            problem(
                    400,
                    Http.put(
                            "/csms/api/admin/tariffs/TAR-IT-2",
                            tariff.replace("\"09:00\"", "\"9 am\""),
                            Admin.bearer()),
                    "start_time");
            assertEquals(
                    404,
                    Http.get("/csms/api/admin/tariffs/TAR-IT-2", Admin.bearer()).statusCode());

            // a connector names only tariffs in force, and a tariff a connector names is not deleted
            Admin.registerCharger("CP-LOC-TAR");
            String site = location("LOC-TAR-1", "CP-LOC-TAR", 1);
            problem(
                    400,
                    Http.put(ADMIN_LOCATIONS + "LOC-TAR-1", withTariff(site, "NO-SUCH-TARIFF"), Admin.bearer()),
                    "NO-SUCH-TARIFF");
            assertEquals(
                    404, Http.get(ADMIN_LOCATIONS + "LOC-TAR-1", Admin.bearer()).statusCode(), "nothing stored");
            assertEquals(
                    201,
                    Http.put(ADMIN_LOCATIONS + "LOC-TAR-1", withTariff(site, "TAR-IT-1"), Admin.bearer())
                            .statusCode());
            problem(409, Http.delete("/csms/api/admin/tariffs/TAR-IT-1", Admin.bearer()), "LOC-TAR-1");
            assertEquals(
                    200,
                    Http.get("/csms/api/admin/tariffs/TAR-IT-1", Admin.bearer()).statusCode(),
                    "still there");
            assertEquals(
                    200,
                    Http.put(ADMIN_LOCATIONS + "LOC-TAR-1", site, Admin.bearer())
                            .statusCode());

            assertEquals(
                    204,
                    Http.delete("/csms/api/admin/tariffs/TAR-IT-1", Admin.bearer())
                            .statusCode());
            OcpiTestPartner.Received deleted = await(emsp, r -> r.method().equals("DELETE"));
            assertEquals("/2.2.1/tariffs/NL/CSM/TAR-IT-1", deleted.path());
            assertFalse(ocpi().get("/ocpi/2.2.1/tariffs", token(c)).body().contains("\"TAR-IT-1\""));
            assertEquals(
                    404,
                    Http.get("/csms/api/admin/tariffs/TAR-IT-1", Admin.bearer()).statusCode());
        }
    }

    private static OcpiTestPartner receiver(String country, String party, List<String> versions) throws Exception {
        OcpiTestPartner partner = new OcpiTestPartner(country, party, "EMSP");
        partner.receivesLocations = true;
        partner.versionsOffered = versions;
        return partner;
    }

    /** Registers a 2.1.1 eMSP (plain tokens, 2.1.1 credentials object); answers its token for us. */
    static String register211(OcpiTestPartner partner) {
        partner.plainTokensOnly = true;
        var created = Http.post(
                "/csms/api/admin/partners",
                "{\"name\":\"Push 2.1.1\",\"parties\":[{\"countryCode\":\"" + partner.countryCode()
                        + "\",\"partyId\":\"" + partner.partyId() + "\",\"role\":\"EMSP\"}]}",
                Admin.bearer());
        assertEquals(201, created.statusCode(), created.body());
        String tokenA = Http.json(created).getString("registrationToken");
        var registered = ocpi().post(
                        "/ocpi/2.1.1/credentials",
                        partner.credentials211(partner.newToken()).toString(),
                        OcpiRegistrationIT.plain(tokenA));
        OcpiRegistrationIT.assertOcpi(200, 1000, registered);
        return Http.json(registered).getJsonObject("data").getString("token");
    }

    static OcpiTestPartner.Received await(OcpiTestPartner partner, Predicate<OcpiTestPartner.Received> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (OcpiTestPartner.Received r : partner.received) {
                if (what.test(r)) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not received within " + WAIT + "; received: " + partner.received);
    }

    static JsonObject awaitQueue(long partnerId, Predicate<JsonObject> what) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        JsonObject queue = null;
        while (Instant.now().isBefore(deadline)) {
            queue = Http.json(Http.get("/csms/api/admin/partners/" + partnerId + "/push", Admin.bearer()));
            if (what.test(queue)) {
                return queue;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("queue never matched: " + queue);
    }

    private static void problem(int status, HttpResponse<String> response, String mentions) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains(mentions), response.body());
    }

    /** {@code location} with each connector naming {@code tariffId}. */
    static String withTariff(String location, String tariffId) {
        return location.replace("\"max_amperage\":16", "\"max_amperage\":16,\"tariff_ids\":[\"" + tariffId + "\"]");
    }

    /** A location with one EVSE per connector named, uids {@code <id>-<connector>}. */
    static String location(String id, String charger, int... connectors) {
        var evses = Json.createArrayBuilder();
        for (int connector : connectors) {
            evses.add(Json.createObjectBuilder()
                    .add("uid", id + "-" + connector)
                    .add("evse_id", "NL*CSM*E" + id.replaceAll("[^A-Z0-9]", "") + "*" + connector)
                    .add("capabilities", Json.createArrayBuilder().add("REMOTE_START_STOP_CAPABLE"))
                    .add(
                            "connectors",
                            Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder()
                                            .add("id", "1")
                                            .add("standard", "IEC_62196_T2")
                                            .add("format", "SOCKET")
                                            .add("power_type", "AC_3_PHASE")
                                            .add("max_voltage", 230)
                                            .add("max_amperage", 16)))
                    .add(
                            "ocpp",
                            Json.createObjectBuilder()
                                    .add("charge_point_id", charger)
                                    .add("connector_id", connector)));
        }
        return Json.createObjectBuilder()
                .add("id", id)
                .add("publish", true)
                .add("name", "Site " + id)
                .add("address", "Stationsplein 1")
                .add("city", "Utrecht")
                .add("postal_code", "3511 ED")
                .add("country", "NLD")
                .add(
                        "coordinates",
                        Json.createObjectBuilder().add("latitude", "52.089444").add("longitude", "5.110278"))
                .add("parking_type", "PARKING_LOT")
                .add("evses", evses)
                .add("time_zone", "Europe/Amsterdam")
                .build()
                .toString();
    }

    /** Sets a partner up (default module rights) and registers it; answers its token for us. */
    static String register(OcpiTestPartner partner, String name) {
        HttpResponse<String> created = Http.post(
                "/csms/api/admin/partners",
                "{\"name\":\"" + name + "\",\"parties\":[{\"countryCode\":\"" + partner.countryCode()
                        + "\",\"partyId\":\"" + partner.partyId() + "\",\"role\":\"" + partner.role() + "\"}]}",
                Admin.bearer());
        assertEquals(201, created.statusCode(), created.body());
        String tokenA = Http.json(created).getString("registrationToken");
        JsonObject details = Http.json(ocpi().get("/ocpi/2.2.1", token(tokenA)));
        assertTrue(
                OcpiRegistrationIT.identifiers(details).contains("locations"),
                "token A already sees the locations endpoint: " + details);
        HttpResponse<String> registered = ocpi().post(
                        "/ocpi/2.2.1/credentials",
                        partner.credentials(partner.newToken()).toString(),
                        token(tokenA));
        assertOcpi(200, 1000, registered);
        return Http.json(registered).getJsonObject("data").getString("token");
    }

    static long partnerId(OcpiTestPartner partner) throws java.sql.SQLException {
        return Long.parseLong(
                Checks.value("select partner_id from ocpi_partner_party where party_id = ?", partner.partyId()));
    }

    static void status(OcppClient cp, int connector, String status) {
        JsonArray answer = cp.call(
                "StatusNotification",
                Json.createObjectBuilder()
                        .add("connectorId", connector)
                        .add("errorCode", "NoError")
                        .add("status", status)
                        .build());
        assertEquals(3, answer.getInt(0), answer.toString());
    }

    static jakarta.json.JsonValue ocpiData(HttpResponse<String> response) {
        assertOcpi(200, 1000, response);
        return Http.json(response).get("data");
    }

    static JsonObject evse(JsonObject location, String uid) {
        return location.getJsonArray("evses").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("uid").equals(uid))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no EVSE " + uid + " in " + location));
    }

    private static List<String> ids(HttpResponse<String> page) {
        return Http.json(page).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(l -> l.getString("id"))
                .toList();
    }

    /** Every location id the partner is given, following the pages' Link headers. */
    private static List<String> allIds(String token) {
        List<String> all = new java.util.ArrayList<>();
        String url = "/ocpi/2.2.1/locations?limit=1";
        for (int pages = 0; url != null && pages < 100; pages++) {
            HttpResponse<String> page = ocpi().get(url, token(token));
            assertOcpi(200, 1000, page);
            all.addAll(ids(page));
            url = page.headers()
                    .firstValue("Link")
                    .map(l -> l.substring(l.indexOf("/ocpi/"), l.indexOf('>')))
                    .orElse(null);
        }
        assertNotEquals(0, all.size());
        return all;
    }
}
