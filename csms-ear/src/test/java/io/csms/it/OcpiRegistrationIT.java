package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OCPI credentials over real HTTP between the CSMS and a test partner: a partner registering with
 * its token A, rotating, failing a rotation, unregistering; the CSMS registering with a partner,
 * rotating (with a failure injected) and revoking; and the spec's error cases.
 */
@ExtendWith(ArquillianExtension.class)
class OcpiRegistrationIT extends CsmsEar {

    static final String CREDENTIALS = "/ocpi/2.2.1/credentials";
    static final String CREDENTIALS_211 = "/ocpi/2.1.1/credentials";

    @Test
    void a_partner_registers_with_token_a_rotates_and_unregisters() throws Exception {
        try (OcpiTestPartner hub = new OcpiTestPartner("DE", "HB1", "HUB")) {
            JsonObject created = createPartner("Hub One", "[\"hubclientinfo\"]", hub);
            String tokenA = created.getString("registrationToken");
            long id = created.getJsonObject("partner").getJsonNumber("id").longValue();

            assertEquals(200, Http.get("/ocpi/versions", token(tokenA)).statusCode());
            JsonObject details = Http.json(Http.get("/ocpi/2.2.1", token(tokenA)));
            assertEquals(
                    List.of("credentials", "hubclientinfo"),
                    identifiers(details),
                    "token A sees credentials, and the modules it will have once registered (to keep their URLs)");
            assertOcpi(401, 2000, Http.put("/ocpi/2.2.1/hubclientinfo/DE/ABC", clientInfo("DE", "ABC"), token(tokenA)));
            assertOcpi(
                    405,
                    2000,
                    Http.put(CREDENTIALS, hub.credentials(hub.newToken()).toString(), token(tokenA)));
            assertOcpi(405, 2000, Http.delete(CREDENTIALS, token(tokenA)));

            String b1 = hub.newToken();
            HttpResponse<String> registered =
                    Http.post(CREDENTIALS, hub.credentials(b1).toString(), token(tokenA));
            assertOcpi(200, 1000, registered);
            JsonObject ours = Http.json(registered).getJsonObject("data");
            String c1 = ours.getString("token");
            assertEquals("CPO", ours.getJsonArray("roles").getJsonObject(0).getString("role"));
            assertTrue(ours.getString("url").endsWith("/ocpi/versions"));
            assertTrue(
                    hub.authorizations.contains("Token " + base64(b1)),
                    "the CSMS fetched the partner's versions with token B");

            assertOcpi(401, 2000, Http.get("/ocpi/versions", token(tokenA)));
            assertEquals(
                    200,
                    Http.get("/ocpi/versions", "Authorization", "Token " + c1).statusCode(),
                    "plain tokens work too");
            assertTrue(
                    identifiers(Http.json(Http.get("/ocpi/2.2.1", token(c1)))).contains("hubclientinfo"));
            assertOcpi(
                    405,
                    2000,
                    Http.post(CREDENTIALS, hub.credentials(hub.newToken()).toString(), token(c1)));
            assertEquals(
                    c1,
                    Http.json(Http.get(CREDENTIALS, token(c1)))
                            .getJsonObject("data")
                            .getString("token"));

            assertOcpi(200, 1000, Http.put("/ocpi/2.2.1/hubclientinfo/DE/ABC", clientInfo("DE", "ABC"), token(c1)));
            JsonObject client = Driver.array(
                            Http.get("/csms/api/admin/partners/" + id + "/hub-clients", Admin.bearer()))
                    .getJsonObject(0);
            assertEquals("CONNECTED", client.getString("status"));

            // rotation by the partner: the new token works at once, the old one until the new one is used
            String c2 = Http.json(Http.put(
                            CREDENTIALS, hub.credentials(hub.newToken()).toString(), token(c1)))
                    .getJsonObject("data")
                    .getString("token");
            assertNotEquals(c1, c2);
            assertEquals(200, Http.get("/ocpi/versions", token(c1)).statusCode());
            assertEquals(200, Http.get("/ocpi/versions", token(c2)).statusCode());
            assertOcpi(401, 2000, Http.get("/ocpi/versions", token(c1)));

            // a rotation that fails (the partner's API is down) changes nothing
            hub.failVersions = true;
            assertOcpi(
                    200,
                    3001,
                    Http.put(CREDENTIALS, hub.credentials(hub.newToken()).toString(), token(c2)));
            hub.failVersions = false;
            assertEquals(200, Http.get("/ocpi/versions", token(c2)).statusCode());

            assertOcpi(200, 1000, Http.delete(CREDENTIALS, token(c2)));
            assertOcpi(401, 2000, Http.get("/ocpi/versions", token(c2)));

            // registering again takes a new token A from the admin
            String againA = Http.json(
                            Http.post("/csms/api/admin/partners/" + id + "/registration-token", "", Admin.bearer()))
                    .getString("registrationToken");
            assertOcpi(
                    200,
                    1000,
                    Http.post(CREDENTIALS, hub.credentials(hub.newToken()).toString(), token(againA)));
        }
    }

