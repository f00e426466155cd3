package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CSMS-initiated operations through the operator API, answered by a simulated charger. */
@ExtendWith(ArquillianExtension.class)
class RemoteOperationsIT extends CsmsEar {

    private static final String OPERATIONS = "/csms/api/admin/chargers/%s/operations/%s";

    @Test
    void TC_013_hard_reset_the_charger_answers_and_the_operator_sees_its_answer() {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-RESET")) {
            CompletableFuture<HttpResponse<String>> pending =
                    Http.postAsync(OPERATIONS.formatted("CP-RESET", "Reset"), "{\"type\":\"Hard\"}", Admin.bearer());
            JsonArray call = cp.next();
            assertEquals(2, call.getInt(0));
            assertEquals("Reset", call.getString(2));
            OcppSchemas.assertValid("Reset", "req", call.getJsonObject(3));
            assertEquals("Hard", call.getJsonObject(3).getString("type"));
            cp.reply(call, Json.createObjectBuilder().add("status", "Accepted").build());

            HttpResponse<String> answer = pending.join();
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("Accepted", Http.json(answer).getString("status"));
        }
    }

    /** Each operator operation is in the audit trail, with who, what and the outcome, and no secret (review M3). */
    @Test
    void operator_operations_are_audited_with_their_secrets_masked() throws SQLException {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-AUDITED")) {
            CompletableFuture<HttpResponse<String>> pending = Http.postAsync(
                    OPERATIONS.formatted("CP-AUDITED", "ChangeConfiguration"),
                    "{\"key\":\"AuthorizationKey\",\"value\":\"new-secret-key-0123456789\"}",
                    Admin.bearer());
            JsonArray call = cp.next();
            assertEquals("ChangeConfiguration", call.getString(2));
            cp.reply(call, Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals(200, pending.join().statusCode());
        }
        String audited = Checks.value(
                "select actor_id || ' ' || outcome || ' ' || detail from audit_event"
                        + " where action = 'ocpp.operation.ChangeConfiguration' and target = ?",
                "CP-AUDITED");
        assertTrue(audited.startsWith("ops") && audited.contains(" SUCCESS ChangeConfiguration "), audited);
        assertTrue(audited.contains("AuthorizationKey") && audited.contains("***"), audited);
        assertFalse(audited.contains("new-secret-key"), "the new key is not in the audit trail");
    }

    @Test
    void calls_to_one_charger_go_one_at_a_time_in_order() throws InterruptedException {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-ORDER")) {
            CompletableFuture<HttpResponse<String>> first =
                    Http.postAsync(OPERATIONS.formatted("CP-ORDER", "ClearCache"), "{}", Admin.bearer());
            JsonArray clearCache = cp.next();
            CompletableFuture<HttpResponse<String>> second = Http.postAsync(
                    OPERATIONS.formatted("CP-ORDER", "GetConfiguration"),
                    "{\"key\":[\"HeartbeatInterval\"]}",
                    Admin.bearer());
            assertNull(cp.poll(Duration.ofSeconds(1)), "no second CALL while the first is outstanding");

            cp.reply(
                    clearCache,
                    Json.createObjectBuilder().add("status", "Accepted").build());
            JsonArray getConfiguration = cp.next();
            assertEquals("GetConfiguration", getConfiguration.getString(2));
            OcppSchemas.assertValid("GetConfiguration", "req", getConfiguration.getJsonObject(3));
            cp.reply(
                    getConfiguration,
                    Json.createObjectBuilder()
                            .add(
                                    "configurationKey",
                                    Json.createArrayBuilder()
                                            .add(Json.createObjectBuilder()
                                                    .add("key", "HeartbeatInterval")
                                                    .add("readonly", false)
                                                    .add("value", "300")))
                            .build());

            assertEquals(200, first.join().statusCode());
            JsonObject configuration = Http.json(second.join());
            assertEquals(
                    "300",
                    configuration
                            .getJsonArray("configurationKey")
                            .getJsonObject(0)
                            .getString("value"));
        }
    }

    @Test
    void the_operator_learns_when_a_charger_refuses_times_out_or_is_offline() {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-FAILS")) {
            CompletableFuture<HttpResponse<String>> refused = Http.postAsync(
                    OPERATIONS.formatted("CP-FAILS", "ReserveNow"),
                    "{\"connectorId\":1,\"expiryDate\":\"2026-11-21T12:00:00Z\",\"idTag\":\"TAG\",\"reservationId\":1}",
                    Admin.bearer());
            JsonArray reserve = cp.next();
            cp.sendRaw(Json.createArrayBuilder()
                    .add(4)
                    .add(reserve.getString(1))
                    .add("NotSupported")
                    .add("no reservations")
                    .add(Json.createObjectBuilder())
                    .build()
                    .toString());
            assertProblem(refused.join(), 502, "charger-callerror");

            // the charger stays silent: csms.ocpp.call-timeout is 3 s in the tests
            HttpResponse<String> silent =
                    Http.post(OPERATIONS.formatted("CP-FAILS", "ClearCache"), "{}", Admin.bearer());
            cp.next();
            assertProblem(silent, 504, "charger-timeout");
        }
        Admin.registerCharger("CP-NEVER-CONNECTED");
        assertProblem(
                Http.post(OPERATIONS.formatted("CP-NEVER-CONNECTED", "ClearCache"), "{}", Admin.bearer()),
                503,
                "charger-offline");
    }

    /**
     * OCPP 1.6 chargers boot when they boot, not when their connection comes back (after a network
     * blip or a CSMS restart): one whose registration is Accepted is served at once (review H6); one
     * an operator rejected is sent nothing, and its connection ends.
     */
    @Test
    void an_accepted_charger_that_reconnects_without_booting_can_be_commanded_at_once() throws Exception {
        String key = Admin.registerCharger("CP-NOBOOT");
        try (OcppClient cp = OcppClient.connect("CP-NOBOOT", "CP-NOBOOT", key)) {
            var answer = Http.postAsync(OPERATIONS.formatted("CP-NOBOOT", "ClearCache"), "{}", Admin.bearer());
            JsonArray call = cp.next();
            assertEquals("ClearCache", call.getString(2));
            cp.reply(call, Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals(200, answer.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(
                    200,
                    Http.put(
                                    "/csms/api/admin/chargers/CP-NOBOOT/registration-status",
                                    "{\"status\":\"Rejected\"}",
                                    Admin.bearer())
                            .statusCode());
            assertEquals(1008, cp.closedWith(), "a rejected charger's connection ends");
        }
        try (OcppClient cp = OcppClient.connect("CP-NOBOOT", "CP-NOBOOT", key)) {
            assertProblem(
                    Http.post(OPERATIONS.formatted("CP-NOBOOT", "ClearCache"), "{}", Admin.bearer()),
                    503,
                    "charger-offline");
            assertNull(cp.poll(Duration.ofMillis(500)), "nothing is sent to a rejected charger");
        }
    }

    @Test
    void invalid_operations_are_refused_before_anything_is_sent() throws InterruptedException {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-INVALID-OPS")) {
            assertProblem(
                    Http.post(OPERATIONS.formatted("CP-INVALID-OPS", "Reset"), "{\"type\":\"Gentle\"}", Admin.bearer()),
                    400,
                    "invalid-ocpp-payload");
            assertProblem(
                    Http.post(OPERATIONS.formatted("CP-INVALID-OPS", "Reset"), "{}", Admin.bearer()),
                    400,
                    "invalid-ocpp-payload");
            assertProblem(
                    Http.post(OPERATIONS.formatted("CP-INVALID-OPS", "BootNotification"), "{}", Admin.bearer()),
                    404,
                    "unknown-operation");
            assertProblem(
                    Http.post(OPERATIONS.formatted("CP-NO-SUCH", "Reset"), "{\"type\":\"Soft\"}", Admin.bearer()),
                    404,
                    "unknown-charger");
            assertEquals(
                    403,
                    Http.post(
                                    OPERATIONS.formatted("CP-INVALID-OPS", "Reset"),
                                    "{\"type\":\"Soft\"}",
                                    "Authorization",
                                    "Bearer " + Tokens.valid("driver", "user"))
                            .statusCode());
            assertNull(cp.poll(Duration.ofMillis(500)), "the charger received nothing");
        }
    }

    @Test
    void a_second_connection_with_the_same_id_replaces_the_first() throws SQLException {
        String key = Admin.registerCharger("CP-TWICE");
        OcppClient first = OcppClient.connect("CP-TWICE", "CP-TWICE", key);
        try (OcppClient second = OcppClient.connect("CP-TWICE", "CP-TWICE", key)) {
            assertEquals(1000, first.closedWith(), "the old socket is closed cleanly");
            JsonArray heartbeat =
                    second.call("Heartbeat", Json.createObjectBuilder().build());
            assertEquals(3, heartbeat.getInt(0));
            assertTrue(shownOnline("CP-TWICE"), "the operator sees it online at once");
            assertTrue(becomes("CP-TWICE", true, 5000), "still online through the new connection");
        }
        assertTrue(becomes("CP-TWICE", false, 5000), "offline once its last connection closed");
        assertFalse(shownOnline("CP-TWICE"), "and the operator sees it offline");
    }

    @Test
    void a_charger_that_answers_no_pings_is_disconnected_and_shown_offline() throws Exception {
        String key = Admin.registerCharger("CP-DEAD");
        // a raw socket: it completes the handshake, then never reads again, so it answers no ping
        try (java.net.Socket socket = new java.net.Socket(
                "localhost", java.net.URI.create(ServerUnderTest.baseUrl()).getPort())) {
            socket.setSoTimeout(15000);
            String basic = java.util.Base64.getEncoder().encodeToString(("CP-DEAD:" + key).getBytes());
            socket.getOutputStream()
                    .write(("GET /csms/ocpp/CP-DEAD HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                                    + "Sec-WebSocket-Protocol: ocpp1.6\r\nAuthorization: Basic " + basic + "\r\n\r\n")
                            .getBytes());
            byte[] head = new byte[12];
            socket.getInputStream().readNBytes(head, 0, 12);
            assertEquals("HTTP/1.1 101", new String(head));
            assertTrue(becomes("CP-DEAD", true, 5000), "online once connected");
            assertTrue(
                    becomes("CP-DEAD", false, 12000),
                    "closed as dead within 12 s (pings every 2 s, 5 s of silence allowed)");
        }
    }

    /** Whether the operator API shows the charger online (this node's live view). */
    private static boolean shownOnline(String chargerId) {
        HttpResponse<String> charger = Http.get("/csms/api/admin/chargers/" + chargerId, Admin.bearer());
        assertEquals(200, charger.statusCode(), charger.body());
        return Http.json(charger).getBoolean("online");
    }

    /** Whether the charger's stored online flag reaches {@code online} within {@code millis}. */
    private static boolean becomes(String chargerId, boolean online, long millis) throws SQLException {
        long deadline = System.currentTimeMillis() + millis;
        while (online(chargerId) != online) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            sleepBriefly();
        }
        return true;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean online(String chargerId) throws SQLException {
        try (Connection c = Checks.connect();
                PreparedStatement ps = c.prepareStatement("select online from charger where id = ?")) {
            ps.setString(1, chargerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        assertTrue(Http.json(response).getString("type").endsWith("/" + type), response.body());
    }
}
