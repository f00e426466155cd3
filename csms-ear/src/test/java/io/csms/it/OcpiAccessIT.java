package io.csms.it;

import static io.csms.it.OcpiRegistrationIT.CREDENTIALS;
import static io.csms.it.OcpiRegistrationIT.assertOcpi;
import static io.csms.it.OcpiRegistrationIT.clientInfo;
import static io.csms.it.OcpiRegistrationIT.createPartner;
import static io.csms.it.OcpiRegistrationIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.roaming.Totp;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every OCPI endpoint against every kind of caller: anonymous, a registration token, partner X (a
 * hub with TOTP), partner Y (an eMSP without the hubclientinfo right), a revoked partner, X with a
 * wrong TOTP, the same TOTP again (accepted: it is time-bound, not a nonce) and a TLS-bound one this
 * platform cannot verify (refused, never checked as unbound), partner W (bound to a client certificate) with its certificate,
 * another one, none, or without TLS: the HTTP status and OCPI status code each must get, and no
 * response carrying another party's token. Then the routing headers, the limits per partner and per
 * client address, and the open-data limit.
 */
@ExtendWith(ArquillianExtension.class)
class OcpiAccessIT extends CsmsEar {

    private static final String SECRET = "secure!Charging!X1";

    /** One endpoint, called by a client with headers. */
    record Endpoint(String name, BiFunction<Http.Client, String[], HttpResponse<String>> call) {}

    /** One caller: its headers, and the TLS client it calls with (null: plain HTTP). */
    record Caller(String[] headers, Http.Client tls) {}

