package io.csms.it;

import static io.csms.it.OcpiRegistrationIT.CREDENTIALS;
import static io.csms.it.OcpiRegistrationIT.assertOcpi;
import static io.csms.it.OcpiRegistrationIT.createPartner;
import static io.csms.it.OcpiRegistrationIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OCPI partners are who the admin said (review H7, M11), the handshake cannot be turned against us
 * (H8), a partner's requests come from its addresses only (perimeter), and no path makes the audit
 * trail fail (M13).
 */
@ExtendWith(ArquillianExtension.class)
class OcpiSecurityIT extends CsmsEar {

    /**
     * A body announced larger than the door reads (1 MiB) is refused before a byte of it is read, in
     * the door's error format: the request is sent with its headers only (review L12).
     */
    @Test
    void a_body_larger_than_a_mebibyte_is_refused_unread() throws Exception {
        String ocpi = headersOnly(CREDENTIALS, 1_100_000, "Authorization", token("anything")[1]);
        assertTrue(ocpi.startsWith("HTTP/1.1 413"), ocpi);
        assertTrue(ocpi.contains("\"status_code\":2001"), ocpi);
        String api = headersOnly("/csms/api/auth/signup", 1_100_000);
        assertTrue(api.startsWith("HTTP/1.1 413"), api);
        assertTrue(api.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), api);
    }

    /** Sends a POST's headers announcing {@code length} bytes and no body; returns the whole answer. */
    private static String headersOnly(String path, int length, String... headers) throws Exception {
        java.net.URI base = java.net.URI.create(ServerUnderTest.baseUrl());
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return answer(socket.getInputStream());
        }
    }

    /**
     * Reads one HTTP answer: its head, then a body of Content-Length bytes or chunks up to the last
     * one. The server may keep the connection open to swallow the body it refused, so the end of the
     * stream cannot mark the end of the answer.
     */
    private static String answer(java.io.InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        while (!read.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            read.write(b);
        }
        String head = read.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(head);
        if (length.find()) {
            read.write(in.readNBytes(Integer.parseInt(length.group(1))));
        } else if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            while (!read.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                read.write(b);
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_partner_registers_only_as_the_parties_the_admin_named_and_cannot_change_them() throws Exception {
        try (OcpiTestPartner impostor = new OcpiTestPartner("DE", "IM1", "EMSP");
                OcpiTestPartner partner = new OcpiTestPartner("DE", "PA1", "EMSP")) {
            // set up as DE*PA1; a registration as DE*IM1 is refused, and changes nothing
            String tokenA = createPartner("Named", "[]", partner).getString("registrationToken");
            assertOcpi(
                    400,
                    2001,
                    Http.post(
                            CREDENTIALS,
                            impostor.credentials(impostor.newToken()).toString(),
                            token(tokenA)));
            assertOcpi(200, 1000, Http.get(CREDENTIALS, token(tokenA)), "token A still works");
            HttpResponse<String> hub = Http.post(
                    CREDENTIALS,
                    Json.createObjectBuilder(partner.credentials(partner.newToken()))
                            .add(
                                    "roles",
                                    Json.createArrayBuilder()
                                            .add(Json.createObjectBuilder()
                                                    .add("role", "HUB")
                                                    .add("country_code", "DE")
                                                    .add("party_id", "PA1")
                                                    .add(
                                                            "business_details",
                                                            Json.createObjectBuilder()
                                                                    .add("name", "x"))))
                            .build()
                            .toString(),
                    token(tokenA));
            assertOcpi(400, 2001, hub, "a role the admin did not name (a self-declared hub)");

            HttpResponse<String> registered = Http.post(
                    CREDENTIALS, partner.credentials(partner.newToken()).toString(), token(tokenA));
            assertOcpi(200, 1000, registered);
            String tokenC = Http.json(registered).getJsonObject("data").getString("token");
            // a PUT naming another party is refused: country_code/party_id never change (seed 002)
            JsonObject other = Json.createObjectBuilder(partner.credentials(partner.newToken()))
                    .add(
                            "roles",
                            Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder()
                                            .add("role", "EMSP")
                                            .add("country_code", "DE")
                                            .add("party_id", "IM1")
                                            .add(
                                                    "business_details",
                                                    Json.createObjectBuilder().add("name", "x"))))
                    .build();
            assertOcpi(400, 2001, Http.put(CREDENTIALS, other.toString(), token(tokenC)));
            assertOcpi(200, 1000, Http.get(CREDENTIALS, token(tokenC)), "the partner keeps working as before");

            // a party belongs to one partner
            HttpResponse<String> again = Http.post(
                    "/csms/api/admin/partners",
                    "{\"name\":\"Twin\",\"parties\":[{\"countryCode\":\"de\",\"partyId\":\"pa1\",\"role\":\"EMSP\"}]}",
                    Admin.bearer());
            assertEquals(409, again.statusCode(), again.body());
            HttpResponse<String> none = Http.post("/csms/api/admin/partners", "{\"name\":\"Nobody\"}", Admin.bearer());
            assertEquals(400, none.statusCode(), "the admin must say who the partner is: " + none.body());
        }
    }

    @Test
    void a_token_a_expires() throws Exception {
        try (OcpiTestPartner partner = new OcpiTestPartner("DE", "EX1", "EMSP")) {
            JsonObject created = createPartner("Expiring", "[]", partner);
            String tokenA = created.getString("registrationToken");
            long id = created.getJsonObject("partner").getJsonNumber("id").longValue();
            Instant expires = Instant.parse(Checks.value(
                    "select to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from ocpi_credential"
                            + " where partner_id = ? and registration",
                    id));
            assertTrue(
                    Math.abs(Duration.between(Instant.now().plus(Duration.ofDays(7)), expires)
                                    .toMinutes())
                            < 5,
                    "valid for 7 days (csms.ocpi.registration-token-lifetime): " + expires);
            assertOcpi(200, 1000, Http.get("/ocpi/versions", token(tokenA)));
            // a week passes
            try (Connection c = Checks.connect();
                    PreparedStatement ps = c.prepareStatement(
                            "update ocpi_credential set expires_at = now() - interval '1 second' where partner_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            assertOcpi(401, 2000, Http.get("/ocpi/versions", token(tokenA)));
            assertOcpi(
                    401,
                    2000,
                    Http.post(
                            CREDENTIALS, partner.credentials(partner.newToken()).toString(), token(tokenA)));
        }
    }

    /**
     * A partner-supplied URL that answers without end (a tarpit) or with gigabytes costs us the
     * handshake's time limit (5 s in the tests) and a bounded read; the partner hears which step
     * failed, not what our client saw; and nobody else waits meanwhile.
     */
    @Test
    void the_handshake_is_bounded_in_time_and_size_and_echoes_no_internal_error() throws Exception {
        try (OcpiTestPartner tarpit = new OcpiTestPartner("DE", "TP1", "EMSP");
                OcpiTestPartner huge = new OcpiTestPartner("DE", "HG1", "EMSP");
                OcpiTestPartner bystander = new OcpiTestPartner("DE", "BY1", "EMSP")) {
            OcpiAccessIT.Registered other = OcpiAccessIT.register("Bystander B", "[]", bystander);
            tarpit.versionsDelayMillis = 20_000;
            String slowA = createPartner("Tarpit", "[]", tarpit).getString("registrationToken");
            long started = System.nanoTime();
            CompletableFuture<HttpResponse<String>> slow = Http.postAsync(
                    CREDENTIALS, tarpit.credentials(tarpit.newToken()).toString(), token(slowA));
            Thread.sleep(500);
            long before = System.nanoTime();
            assertOcpi(200, 1000, Http.get(CREDENTIALS, token(other.token())), "others are served meanwhile");
            assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(2), "without waiting for the tarpit");
            HttpResponse<String> answer = slow.get(30, TimeUnit.SECONDS);
            assertOcpi(200, 3001, answer);
            assertTrue(
                    System.nanoTime() - started < TimeUnit.SECONDS.toNanos(15),
                    "given up after the handshake's time limit");
            assertNoInternals(answer);

            huge.hugeVersions = true;
            String hugeA = createPartner("Huge", "[]", huge).getString("registrationToken");
            HttpResponse<String> big =
                    Http.post(CREDENTIALS, huge.credentials(huge.newToken()).toString(), token(hugeA));
            assertOcpi(200, 3001, big);
            assertNoInternals(big);
            assertTrue(
                    Checks.value(
                                            "select count(*) from audit_event where action = 'ocpi.credentials.register'"
                                                    + " and outcome = 'FAILURE' and detail like ?",
                                            "%larger than%")
                                    .compareTo("0")
                            > 0,
                    "what went wrong is in the audit trail");
        }
    }

    private static void assertNoInternals(HttpResponse<String> answer) {
        String message = Http.json(answer).getString("status_message");
        for (String internal : new String[] {"127.0.0.1", "Exception", "HTTP ", "localhost"}) {
            assertFalse(message.contains(internal), "the partner hears no internals: " + message);
        }
    }

    /** Seed 004: an optional allow-list of addresses per partner, checked right after its token names it. */
    @Test
    void a_partner_with_an_address_allow_list_is_served_from_those_addresses_only() throws Exception {
        try (OcpiTestPartner partner = new OcpiTestPartner("DE", "AL1", "EMSP")) {
            OcpiAccessIT.Registered p = OcpiAccessIT.register("Allowed L", "[]", partner);
            assertEquals(
                    400,
                    Http.put(
                                    "/csms/api/admin/partners/" + p.id(),
                                    "{\"allowedAddresses\":\"not-a-range\"}",
                                    Admin.bearer())
                            .statusCode());
            assertEquals(
                    200,
                    Http.put(
                                    "/csms/api/admin/partners/" + p.id(),
                                    "{\"allowedAddresses\":\"127.0.0.42/32, 10.0.0.0/8\"}",
                                    Admin.bearer())
                            .statusCode());
            String[] auth = token(p.token());
            assertEquals(200, Http.getFrom("127.0.0.42", CREDENTIALS, auth).status());
            assertEquals(403, Http.getFrom("127.0.0.43", CREDENTIALS, auth).status());
            assertEquals(
                    "1",
                    Checks.value(
                            "select count(*) from audit_event where action = 'ocpi.access' and detail = 'address not allowed'"
                                    + " and client_address = ?",
                            "127.0.0.43"));
            Http.put("/csms/api/admin/partners/" + p.id(), "{\"allowedAddresses\":\"\"}", Admin.bearer());
            assertEquals(200, Http.getFrom("127.0.0.43", CREDENTIALS, auth).status(), "\"\" removes the list");
        }
    }

    /** A path longer than the audit column (matrix parameters) is audited like any other (review M13). */
    @Test
    void an_over_long_path_is_refused_and_audited_not_a_server_error() throws Exception {
        String path = CREDENTIALS + ";" + "a".repeat(400);
        Http.Answer refused = Http.getFrom("127.0.0.44", path, "Authorization", "Token not-a-token-" + "x".repeat(300));
        assertEquals(401, refused.status());
        assertEquals(
                "2.2.1/credentials",
                Checks.value(
                        "select target from audit_event where action = 'ocpi.authenticate' and client_address = ?",
                        "127.0.0.44"),
                "the module is audited, not the path the caller chose");
    }
}