    @Test
    void registration_errors_follow_the_spec() throws Exception {
        try (OcpiTestPartner emsp = new OcpiTestPartner("DE", "ER1", "EMSP")) {
            String tokenA = createPartner("Errors", "[]", emsp).getString("registrationToken");
            emsp.versionsOffered = List.of("2.1.1");
            assertOcpi(
                    200,
                    3003,
                    Http.post(CREDENTIALS, emsp.credentials(emsp.newToken()).toString(), token(tokenA)));
            emsp.versionsOffered = List.of("2.2.1");
            JsonObject unreachable = Json.createObjectBuilder(emsp.credentials("x"))
                    .add("url", "http://127.0.0.1:9/versions")
                    .build();
            assertOcpi(200, 3001, Http.post(CREDENTIALS, unreachable.toString(), token(tokenA)));
            assertOcpi(400, 2001, Http.post(CREDENTIALS, "{not json", token(tokenA)));
            assertOcpi(400, 2001, Http.post(CREDENTIALS, "{\"token\":\"x\"}", token(tokenA)));
            // none of that spent token A
            assertOcpi(
                    200,
                    1000,
                    Http.post(CREDENTIALS, emsp.credentials(emsp.newToken()).toString(), token(tokenA)));

            HttpResponse<String> anonymous =
                    Http.get(CREDENTIALS, "X-Request-ID", "req-1", "X-Correlation-ID", "corr-1");
            assertOcpi(401, 2000, anonymous);
            assertEquals("req-1", anonymous.headers().firstValue("X-Request-ID").orElse(null));
            assertEquals(
                    "corr-1", anonymous.headers().firstValue("X-Correlation-ID").orElse(null));
            assertTrue(Http.get("/ocpi/versions", token("nonsense"))
                    .headers()
                    .firstValue("X-Request-ID")
                    .isPresent());
        }
    }

    @Test
    void the_csms_registers_with_a_partner_rotates_and_revokes() throws Exception {
        try (OcpiTestPartner emsp = new OcpiTestPartner("NL", "EM2", "EMSP")) {
            long id = createPartner("eMSP Two", "[]", emsp)
                    .getJsonObject("partner")
                    .getJsonNumber("id")
                    .longValue();
            String theirA = emsp.newToken();
            HttpResponse<String> registered = Http.post(
                    "/csms/api/admin/partners/" + id + "/register",
                    Json.createObjectBuilder()
                            .add("versionsUrl", emsp.versionsUrl())
                            .add("token", theirA)
                            .build()
                            .toString(),
                    Admin.bearer());
            assertEquals(200, registered.statusCode(), registered.body());
            JsonObject partner = Http.json(registered);
            assertEquals("REGISTERED", partner.getString("status"));
            assertEquals("2.2.1", partner.getString("version"));
            assertEquals("EM2", partner.getString("partyId"));
            assertFalse(registered.body().contains(theirA), "no token in the admin's view");
            String c = emsp.tokenForCsms;
            assertEquals(200, Http.get("/ocpi/versions", token(c)).statusCode());

            HttpResponse<String> rotated = Http.post("/csms/api/admin/partners/" + id + "/rotate", "", Admin.bearer());
            assertEquals(200, rotated.statusCode(), rotated.body());
            String c2 = emsp.tokenForCsms;
            assertNotEquals(c, c2);
            assertEquals(
                    200,
                    Http.get("/ocpi/versions", token(c)).statusCode(),
                    "the old token works until the new one is used");
            assertEquals(200, Http.get("/ocpi/versions", token(c2)).statusCode());
            assertOcpi(401, 2000, Http.get("/ocpi/versions", token(c)));

            emsp.failPut = true;
            HttpResponse<String> failed = Http.post("/csms/api/admin/partners/" + id + "/rotate", "", Admin.bearer());
            assertEquals(502, failed.statusCode(), failed.body());
            emsp.failPut = false;
            assertEquals(200, Http.get("/ocpi/versions", token(c2)).statusCode(), "a failed rotation keeps the tokens");
            int before = emsp.authorizations.size();
            assertEquals(
                    200,
                    Http.post("/csms/api/admin/partners/" + id + "/rotate", "", Admin.bearer())
                            .statusCode(),
                    "and the CSMS still holds a token the partner accepts");
            assertTrue(emsp.authorizations.size() > before);

            assertEquals(
                    200,
                    Http.post("/csms/api/admin/partners/" + id + "/revoke", "", Admin.bearer())
                            .statusCode());
            assertOcpi(401, 2000, Http.get("/ocpi/versions", token(emsp.tokenForCsms)));
        }
    }

