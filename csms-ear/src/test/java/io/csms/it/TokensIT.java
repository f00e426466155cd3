package io.csms.it;

import static io.csms.it.LocationsIT.ocpi;
import static io.csms.it.LocationsIT.ocpiData;
import static io.csms.it.OcpiRegistrationIT.assertOcpi;
import static io.csms.it.OcpiRegistrationIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.roaming.tokens.IdTagAlias;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * eMSPs push their drivers' tokens (OCPI Tokens, we are the Receiver) and chargers accept them: from
 * the stored token where it may be whitelisted, by asking the eMSP in real time where it wants that,
 * with the fallbacks the token's whitelist allows when the eMSP is slow; in 2.2.1 and 2.1.1.
 */
@ExtendWith(ArquillianExtension.class)
public class TokensIT extends CsmsEar {

    static final String TOKENS = "/ocpi/2.2.1/tokens/";
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    public void an_emsp_pushes_its_tokens_and_reads_back_only_its_own() throws Exception {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-TOK-1");
                OcpiTestPartner emsp = new OcpiTestPartner("DE", "TK1", "EMSP")) {
            String c = LocationsIT.register(emsp, "Tokens eMSP 1");
            JsonObject always = tokenObject("DE", "TK1", "TOKALWAYS01", "RFID", "ALWAYS", T0);
            assertOcpi(200, 1000, ocpi().put(TOKENS + "DE/TK1/TOKALWAYS01", always.toString(), token(c)));
            JsonObject stored = ocpiData(ocpi().get(TOKENS + "DE/TK1/TOKALWAYS01?type=RFID", token(c)))
                    .asJsonObject();
            assertEquals(always, stored, "read back as pushed");
            assertEquals("Accepted", authorize(cp, "TOKALWAYS01").getString("status"));
            assertTrue(emsp.received.isEmpty(), "an ALWAYS token is not asked about: " + emsp.received);

            // an update older than the stored token changes nothing; a newer one does
            assertOcpi(200, 1000, patch(c, "DE/TK1/TOKALWAYS01", false, T0.minusSeconds(3600)));
            assertEquals("Accepted", authorize(cp, "TOKALWAYS01").getString("status"));
            assertOcpi(200, 1000, patch(c, "DE/TK1/TOKALWAYS01", false, T0.plusSeconds(60)));
            assertFalse(ocpiData(ocpi().get(TOKENS + "DE/TK1/TOKALWAYS01", token(c)))
                    .asJsonObject()
                    .getBoolean("valid"));
            assertEquals("Blocked", authorize(cp, "TOKALWAYS01").getString("status"), "an invalid token");
            // the same uid is another token as another type
            assertOcpi(404, 2004, ocpi().get(TOKENS + "DE/TK1/TOKALWAYS01?type=APP_USER", token(c)));

            // what breaks a rule is refused and changes nothing
            assertOcpi(
                    400,
                    2001,
                    ocpi().send("PATCH", TOKENS + "DE/TK1/TOKALWAYS01", "{\"valid\":true}", token(c)),
                    "a PATCH without last_updated");
            assertOcpi(
                    400,
                    2001,
                    ocpi().put(TOKENS + "DE/TK1/OTHERUID", always.toString(), token(c)),
                    "a uid other than the URL's");
            HttpResponse<String> badWhitelist = ocpi().put(
                            TOKENS + "DE/TK1/TOKALWAYS01",
                            Json.createObjectBuilder(always)
                                    .add("whitelist", "SOMETIMES")
                                    .add("last_updated", T0.plusSeconds(120).toString())
                                    .build()
                                    .toString(),
                            token(c));
            assertOcpi(400, 2001, badWhitelist);
            assertTrue(badWhitelist.body().contains("whitelist"), badWhitelist.body());
            assertOcpi(400, 2001, ocpi().put(TOKENS + "DE/TK1/TOKALWAYS01", "{not json", token(c)));
            assertOcpi(400, 2001, ocpi().get(TOKENS + "DE/TK1/TOKALWAYS01?type=BADGE", token(c)));
            assertOcpi(404, 2004, ocpi().get(TOKENS + "DE/TK1/NO-SUCH", token(c)));
            assertOcpi(404, 2004, patch(c, "DE/TK1/NO-SUCH", true, T0));
            assertFalse(ocpiData(ocpi().get(TOKENS + "DE/TK1/TOKALWAYS01", token(c)))
                    .asJsonObject()
                    .getBoolean("valid"));

            // another party's tokens are neither written nor read (audited)
            JsonObject theirs = tokenObject("DE", "XX9", "TOKTHEIRS01", "RFID", "ALWAYS", T0);
            assertOcpi(403, 2000, ocpi().put(TOKENS + "DE/XX9/TOKTHEIRS01", theirs.toString(), token(c)));
            assertOcpi(403, 2000, ocpi().get(TOKENS + "DE/XX9/TOKTHEIRS01", token(c)));
            assertOcpi(403, 2000, patch(c, "DE/XX9/TOKTHEIRS01", true, T0));
            assertEquals("0", Checks.value("select count(*) from ocpi_token where party_id = ?", "XX9"));
            assertEquals("Invalid", authorize(cp, "TOKTHEIRS01").getString("status"));
            assertTrue(Integer.parseInt(Checks.value(
                            "select count(*) from audit_event where action = ? and outcome = 'DENIED'",
                            "ocpi.tokens.write"))
                    >= 2);

            // a revoked partner's drivers no longer charge on its word
            put(c, "DE", "TK1", "TOKREVOKE9", "ALWAYS");
            assertEquals("Accepted", authorize(cp, "TOKREVOKE9").getString("status"));
            assertEquals(
                    200,
                    Http.post("/csms/api/admin/partners/" + LocationsIT.partnerId(emsp) + "/revoke", "", Admin.bearer())
                            .statusCode());
            assertEquals("Invalid", authorize(cp, "TOKREVOKE9").getString("status"));
        }
    }

    @Test
    public void chargers_accept_partners_tokens_asking_the_emsp_where_it_wants_that() throws Exception {
        try (OcpiTestPartner emsp = new OcpiTestPartner("DE", "TK2", "EMSP")) {
            emsp.sendsTokens = true;
            emsp.authorizationReference = "REF-42";
            String c = LocationsIT.register(emsp, "Tokens eMSP 2");
            try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-TOK-2")) {
                assertEquals(
                        201,
                        Http.put(
                                        LocationsIT.ADMIN_LOCATIONS + "LOC-TOK-2",
                                        LocationsIT.location("LOC-TOK-2", "CP-TOK-2", 1),
                                        Admin.bearer())
                                .statusCode());
                put(c, "DE", "TK2", "TOKASK01", "ALLOWED");
                JsonObject info = authorize(cp, "TOKASK01");
                assertEquals("Accepted", info.getString("status"));
                assertTrue(info.containsKey("expiryDate"), "a verdict the eMSP gave expires from chargers' caches");
                OcpiTestPartner.Received asked =
                        LocationsIT.await(emsp, r -> r.path().contains("/TOKASK01/"));
                assertEquals("/2.2.1/tokens/TOKASK01/authorize?type=RFID", asked.path());
                assertEquals("LOC-TOK-2", asked.body().getString("location_id"));
                assertEquals(
                        List.of("LOC-TOK-2-1"),
                        asked.body().getJsonArray("evse_uids").getValuesAs(jakarta.json.JsonString.class).stream()
                                .map(jakarta.json.JsonString::getString)
                                .toList());
                assertEquals("DE*TK2", asked.toParty(), "routed to the token's party");

                // the StartTransaction that follows is answered from the eMSP's answer, not asked again
                JsonObject started = ChargingSessionIT.confOf(cp, "StartTransaction", start("TOKASK01"));
                assertEquals("Accepted", started.getJsonObject("idTagInfo").getString("status"));
                assertEquals(
                        1,
                        emsp.received.stream()
                                .filter(r -> r.path().contains("/TOKASK01/"))
                                .count());
                int transaction = started.getInt("transactionId");
                assertEquals("AUTH_REQUEST REF-42 TOKASK01", Checks.value("""
                                select t.auth_method || ' ' || t.authorization_reference || ' ' || k.uid
                                from charging_transaction t join ocpi_token k on k.id = t.ocpi_token_id
                                where t.id = ?""", transaction));
                ChargingSessionIT.confOf(
                        cp,
                        "StopTransaction",
                        Json.createObjectBuilder()
                                .add("transactionId", transaction)
                                .add("meterStop", 1000)
                                .add("timestamp", Instant.now().toString())
                                .build());

                // the eMSP's word decides
                emsp.allowed = "BLOCKED";
                put(c, "DE", "TK2", "TOKASK02", "ALLOWED");
                assertEquals("Blocked", authorize(cp, "TOKASK02").getString("status"));
                emsp.allowed = "NOT_ALLOWED";
                put(c, "DE", "TK2", "TOKASK03", "ALLOWED_OFFLINE");
                assertEquals("Invalid", authorize(cp, "TOKASK03").getString("status"));
                emsp.allowed = null; // 404: it does not know the token
                put(c, "DE", "TK2", "TOKASK04", "NEVER");
                assertEquals("Invalid", authorize(cp, "TOKASK04").getString("status"));

                // a slow eMSP: ALLOWED_OFFLINE falls back to the stored token, NEVER is refused
                emsp.allowed = "ALLOWED";
                emsp.authorizeDelayMillis = 4000;
                put(c, "DE", "TK2", "TOKSLOW05", "ALLOWED_OFFLINE");
                put(c, "DE", "TK2", "TOKSLOW06", "NEVER");
                Instant before = Instant.now();
                assertEquals("Accepted", authorize(cp, "TOKSLOW05").getString("status"));
                assertEquals("Invalid", authorize(cp, "TOKSLOW06").getString("status"));
                Duration took = Duration.between(before, Instant.now());
                assertTrue(took.compareTo(Duration.ofMillis(2 * 3500)) < 0, "answered on the timeout: " + took);
                emsp.authorizeDelayMillis = 0;
                put(c, "DE", "TK2", "TOKNEVER07", "NEVER");
                assertEquals("Accepted", authorize(cp, "TOKNEVER07").getString("status"));

                // a uid longer than an OCPP id tag is seen by chargers under its alias, with its group as parent
                String uid = "bdf21bce-fc97-11e8-8eb2-f2801f1b9fd1";
                assertOcpi(
                        200,
                        1000,
                        ocpi().put(
                                        TOKENS + "DE/TK2/" + uid + "?type=APP_USER",
                                        Json.createObjectBuilder(
                                                        tokenObject("DE", "TK2", uid, "APP_USER", "ALWAYS", T0))
                                                .add("group_id", "GROUP-OF-DRIVERS-2")
                                                .build()
                                                .toString(),
                                        token(c)));
                String alias = IdTagAlias.of("DE", "TK2", uid);
                JsonObject aliased = authorize(cp, alias);
                assertEquals("Accepted", aliased.getString("status"));
                assertEquals("GROUP-OF-DRIVERS-2", aliased.getString("parentIdTag"));

                // a tag registered here decides alone, whatever a partner says of the same uid
                ChargingSessionIT.idTag("TOKSHARED08", "Blocked");
                put(c, "DE", "TK2", "TOKSHARED08", "ALWAYS");
                assertEquals("Blocked", authorize(cp, "TOKSHARED08").getString("status"));
            }
        }
    }

    @Test
    public void a_2_1_1_emsp_pushes_tokens_in_2_1_1_shapes_and_is_asked_without_routing() throws Exception {
        try (OcpiTestPartner emsp = new OcpiTestPartner("DE", "TK3", "EMSP")) {
            emsp.versionsOffered = List.of("2.1.1");
            emsp.sendsTokens = true;
            emsp.authorizationReference = "NOT-IN-2.1.1";
            String c = LocationsIT.register211(emsp);
            String[] auth = OcpiRegistrationIT.plain(c);
            JsonObject v211 = Json.createObjectBuilder()
                    .add("uid", "TOK211A")
                    .add("type", "RFID")
                    .add("auth_id", "DE-TK3-C00001-7")
                    .add("issuer", "Test TK3")
                    .add("valid", true)
                    .add("whitelist", "ALLOWED")
                    .add("last_updated", T0.toString())
                    .build();
            assertOcpi(200, 1000, ocpi().put("/ocpi/2.1.1/tokens/DE/TK3/TOK211A", v211.toString(), auth));
            assertEquals(
                    v211,
                    ocpiData(ocpi().get("/ocpi/2.1.1/tokens/DE/TK3/TOK211A", auth))
                            .asJsonObject(),
                    "2.1.1 shape: auth_id, no party fields");
            assertEquals(
                    "DE-TK3-C00001-7", Checks.value("select contract_id from ocpi_token where uid = ?", "TOK211A"));
            // a 2.1.1 PATCH need not carry last_updated (2.1.1's own example: {"valid": false})
            v211 = Json.createObjectBuilder(v211).add("uid", "TOK211B").build();
            assertOcpi(200, 1000, ocpi().put("/ocpi/2.1.1/tokens/DE/TK3/TOK211B", v211.toString(), auth));
            assertOcpi(200, 1000, ocpi().send("PATCH", "/ocpi/2.1.1/tokens/DE/TK3/TOK211B", "{\"valid\":false}", auth));
            assertFalse(ocpiData(ocpi().get("/ocpi/2.1.1/tokens/DE/TK3/TOK211B", auth))
                    .asJsonObject()
                    .getBoolean("valid"));
            try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-TOK-3")) {
                assertEquals("Accepted", authorize(cp, "TOK211A").getString("status"));
                OcpiTestPartner.Received asked =
                        LocationsIT.await(emsp, r -> r.path().contains("/TOK211A/"));
                assertEquals("/2.1.1/tokens/TOK211A/authorize?type=RFID", asked.path());
                assertEquals("null*null", asked.toParty(), "no routing headers in 2.1.1");
                JsonObject started = ChargingSessionIT.confOf(cp, "StartTransaction", start("TOK211A"));
                assertEquals(
                        "AUTH_REQUEST",
                        Checks.value(
                                "select coalesce(auth_method, '') || coalesce(authorization_reference, '')"
                                        + " from charging_transaction where id = ?",
                                started.getInt("transactionId")),
                        "2.1.1 has no authorization reference");
            }
        }
    }

    @Test
    public void partners_tokens_go_on_chargers_local_lists_as_differential_updates() throws Exception {
        try (OcpiTestPartner emsp = new OcpiTestPartner("DE", "TK4", "EMSP");
                OcppClient cp = ChargingSessionIT.bootedCharger("CP-TOK-4")) {
            String c = LocationsIT.register(emsp, "Tokens eMSP 4");
            put(c, "DE", "TK4", "LLALWAYS1", "ALWAYS");
            put(c, "DE", "TK4", "LLALLOWED2", "ALLOWED");
            put(c, "DE", "TK4", "LLNEVER3", "NEVER");
            assertOcpi(
                    200,
                    1000,
                    ocpi().put(
                                    TOKENS + "DE/TK4/LLINVALID4",
                                    Json.createObjectBuilder(
                                                    tokenObject("DE", "TK4", "LLINVALID4", "RFID", "ALWAYS", T0))
                                            .add("valid", false)
                                            .build()
                                            .toString(),
                                    token(c)));
            String list = "/csms/api/admin/chargers/CP-TOK-4/local-list";
            assertFalse(Http.json(Http.get(list, Admin.bearer())).getBoolean("roamingTokens"), "off by default");
            assertEquals(null, cp.poll(Duration.ofMillis(2500)), "a charger without the switch is sent nothing");

            HttpResponse<String> on = Http.put(list, "{\"roamingTokens\":true}", Admin.bearer());
            assertEquals(200, on.statusCode(), on.body());
            assertTrue(Http.json(on).getBoolean("pending"));
            // the first update is the whole list: ALWAYS and (the charger does not pre-authorize) ALLOWED tokens
            cp.reply(expect(cp, "GetConfiguration"), configuration(false));
            JsonArray first = expect(cp, "SendLocalList");
            assertEquals("Full", first.getJsonObject(3).getString("updateType"));
            assertEquals(1, first.getJsonObject(3).getInt("listVersion"));
            assertTrue(
                    entries(first).containsKey("LLALWAYS1") && entries(first).containsKey("LLALLOWED2"),
                    first.toString());
            assertFalse(
                    entries(first).containsKey("LLNEVER3") || entries(first).containsKey("LLINVALID4"),
                    first.toString());
            assertEquals(
                    "Accepted",
                    entries(first).get("LLALWAYS1").getJsonObject("idTagInfo").getString("status"));
            cp.reply(first, Json.createObjectBuilder().add("status", "Accepted").build());
            JsonObject state = awaitList(list, s -> !s.getBoolean("pending") && s.getInt("listVersion", 0) == 1);
            assertEquals(entries(first).size(), state.getInt("entries"));

            // a token made invalid leaves the list; a charger that pre-authorizes keeps only ALWAYS tokens
            assertOcpi(200, 1000, patch(c, "DE/TK4/LLALWAYS1", false, T0.plusSeconds(60)));
            cp.reply(expect(cp, "GetConfiguration"), configuration(true));
            JsonArray second = expect(cp, "SendLocalList");
            assertEquals("Differential", second.getJsonObject(3).getString("updateType"));
            assertEquals(2, second.getJsonObject(3).getInt("listVersion"));
            assertFalse(entries(second).get("LLALWAYS1").containsKey("idTagInfo"), "removed: " + second);
            assertFalse(entries(second).get("LLALLOWED2").containsKey("idTagInfo"), "removed: " + second);
            cp.reply(
                    second, Json.createObjectBuilder().add("status", "Accepted").build());
            awaitList(list, s -> !s.getBoolean("pending") && s.getInt("listVersion", 0) == 2);

            // a charger whose list is not the one we set gets the whole list again
            put(c, "DE", "TK4", "LLALWAYS5", "ALWAYS");
            cp.reply(expect(cp, "GetConfiguration"), configuration(true));
            JsonArray third = expect(cp, "SendLocalList");
            assertEquals("Differential", third.getJsonObject(3).getString("updateType"));
            assertEquals(List.of("LLALWAYS5"), List.copyOf(entries(third).keySet()), third.toString());
            cp.reply(
                    third,
                    Json.createObjectBuilder().add("status", "VersionMismatch").build());
            JsonArray full = expect(cp, "SendLocalList");
            assertEquals("Full", full.getJsonObject(3).getString("updateType"));
            assertEquals(3, full.getJsonObject(3).getInt("listVersion"));
            assertTrue(entries(full).containsKey("LLALWAYS5"));
            assertFalse(entries(full).containsKey("LLALLOWED2"));
            cp.reply(full, Json.createObjectBuilder().add("status", "Accepted").build());
            awaitList(list, s -> !s.getBoolean("pending") && s.getInt("listVersion", 0) == 3);

            // switched off, the list is emptied of what we put there
            assertEquals(
                    200,
                    Http.put(list, "{\"roamingTokens\":false}", Admin.bearer()).statusCode());
            cp.reply(expect(cp, "GetConfiguration"), configuration(true));
            JsonArray off = expect(cp, "SendLocalList");
            assertTrue(entries(off).values().stream().noneMatch(e -> e.containsKey("idTagInfo")), off.toString());
            assertTrue(entries(off).containsKey("LLALWAYS5"));
            cp.reply(off, Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals(
                    0,
                    awaitList(list, s -> !s.getBoolean("pending") && s.getInt("listVersion", 0) == 4)
                            .getInt("entries"));
            assertEquals(
                    404,
                    Http.get("/csms/api/admin/chargers/NO-SUCH/local-list", Admin.bearer())
                            .statusCode());
        }
    }

    /** The next frame from the CSMS, which must be a CALL of {@code action}. */
    static JsonArray expect(OcppClient cp, String action) {
        JsonArray call = cp.next();
        assertEquals(2, call.getInt(0), call.toString());
        assertEquals(action, call.getString(2), call.toString());
        OcppSchemas.assertValid(action, "req", call.getJsonObject(3));
        return call;
    }

    private static JsonObject configuration(boolean localPreAuthorize) {
        return Json.createObjectBuilder()
                .add(
                        "configurationKey",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("key", "LocalPreAuthorize")
                                        .add("readonly", false)
                                        .add("value", Boolean.toString(localPreAuthorize)))
                                .add(Json.createObjectBuilder()
                                        .add("key", "LocalAuthListEnabled")
                                        .add("readonly", false)
                                        .add("value", "true"))
                                .add(Json.createObjectBuilder()
                                        .add("key", "SendLocalListMaxLength")
                                        .add("readonly", true)
                                        .add("value", "1000")))
                .build();
    }

    /** A SendLocalList's entries by id tag. */
    private static java.util.Map<String, JsonObject> entries(JsonArray call) {
        java.util.Map<String, JsonObject> entries = new java.util.LinkedHashMap<>();
        JsonArray list = call.getJsonObject(3).getJsonArray("localAuthorizationList");
        if (list != null) {
            list.getValuesAs(JsonObject.class).forEach(e -> entries.put(e.getString("idTag"), e));
        }
        return entries;
    }

    private static JsonObject awaitList(String url, java.util.function.Predicate<JsonObject> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        JsonObject state = null;
        while (Instant.now().isBefore(deadline)) {
            state = Http.json(Http.get(url, Admin.bearer()));
            if (what.test(state)) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the local list never got there: " + state);
    }

    static JsonObject tokenObject(String country, String party, String uid, String type, String whitelist, Instant at) {
        return Json.createObjectBuilder()
                .add("country_code", country)
                .add("party_id", party)
                .add("uid", uid)
                .add("type", type)
                .add("contract_id", country + "-" + party + "-C" + Math.abs(uid.hashCode() % 100000))
                .add("issuer", "Test " + party)
                .add("valid", true)
                .add("whitelist", whitelist)
                .add("last_updated", at.toString())
                .build();
    }

    private static void put(String c, String country, String party, String uid, String whitelist) {
        assertOcpi(
                200,
                1000,
                ocpi().put(
                                TOKENS + country + "/" + party + "/" + uid,
                                tokenObject(country, party, uid, "RFID", whitelist, T0)
                                        .toString(),
                                token(c)));
    }

    private static HttpResponse<String> patch(String c, String path, boolean valid, Instant at) {
        return ocpi().send(
                        "PATCH",
                        TOKENS + path,
                        Json.createObjectBuilder()
                                .add("valid", valid)
                                .add("last_updated", at.toString())
                                .build()
                                .toString(),
                        token(c));
    }

    static JsonObject authorize(OcppClient cp, String idTag) {
        return ChargingSessionIT.confOf(
                        cp,
                        "Authorize",
                        Json.createObjectBuilder().add("idTag", idTag).build())
                .getJsonObject("idTagInfo");
    }

    static JsonObject start(String idTag) {
        return Json.createObjectBuilder()
                .add("connectorId", 1)
                .add("idTag", idTag)
                .add("meterStart", 0)
                .add("timestamp", Instant.now().toString())
                .build();
    }
}
