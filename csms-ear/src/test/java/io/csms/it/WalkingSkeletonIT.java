package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every door of the EAR answers on Payara Server, backed by PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class WalkingSkeletonIT extends CsmsEar {

    @Test
    void health_is_live_and_ready_once_the_schema_is_migrated() {
        Checks.healthIsUp();
        // on Payara the server's own MicroProfile Health endpoint also carries the application's checks
        JsonObject ready = Http.json(Http.get(ServerUnderTest.healthUrl() + "/ready"));
        assertEquals(
                Checks.latestMigration(),
                Checks.check(ready, "database").getJsonObject("data").getString("schema"));
    }

    @Test
    void the_connection_pool_has_the_size_configured_from_outside() throws Exception {
        Checks.poolHasConfiguredSize();
    }

    @Test
    void migrations_created_the_baseline_schema() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection c = Checks.connect();
                ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertTrue(
                tables.containsAll(Set.of(
                        "charger",
                        "connector",
                        "connector_status",
                        "id_tag",
                        "account",
                        "vehicle",
                        "charging_transaction",
                        "meter_value",
                        "ocpi_partner",
                        "ocpi_credential",
                        "audit_event")),
                tables.toString());
    }

    @Test
    void ocpp_handshake_without_subprotocol_ocpp16_is_refused_before_the_upgrade() {
        assertEquals(400, OcppClient.refusedStatus("CP-NOPROTO"));
        assertEquals(400, OcppClient.refusedStatus("CP-NOPROTO", "ocpp2.0.1"));
    }

    @Test
    void boot_notification_and_heartbeat_are_answered_and_the_charger_is_stored() throws SQLException {
        Checks.chargerBootsAndIsStored("CP-PAYARA-1");
    }

    @Test
    void a_malformed_frame_gets_a_call_error_and_the_connection_stays_usable() throws InterruptedException {
        String key = Admin.registerCharger("CP-BAD-FRAMES");
        try (OcppClient charger = OcppClient.connect("CP-BAD-FRAMES", "CP-BAD-FRAMES", key)) {
            charger.sendRaw("[2,\"m-1\",\"Heartbeat\",{]");
            JsonArray error = charger.next();
            assertEquals(4, error.getInt(0));
            assertEquals("m-1", error.getString(1));
            assertEquals("FormationViolation", error.getString(2));

            charger.sendRaw("[2,\"m-2\",\"Heartbeat\"]");
            JsonArray shape = charger.next();
            assertEquals(
                    "m-2|FormationViolation", shape.getString(1) + "|" + shape.getString(2), "a CALL without payload");

            charger.sendRaw("[7,\"m-3\",\"Heartbeat\",{}]");
            JsonArray type = charger.next();
            assertEquals("m-3|ProtocolError", type.getString(1) + "|" + type.getString(2), "an unknown message type");

            charger.sendRaw("{\"not\":\"a frame\"}");
            assertNull(charger.poll(Duration.ofSeconds(1)), "a frame without message id is dropped, not answered");

            JsonArray unknown =
                    charger.call("MakeCoffee", Json.createObjectBuilder().build());
            assertEquals(4, unknown.getInt(0));
            assertEquals("NotImplemented", unknown.getString(2));

            JsonArray heartbeat =
                    charger.call("Heartbeat", Json.createObjectBuilder().build());
            assertEquals(3, heartbeat.getInt(0), "still usable: " + heartbeat);
        }
    }

    @Test
    void the_api_answers_only_a_valid_bearer_token() {
        assertEquals(401, Http.get("/csms/api/me").statusCode());
        assertEquals(
                401,
                Http.get("/csms/api/me", "Authorization", "Bearer " + Tokens.expired("alice", "user"))
                        .statusCode());
        assertEquals(
                401,
                Http.get("/csms/api/me", "Authorization", "Bearer " + Tokens.signedByAnotherKey("alice", "user"))
                        .statusCode());
        assertEquals(
                401,
                Http.get("/csms/api/me", "Authorization", "Bearer " + Tokens.wrongIssuer("alice", "user"))
                        .statusCode());
        assertEquals(
                401,
                Http.get("/csms/api/me", "Authorization", "Bearer not.a.token").statusCode());

        HttpResponse<String> me = Http.get("/csms/api/me", "Authorization", "Bearer " + Tokens.valid("alice", "user"));
        assertEquals(200, me.statusCode(), me.body());
        JsonObject body = Http.json(me);
        assertEquals("alice", body.getString("subject"));
        assertEquals(Json.createArrayBuilder().add("user").build(), body.getJsonArray("roles"));
    }

    @Test
    void ocpi_versions_answers_with_an_ocpi_221_envelope() {
        HttpResponse<String> anonymous = Http.get("/ocpi/versions");
        // the Payara tests switch open data on (csms.ocpi.open-data); WildFlyIT checks that it is off by default
        assertEquals(ServerUnderTest.openData() ? 200 : 401, anonymous.statusCode(), anonymous.body());
        assertEquals(
                ServerUnderTest.openData() ? 1000 : 2000, Http.json(anonymous).getInt("status_code"));
        String tokenA = OcpiRegistrationIT.createPartner("Walking skeleton", "[]", "DE", "WS1", "EMSP")
                .getString("registrationToken");
        HttpResponse<String> response = Http.get("/ocpi/versions", OcpiRegistrationIT.token(tokenA));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject envelope = Http.json(response);
        assertEquals(1000, envelope.getInt("status_code"));
        assertTrue(Math.abs(Instant.parse(envelope.getString("timestamp")).getEpochSecond()
                        - Instant.now().getEpochSecond())
                < 60);
        JsonObject version = envelope.getJsonArray("data").getJsonObject(0);
        assertEquals("2.2.1", version.getString("version"));
        assertEquals(ServerUnderTest.baseUrl() + "/ocpi/2.2.1", version.getString("url"));
    }

    @Test
    void the_console_renders_through_jsf_and_asks_for_a_login_first() throws SQLException {
        Checks.chargerBootsAndIsStored("CP-CONSOLE-1");
        HttpResponse<String> page = Http.get("/ocpi/admin/index.xhtml");
        assertEquals(302, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/ocpi/admin/login.xhtml"));
        HttpResponse<String> login = Http.get("/ocpi/admin/login.xhtml");
        assertEquals(200, login.statusCode(), login.body());
        assertTrue(login.body().contains("<title>Log in · CSMS console</title>"), login.body());
        assertTrue(login.body().contains("jakarta.faces.ViewState"), "a Faces form");
    }
}