    @Test
    void a_211_partner_registers_rotates_and_unregisters_with_plain_tokens() throws Exception {
        try (OcpiTestPartner emsp = new OcpiTestPartner("BE", "OL1", "EMSP")) {
            emsp.versionsOffered = List.of("2.1.1");
            emsp.plainTokensOnly = true;
            JsonObject created = createPartner("Old One", "[]", emsp);
            long id = created.getJsonObject("partner").getJsonNumber("id").longValue();
            String[] tokenA = plain(created.getString("registrationToken"));
            JsonObject details = Http.json(Http.get("/ocpi/2.1.1", tokenA)).getJsonObject("data");
            JsonObject credentialsEndpoint = details.getJsonArray("endpoints").getJsonObject(0);
            assertEquals("credentials", credentialsEndpoint.getString("identifier"));
            assertFalse(credentialsEndpoint.containsKey("role"), "2.1.1 endpoints have no interface role");
            assertTrue(credentialsEndpoint.getString("url").endsWith(CREDENTIALS_211));

            String b1 = emsp.newToken();
            HttpResponse<String> registered =
                    Http.post(CREDENTIALS_211, emsp.credentials211(b1).toString(), tokenA);
            assertOcpi(200, 1000, registered);
            JsonObject ours = Http.json(registered).getJsonObject("data");
            assertEquals("NL", ours.getString("country_code"), "2.1.1 names our party at the top level");
            assertEquals("CSM", ours.getString("party_id"));
            assertTrue(ours.getJsonObject("business_details").containsKey("name"));
            assertFalse(ours.containsKey("roles"));
            assertTrue(emsp.authorizations.contains("Token " + b1), "2.1.1 sends the token itself, not base64");
            String c1 = ours.getString("token");
            JsonObject view = Http.json(Http.get("/csms/api/admin/partners/" + id, Admin.bearer()));
            assertEquals("2.1.1", view.getString("version"));
            assertEquals("OL1", view.getString("partyId"));
            assertEquals(
                    c1,
                    Http.json(Http.get(CREDENTIALS_211, plain(c1)))
                            .getJsonObject("data")
                            .getString("token"));
            assertOcpi(
                    405,
                    2000,
                    Http.post(
                            CREDENTIALS_211,
                            emsp.credentials211(emsp.newToken()).toString(),
                            plain(c1)));

            String c2 = Http.json(Http.put(
                            CREDENTIALS_211,
                            emsp.credentials211(emsp.newToken()).toString(),
                            plain(c1)))
                    .getJsonObject("data")
                    .getString("token");
            assertNotEquals(c1, c2);
            assertEquals(200, Http.get("/ocpi/versions", plain(c2)).statusCode());
            assertOcpi(
                    401,
                    2000,
                    Http.get("/ocpi/versions", plain(c1)),
                    "the old token is gone once the new one was used");

            assertOcpi(200, 1000, Http.delete(CREDENTIALS_211, plain(c2)));
            assertOcpi(401, 2000, Http.get("/ocpi/versions", plain(c2)));
        }
    }