    @Test
    void every_endpoint_answers_every_caller_as_expected() throws Exception {
        try (OcpiTestPartner hub = new OcpiTestPartner("DE", "AX1", "HUB");
                OcpiTestPartner emsp = new OcpiTestPartner("DE", "AY1", "EMSP");
                OcpiTestPartner gone = new OcpiTestPartner("DE", "AR1", "EMSP");
                OcpiTestPartner certified = new OcpiTestPartner("DE", "AW1", "EMSP")) {
            Registered x = register("Access X", "[\"hubclientinfo\"]", hub);
            Registered y = register(
                    "Access Y", "[\"locations\",\"tariffs\",\"tokens\",\"sessions\",\"cdrs\",\"commands\"]", emsp);
            Registered revoked = register("Access R", "[\"hubclientinfo\"]", gone);
            Registered w = register("Access W", "[]", certified);
            assertEquals(
                    200,
                    Http.post("/csms/api/admin/partners/" + revoked.id() + "/revoke", "", Admin.bearer())
                            .statusCode());
            String tokenA = createPartner("Access A", "[\"hubclientinfo\"]", "DE", "AA1", "HUB")
                    .getString("registrationToken");
            HttpResponse<String> totpOn = Http.put(
                    "/csms/api/admin/partners/" + x.id(),
                    "{\"totpIncomingSecret\":\"" + SECRET + "\"}",
                    Admin.bearer());
            assertEquals(200, totpOn.statusCode(), totpOn.body());
            assertTrue(Http.json(totpOn).getBoolean("totpIncoming"));
            assertFalse(totpOn.body().contains(SECRET), "the secret is never shown");
            // W must come over mutual TLS with its own certificate (from any CA the server trusts)
            ChargerTls.Issued wCertificate = ChargerTls.issue("partner-w");
            HttpResponse<String> bound = Http.put(
                    "/csms/api/admin/partners/" + w.id(),
                    "{\"clientCertificateSha256\":\"" + wCertificate.sha256().toUpperCase() + "\"}",
                    Admin.bearer());
            assertEquals(wCertificate.sha256(), Http.json(bound).getString("clientCertificateSha256"), bound.body());
            Http.Client wOwn = Http.tls(wCertificate.context());
            Http.Client wOther = Http.tls(ChargerTls.issue("partner-w").context());
            Http.Client noCertificate = Http.tls(ChargerTls.tls(null));

            // a token of Y's party in each version (Y may write its own party's tokens only)
            String yToken221 = TokensIT.tokenObject(
                            "DE", "AY1", "ACCESS-TOK", "RFID", "ALWAYS", java.time.Instant.now())
                    .toString();
            String yToken211 = jakarta.json.Json.createObjectBuilder()
                    .add("uid", "ACCESS-TOK-211")
                    .add("type", "RFID")
                    .add("auth_id", "DE-AY1-C00211")
                    .add("issuer", "Access Y")
                    .add("valid", true)
                    .add("whitelist", "ALWAYS")
                    .add("last_updated", java.time.Instant.now().toString())
                    .build()
                    .toString();
            List<Endpoint> endpoints = List.of(
                    new Endpoint("GET versions", (c, h) -> c.get("/ocpi/versions", h)),
                    new Endpoint("GET 2.2.1", (c, h) -> c.get("/ocpi/2.2.1", h)),
                    new Endpoint("GET 2.1.1", (c, h) -> c.get("/ocpi/2.1.1", h)),
                    new Endpoint("GET credentials", (c, h) -> c.get(CREDENTIALS, h)),
                    new Endpoint(
                            "PUT hubclientinfo",
                            (c, h) -> c.put("/ocpi/2.2.1/hubclientinfo/DE/CL1", clientInfo("DE", "CL1"), h)),
                    new Endpoint("GET 2.2.1 locations", (c, h) -> c.get("/ocpi/2.2.1/locations", h)),
                    new Endpoint("GET 2.1.1 locations", (c, h) -> c.get("/ocpi/2.1.1/locations", h)),
                    new Endpoint("GET 2.2.1 tariffs", (c, h) -> c.get("/ocpi/2.2.1/tariffs", h)),
                    new Endpoint("GET 2.1.1 tariffs", (c, h) -> c.get("/ocpi/2.1.1/tariffs", h)),
                    new Endpoint(
                            "GET 2.2.1 locations/{id}/{evse}",
                            (c, h) -> c.get("/ocpi/2.2.1/locations/ACCESS-LOC/ACCESS-LOC-1", h)),
                    new Endpoint("GET 2.1.1 locations/{id}", (c, h) -> c.get("/ocpi/2.1.1/locations/ACCESS-LOC", h)),
                    new Endpoint(
                            "PUT 2.2.1 tokens of Y's party",
                            (c, h) -> c.put("/ocpi/2.2.1/tokens/DE/AY1/ACCESS-TOK", yToken221, h)),
                    new Endpoint(
                            "PUT 2.1.1 tokens of Y's party",
                            (c, h) -> c.put("/ocpi/2.1.1/tokens/DE/AY1/ACCESS-TOK-211", yToken211, h)),
                    new Endpoint(
                            "GET 2.2.1 tokens of another party",
                            (c, h) -> c.get("/ocpi/2.2.1/tokens/DE/AR1/ACCESS-TOK", h)),
                    new Endpoint("GET 2.2.1 sessions", (c, h) -> c.get("/ocpi/2.2.1/sessions", h)),
                    new Endpoint("GET 2.1.1 sessions", (c, h) -> c.get("/ocpi/2.1.1/sessions", h)),
                    new Endpoint("GET 2.2.1 cdrs", (c, h) -> c.get("/ocpi/2.2.1/cdrs", h)),
                    new Endpoint("GET 2.1.1 cdrs", (c, h) -> c.get("/ocpi/2.1.1/cdrs", h)),
                    // a stop of a session that is not the caller's: answered (UNKNOWN_SESSION) to Y only
                    new Endpoint(
                            "POST 2.2.1 commands",
                            (c, h) -> c.post("/ocpi/2.2.1/commands/STOP_SESSION", stopSession(emsp, "2.2.1"), h)),
                    new Endpoint(
                            "PUT 2.2.1 sessions/{id}/charging_preferences",
                            (c, h) -> c.put(
                                    "/ocpi/2.2.1/sessions/999999999/charging_preferences",
                                    "{\"profile_type\":\"FAST\"}",
                                    h)),
                    new Endpoint(
                            "POST 2.1.1 commands",
                            (c, h) -> c.post("/ocpi/2.1.1/commands/STOP_SESSION", stopSession(emsp, "2.1.1"), h)));
            // the object endpoints answer for a location every partner may see
            Admin.registerCharger("CP-ACCESS");
            assertEquals(
                    201,
                    Http.put(
                                    "/csms/api/admin/locations/ACCESS-LOC",
                                    LocationsIT.location("ACCESS-LOC", "CP-ACCESS", 1),
                                    Admin.bearer())
                            .statusCode());
            // the matrix covers every module deployed: a registration token allowed everything is shown
            // every endpoint (by identifier and version) before it registers
            String everything = createPartner(
                            "Access All",
                            "[\"locations\",\"tariffs\",\"sessions\",\"cdrs\",\"tokens\",\"commands\","
                                    + "\"hubclientinfo\",\"chargingprofiles\"]",
                            "DE",
                            "AZ1",
                            "HUB")
                    .getString("registrationToken");
            for (String version : List.of("2.2.1", "2.1.1")) {
                for (String module :
                        OcpiRegistrationIT.identifiers(Http.json(Http.get("/ocpi/" + version, token(everything))))) {
                    assertTrue(
                            module.equals("credentials")
                                    || endpoints.stream()
                                            .anyMatch(e -> e.name().contains(version + " " + module)
                                                    || (version.equals("2.2.1")
                                                            && e.name().endsWith(" " + module))),
                            "the access matrix has no column for " + version + " " + module);
                }
            }
            CurrentTotp fresh = new CurrentTotp();
            // a value used once, then again on every endpoint: made when that caller's turn comes, so
            // that it is still within its slot (one second in this suite)
            String[] replayed = {null};

            Map<String, Function<Integer, Caller>> callers = new LinkedHashMap<>();
            callers.put("anonymous", i -> plain("X-Request-ID", "anonymous-" + i));
            callers.put("token A", i -> plain(token(tokenA)));
            callers.put("partner X", i -> plain(withTotp(x.token(), fresh.next())));
            callers.put("partner X, TOTP as Basic password", i -> plain(basic(x.token(), fresh.next())));
            callers.put("partner Y", i -> plain(token(y.token())));
            callers.put("partner Y over TLS", i -> new Caller(token(y.token()), noCertificate));
            callers.put("revoked", i -> plain(token(revoked.token())));
            callers.put("X without TOTP", i -> plain(token(x.token())));
            callers.put("X wrong TOTP", i -> plain(withTotp(x.token(), "AAAAAAAAAAAA")));
            // the second secret is time-bound, not a nonce: a busy partner sends one value many times (review M5)
            callers.put("X, the same TOTP again", i -> {
                if (replayed[0] == null) {
                    replayed[0] = fresh.next();
                    assertEquals(
                            200,
                            Http.get("/ocpi/versions", withTotp(x.token(), replayed[0]))
                                    .statusCode());
                }
                return plain(withTotp(x.token(), replayed[0]));
            });
            // bound to a TLS connection whose exporter material this platform cannot derive: refused, never
            // checked as an unbound value
            callers.put(
                    "X, TLS-bound TOTP",
                    i -> plain(new String[] {"Authorization", token(x.token())[1], "TOTP", "1 " + fresh.next()}));
            callers.put("partner W, its certificate", i -> new Caller(token(w.token()), wOwn));
            callers.put("W wrong certificate", i -> new Caller(token(w.token()), wOther));
            callers.put("W no certificate", i -> new Caller(token(w.token()), noCertificate));
            callers.put("W plain HTTP", i -> plain(token(w.token())));

            Map<String, int[]> expected = new LinkedHashMap<>();
            // versions, 2.2.1, 2.1.1, credentials, hubclientinfo, 2.2.1 and 2.1.1 locations, 2.2.1 and 2.1.1
            // tariffs, a 2.2.1 EVSE, a 2.1.1 location, 2.2.1 and 2.1.1 tokens of Y's party, a 2.2.1 token of
            // another party, 2.2.1 and 2.1.1 sessions, 2.2.1 and 2.1.1 cdrs, charging preferences of an unknown session
            // (404 to
            // a partner allowed sessions), 2.2.1 and 2.1.1 commands
            expected.put(
                    "anonymous",
                    ServerUnderTest.openData()
                            ? new int[] {
                                200, 200, 200, 401, 401, 200, 200, 200, 200, 200, 200, 401, 401, 401, 401, 401, 401,
                                401, 401, 401, 401
                            }
                            : new int[] {
                                401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401,
                                401, 401, 401, 401
                            });
            expected.put("token A", new int[] {
                200, 200, 200, 200, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401
            });
            expected.put("partner X", new int[] {
                200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403
            });
            expected.put("partner X, TOTP as Basic password", new int[] {
                200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403
            });
            expected.put("partner Y", new int[] {
                200, 200, 200, 200, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 200, 200, 404, 200
            });
            expected.put("partner Y over TLS", new int[] {
                200, 200, 200, 200, 403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 200, 200, 404, 200
            });
            expected.put("revoked", new int[] {
                401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401
            });
            expected.put("X without TOTP", new int[] {
                401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401
            });
            expected.put("X wrong TOTP", new int[] {
                401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401
            });
            expected.put("X, the same TOTP again", new int[] {
                200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403
            });
            expected.put("X, TLS-bound TOTP", new int[] {
                401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401
            });
            expected.put("partner W, its certificate", new int[] {
                200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403
            });
            expected.put("W wrong certificate", new int[] {
                401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401
            });
            expected.put("W no certificate", new int[] {
                401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401
            });
            expected.put("W plain HTTP", new int[] {
                401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401
            });

            List<String> wrong = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, Function<Integer, Caller>> entry : callers.entrySet()) {
                for (int e = 0; e < endpoints.size(); e++) {
                    Caller caller = entry.getValue().apply(i++);
                    HttpResponse<String> response = endpoints
                            .get(e)
                            .call()
                            .apply(caller.tls() == null ? Http.PLAIN : caller.tls(), caller.headers());
                    int want = expected.get(entry.getKey())[e];
                    JsonObject envelope = Http.json(response);
                    int code = envelope.getInt("status_code");
                    if (response.statusCode() != want || code != (want == 200 ? 1000 : 2000)) {
                        wrong.add(entry.getKey() + " × " + endpoints.get(e).name() + ": HTTP " + response.statusCode()
                                + " status_code " + code + ", expected " + want);
                    }
                    for (Registered other : List.of(x, y, revoked, w)) {
                        if (!entry.getKey().contains(other.name())
                                && response.body().contains(other.token())) {
                            wrong.add(
                                    entry.getKey() + " × " + endpoints.get(e).name() + " shows another party's token");
                        }
                    }
                    if (entry.getKey().equals("anonymous") && want == 200 && e == 1) {
                        assertEquals(
                                List.of("locations", "tariffs"),
                                OcpiRegistrationIT.identifiers(envelope),
                                "open data lists the open modules only, and no credentials");
                    }
                }
            }
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
            assertEquals(
                    y.token(),
                    Http.json(Http.get(CREDENTIALS, token(y.token())))
                            .getJsonObject("data")
                            .getString("token"));
        }
    }

    private static Caller plain(String... headers) {
        return new Caller(headers, null);
    }

    @Test
    void repeated_authentication_failures_of_a_partner_are_throttled() throws Exception {
        try (OcpiTestPartner partner = new OcpiTestPartner("DE", "AT1", "EMSP")) {
            Registered t = register("Throttled T", "[]", partner);
            assertEquals(
                    200,
                    Http.put(
                                    "/csms/api/admin/partners/" + t.id(),
                                    "{\"totpIncomingSecret\":\"" + SECRET + "\"}",
                                    Admin.bearer())
                            .statusCode());
            // the tests allow 80 failures per partner (csms.ocpi.max-auth-failures-per-partner): the access
            // matrix makes 63 for X on purpose
            for (int i = 0; i < 80; i++) {
                assertEquals(
                        401,
                        Http.get("/ocpi/versions", withTotp(t.token(), "WRONG" + i))
                                .statusCode());
            }
            HttpResponse<String> blocked = Http.get("/ocpi/versions", withTotp(t.token(), new CurrentTotp().next()));
            assertEquals(429, blocked.statusCode(), "even a right TOTP waits once the partner is blocked");
            assertEquals(2000, Http.json(blocked).getInt("status_code"));
            assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    void routing_headers_must_name_us_and_a_sender_the_partner_may_speak_for() throws Exception {
        try (OcpiTestPartner partner = new OcpiTestPartner("DE", "RT1", "HUB")) {
            Registered hub = register("Routing hub", "[\"hubclientinfo\"]", partner);
            String path = "/ocpi/2.2.1/hubclientinfo/FR/RC1";
            String body = clientInfo("FR", "RC1");
            HttpResponse<String> routed = Http.put(path, body, route(hub, "DE", "RT1", "NL", "CSM"));
            assertOcpi(200, 1000, routed);
            assertEquals(
                    "NL", routed.headers().firstValue("OCPI-from-country-code").orElse(null), "answered from us");
            assertEquals(
                    "CSM", routed.headers().firstValue("OCPI-from-party-id").orElse(null));
            assertEquals(
                    "DE", routed.headers().firstValue("OCPI-to-country-code").orElse(null), "to the sender");
            assertEquals("RT1", routed.headers().firstValue("OCPI-to-party-id").orElse(null));
            assertOcpi(200, 1000, Http.put(path, body, route(hub, "de", "rt1", "nl", "csm")));
            assertOcpi(200, 1000, Http.put(path, body, token(hub.token())), "no routing headers: a direct message");

            assertOcpi(400, 2001, Http.put(path, body, route(hub, "DE", "RT1", "NL", "ZZZ")), "for another party");
            assertOcpi(
                    400,
                    2001,
                    Http.put(path, body, token(hub.token())[0], token(hub.token())[1], "OCPI-to-party-id", "CSM"));
            assertOcpi(
                    400, 2001, Http.put(path, body, route(hub, "DEU", "RT1", "NL", "CSM")), "malformed country code");
            assertOcpi(
                    403,
                    2000,
                    Http.put(path, body, route(hub, "BE", "XX9", "NL", "CSM")),
                    "a party the hub never reported");
            // a hub speaks only for the parties the admin allowed it (review H7): reporting one is not enough
            assertOcpi(
                    200,
                    1000,
                    Http.put("/ocpi/2.2.1/hubclientinfo/BE/RL1", clientInfo("BE", "RL1"), token(hub.token())));
            assertOcpi(403, 2000, Http.put(path, body, route(hub, "BE", "RL1", "NL", "CSM")));
            assertEquals(
                    200,
                    Http.put(
                                    "/csms/api/admin/partners/" + hub.id(),
                                    "{\"hubClients\":[{\"countryCode\":\"BE\",\"partyId\":\"RL1\",\"role\":\"EMSP\"},"
                                            + "{\"countryCode\":\"DE\",\"partyId\":\"DY1\",\"role\":\"EMSP\"}]}",
                                    Admin.bearer())
                            .statusCode());
            assertOcpi(200, 1000, Http.put(path, body, route(hub, "BE", "RL1", "NL", "CSM")));
            // nor for a party another partner is, even when allowed
            try (OcpiTestPartner direct = new OcpiTestPartner("DE", "DY1", "EMSP")) {
                register("Direct Y", "[]", direct);
                assertOcpi(403, 2000, Http.put(path, body, route(hub, "DE", "DY1", "NL", "CSM")));
            }
            // nor for one it reports offline
            assertOcpi(
                    200,
                    1000,
                    Http.put(
                            "/ocpi/2.2.1/hubclientinfo/BE/RL1",
                            clientInfo("BE", "RL1").replace("CONNECTED", "OFFLINE"),
                            token(hub.token())));
            assertOcpi(403, 2000, Http.put(path, body, route(hub, "BE", "RL1", "NL", "CSM")));

            assertOcpi(
                    200,
                    1000,
                    Http.get(CREDENTIALS, route(hub, "BE", "XX9", "NL", "ZZZ")),
                    "configuration modules are not routed: their headers are ignored");
        }
    }

    @Test
    void failures_from_one_client_address_block_that_address_only() throws Exception {
        try (OcpiTestPartner partner = new OcpiTestPartner("DE", "AD1", "EMSP")) {
            Registered p = register("Address P", "[]", partner);
            String address = "127.0.0.7";
            // the tests allow 500 failures per address (csms.ocpi.max-auth-failures-per-address)
            for (int i = 0; i < 500; i++) {
                int status = Http.getFrom(address, "/ocpi/versions", "Authorization", "Token not-a-token-" + i)
                        .status();
                assertEquals(401, status, "attempt " + i);
            }
            Http.Answer blocked = Http.getFrom(address, "/ocpi/versions", token(p.token()));
            assertEquals(429, blocked.status(), "even a valid token waits on a blocked address");
            assertTrue(blocked.headers().containsKey("retry-after"));
            assertEquals(
                    200,
                    Http.getFrom("127.0.0.8", "/ocpi/versions", token(p.token()))
                            .status(),
                    "other addresses go on");
        }
    }

    @Test
    void anonymous_open_data_is_limited_per_client_address() {
        String address = "127.0.0.9";
        int expected = ServerUnderTest.openData() ? 200 : 401;
        // csms.ocpi.open-data.requests-per-minute: 60 by default
        for (int i = 0; i < 60; i++) {
            assertEquals(expected, Http.getFrom(address, "/ocpi/versions").status(), "request " + i);
        }
        if (ServerUnderTest.openData()) {
            Http.Answer limited = Http.getFrom(address, "/ocpi/versions");
            assertEquals(429, limited.status());
            assertTrue(limited.headers().containsKey("retry-after"));
            assertEquals(200, Http.getFrom("127.0.0.10", "/ocpi/versions").status(), "other addresses go on");
        }
    }

    private static String[] route(
            Registered caller, String fromCountry, String fromParty, String toCountry, String toParty) {
        String[] auth = token(caller.token());
        return new String[] {
            auth[0],
            auth[1],
            "OCPI-from-country-code",
            fromCountry,
            "OCPI-from-party-id",
            fromParty,
            "OCPI-to-country-code",
            toCountry,
            "OCPI-to-party-id",
            toParty
        };
    }

    record Registered(String name, long id, String token) {}

    /** Registers a partner the way it would: token A, then POST credentials from the test partner. */
    private static String stopSession(OcpiTestPartner partner, String version) {
        return jakarta.json.Json.createObjectBuilder()
                .add("response_url", partner.commandResultUrl(version, "STOP_SESSION/ACCESS"))
                .add("session_id", "999999999")
                .build()
                .toString();
    }

    static Registered register(String name, String modules, OcpiTestPartner partner) {
        JsonObject created = createPartner(name, modules, partner);
        HttpResponse<String> answer = Http.post(
                CREDENTIALS,
                partner.credentials(partner.newToken()).toString(),
                token(created.getString("registrationToken")));
        assertEquals(200, answer.statusCode(), answer.body());
        return new Registered(
                name.substring(name.length() - 1),
                created.getJsonObject("partner").getJsonNumber("id").longValue(),
                Http.json(answer).getJsonObject("data").getString("token"));
    }

    static String[] withTotp(String token, String totp) {
        String[] auth = token(token);
        return new String[] {auth[0], auth[1], "TOTP", "0 " + totp};
    }

    static String[] basic(String token, String totp) {
        return new String[] {
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString((token + ":" + totp).getBytes(StandardCharsets.UTF_8))
        };
    }

    /**
     * TOTP values of partner X's secret (one-second slots in the suite): the current one, as a busy
     * partner sends it on every request of its slot (the value is time-bound, not a nonce; the
     * server accepts the previous, current and next slot's).
     */
    static final class CurrentTotp {
        private final Totp totp = Totp.of(SECRET, 1, null, null, null);

        String next() {
            return totp.window(System.currentTimeMillis()).current();
        }
    }
}