    @Test
    void the_csms_registers_with_a_211_partner_and_rotates() throws Exception {
        try (OcpiTestPartner emsp = new OcpiTestPartner("BE", "OL2", "EMSP")) {
            emsp.versionsOffered = List.of("2.1.1");
            emsp.plainTokensOnly = true;
            long id = createPartner("Old Two", "[]", emsp)
                    .getJsonObject("partner")
                    .getJsonNumber("id")
                    .longValue();
            String theirA = emsp.newToken();
            HttpResponse<String> registered = Http.post(
                    "/csms/api/admin/partners/" + id + "/register",
                    Json.createObjectBuilder()
                            .add("versionsUrl", emsp.versionsUrl())
                            .add("token", theirA)
                            .build()
                            .toString(),
                    Admin.bearer());
            assertEquals(200, registered.statusCode(), registered.body());
            assertEquals("2.1.1", Http.json(registered).getString("version"));
            assertEquals("OL2", Http.json(registered).getString("partyId"));
            // the partner's version is unknown until its versions are read: base64 first, then the token itself
            assertEquals(List.of("Token " + base64(theirA), "Token " + theirA), emsp.authorizations.subList(0, 2));
            String c = emsp.tokenForCsms;
            assertEquals(200, Http.get(CREDENTIALS_211, plain(c)).statusCode());

            assertEquals(
                    200,
                    Http.post("/csms/api/admin/partners/" + id + "/rotate", "", Admin.bearer())
                            .statusCode());
            assertNotEquals(c, emsp.tokenForCsms);
            assertEquals(
                    200, Http.get(CREDENTIALS_211, plain(emsp.tokenForCsms)).statusCode());
            assertTrue(
                    emsp.authorizations.stream().skip(1).allMatch(a -> a.startsWith("Token B-")),
                    "once the version is known, never base64 towards a 2.1.1 partner: " + emsp.authorizations);
        }
    }

    /** A partner the admin sets up as the test partner's party (its only party). */
    static JsonObject createPartner(String name, String modules, OcpiTestPartner partner) {
        return createPartner(name, modules, partner.countryCode(), partner.partyId(), partner.role());
    }

    /** A partner the admin sets up as the party {@code countryCode*partyId} in {@code role}. */
    static JsonObject createPartner(String name, String modules, String countryCode, String partyId, String role) {
        HttpResponse<String> created = Http.post(
                "/csms/api/admin/partners",
                "{\"name\":\"" + name + "\",\"allowedModules\":" + modules + ",\"parties\":[{\"countryCode\":\""
                        + countryCode + "\",\"partyId\":\"" + partyId + "\",\"role\":\"" + role + "\"}]}",
                Admin.bearer());
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created);
    }

    static String[] token(String token) {
        return new String[] {"Authorization", "Token " + base64(token)};
    }

    /** The 2.1.1 form: {@code Token <token>}. */
    static String[] plain(String token) {
        return new String[] {"Authorization", "Token " + token};
    }

    static String base64(String token) {
        return Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    static String clientInfo(String countryCode, String partyId) {
        return Json.createObjectBuilder()
                .add("country_code", countryCode)
                .add("party_id", partyId)
                .add("role", "CPO")
                .add("status", "CONNECTED")
                .add("last_updated", "2026-11-21T10:00:00Z")
                .build()
                .toString();
    }

    static List<String> identifiers(JsonObject details) {
        return details.getJsonObject("data").getJsonArray("endpoints").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("identifier"))
                .distinct()
                .toList();
    }

    static void assertOcpi(int httpStatus, int statusCode, HttpResponse<String> response) {
        assertOcpi(httpStatus, statusCode, response, "");
    }

    static void assertOcpi(int httpStatus, int statusCode, HttpResponse<String> response, String why) {
        assertEquals(httpStatus, response.statusCode(), why + ": " + response.body());
        JsonObject envelope = Http.json(response);
        assertEquals(statusCode, envelope.getInt("status_code"), why + ": " + response.body());
        assertTrue(envelope.containsKey("timestamp"), response.body());
    }
}
