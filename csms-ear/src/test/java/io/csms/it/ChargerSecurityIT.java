package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may open an OCPP connection (security profile 1), and the operator API that registers chargers. */
@ExtendWith(ArquillianExtension.class)
class ChargerSecurityIT extends CsmsEar {

    @Test
    void an_unknown_charger_is_refused_with_404_before_the_upgrade() throws SQLException {
        assertEquals(404, status("CP-NOBODY", "CP-NOBODY", "0123456789abcdef"));
        assertTrue(audited("CP-NOBODY", "Unknown"), "refusal is in the audit trail");
    }

    @Test
    void profile_1_needs_the_chargers_own_authorization_key() {
        String key = Admin.registerCharger("CP-SP1");
        assertEquals(401, status("CP-SP1", null, null), "no credentials");
        assertEquals(401, status("CP-SP1", "CP-SP1", key + "x"), "wrong key");
        assertEquals(401, status("CP-SP1", "CP-OTHER", key), "another charger's name");
        assertEquals(101, status("CP-SP1", "CP-SP1", key));
    }

    /** A connection opened with credentials that are no longer valid does not outlive them (review M4). */
    @Test
    void a_live_connection_ends_when_its_credentials_change_or_its_charger_is_deleted() {
        String key = Admin.registerCharger("CP-LIVE-REKEY");
        try (OcppClient cp = OcppClient.connect("CP-LIVE-REKEY", "CP-LIVE-REKEY", key)) {
            assertEquals(
                    200,
                    Http.put(
                                    "/csms/api/admin/chargers/CP-LIVE-REKEY",
                                    Json.createObjectBuilder()
                                            .add("id", "CP-LIVE-REKEY")
                                            .add("securityProfile", 1)
                                            .add("authorizationKey", "another-key-0123456789")
                                            .build()
                                            .toString(),
                                    Admin.bearer())
                            .statusCode());
            assertEquals(1008, cp.closedWith(), "closed: policy violation");
        }
        try (OcppClient cp = OcppClient.connect("CP-LIVE-REKEY", "CP-LIVE-REKEY", "another-key-0123456789")) {
            assertEquals(
                    204,
                    Http.delete("/csms/api/admin/chargers/CP-LIVE-REKEY", Admin.bearer())
                            .statusCode());
            assertEquals(1008, cp.closedWith());
        }
    }

    /** Handshakes are checked against credentials held in memory: every change must apply at once. */
    @Test
    void a_new_key_a_new_profile_or_a_deletion_applies_from_the_next_handshake() throws java.sql.SQLException {
        String old = Admin.registerCharger("CP-REKEY");
        assertEquals(101, status("CP-REKEY", "CP-REKEY", old));

        String key = "fedcba9876543210NEW";
        assertEquals(
                200,
                Http.put(
                                "/csms/api/admin/chargers/CP-REKEY",
                                Json.createObjectBuilder()
                                        .add("id", "CP-REKEY")
                                        .add("securityProfile", 1)
                                        .add("authorizationKey", key)
                                        .build()
                                        .toString(),
                                Admin.bearer())
                        .statusCode());
        assertEquals(401, status("CP-REKEY", "CP-REKEY", old), "the old key no longer opens");
        assertEquals(101, status("CP-REKEY", "CP-REKEY", key));

        assertEquals(
                200,
                Http.put(
                                "/csms/api/admin/chargers/CP-REKEY",
                                Json.createObjectBuilder()
                                        .add("id", "CP-REKEY")
                                        .add("securityProfile", 2)
                                        .add("authorizationKey", key)
                                        .build()
                                        .toString(),
                                Admin.bearer())
                        .statusCode());
        assertEquals(403, status("CP-REKEY", "CP-REKEY", key), "profile 2 now: TLS required");
        String audited = Checks.value(
                "select detail from audit_event where action = 'charger.update' and target = ? order by id desc limit 1",
                "CP-REKEY");
        assertTrue(
                audited.contains("before: securityProfile=1") && audited.contains("after: securityProfile=2"),
                "a downgrade or upgrade shows in the audit trail: " + audited);
        assertFalse(audited.contains(key), "never the key itself");

        assertEquals(
                204,
                Http.delete("/csms/api/admin/chargers/CP-REKEY", Admin.bearer()).statusCode());
        assertEquals(404, status("CP-REKEY", "CP-REKEY", key), "deleted: unknown");
    }

    @Test
    void a_charger_set_to_hex_keys_may_send_its_key_hex_encoded() {
        String key = "0123456789ABCDEFghij";
        HttpResponse<String> created = Http.post(
                "/csms/api/admin/chargers",
                Json.createObjectBuilder()
                        .add("id", "CP-HEX")
                        .add("securityProfile", 1)
                        .add("authorizationKey", key)
                        .add("authorizationKeyHex", true)
                        .build()
                        .toString(),
                Admin.bearer());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(101, status("CP-HEX", "CP-HEX", HexFormat.of().formatHex(key.getBytes())));
        assertEquals(101, status("CP-HEX", "CP-HEX", key));
    }

    @Test
    void a_profile_2_charger_arriving_without_tls_is_refused() {
        HttpResponse<String> created = Http.post(
                "/csms/api/admin/chargers",
                Json.createObjectBuilder()
                        .add("id", "CP-SP2")
                        .add("securityProfile", 2)
                        .add("authorizationKey", "0123456789abcdefXYZ")
                        .build()
                        .toString(),
                Admin.bearer());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(403, status("CP-SP2", "CP-SP2", "0123456789abcdefXYZ"));
    }

    @Test
    void the_authorization_key_is_stored_only_as_a_hash() throws SQLException {
        String key = Admin.registerCharger("CP-HASHED");
        try (Connection c = Checks.connect();
                PreparedStatement ps = c.prepareStatement("select authorization_key from charger where id = ?")) {
            ps.setString(1, "CP-HASHED");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(rs.getString(1).contains(key));
                assertTrue(rs.getString(1).startsWith("sha256$"));
            }
        }
        HttpResponse<String> view = Http.get("/csms/api/admin/chargers/CP-HASHED", Admin.bearer());
        assertEquals(200, view.statusCode());
        assertFalse(view.body().contains(key), "the API never shows the key");
    }

    @Test
    void registering_chargers_is_for_admins_and_validates_its_input() {
        String body = Json.createObjectBuilder()
                .add("id", "CP-X1")
                .add("securityProfile", 1)
                .add("authorizationKey", "0123456789abcdef")
                .build()
                .toString();
        assertEquals(401, Http.post("/csms/api/admin/chargers", body).statusCode());
        assertEquals(
                403,
                Http.post("/csms/api/admin/chargers", body, "Authorization", "Bearer " + Tokens.valid("driver", "user"))
                        .statusCode());

        HttpResponse<String> invalid = Http.post(
                "/csms/api/admin/chargers",
                Json.createObjectBuilder()
                        .add("id", "has/slash")
                        .add("securityProfile", 4)
                        .add("authorizationKey", "short")
                        .build()
                        .toString(),
                Admin.bearer());
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertTrue(invalid.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = Http.json(invalid);
        assertEquals(3, problem.getJsonArray("errors").size(), problem.toString());

        assertEquals(
                201, Http.post("/csms/api/admin/chargers", body, Admin.bearer()).statusCode());
        HttpResponse<String> again = Http.post("/csms/api/admin/chargers", body, Admin.bearer());
        assertEquals(409, again.statusCode(), again.body());

        assertEquals(
                204,
                Http.delete("/csms/api/admin/chargers/CP-X1", Admin.bearer()).statusCode());
        assertEquals(
                404, Http.get("/csms/api/admin/chargers/CP-X1", Admin.bearer()).statusCode());
    }

    private static int status(String chargerId, String user, String password) {
        if (user == null) {
            return OcppClient.refusedStatus(chargerId, "ocpp1.6");
        }
        return OcppClient.refusedStatus(chargerId, user, password);
    }

    private static boolean audited(String chargerId, String reason) throws SQLException {
        try (Connection c = Checks.connect();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*) from audit_event where actor_id = ? and action = 'ocpp.connect' and outcome = 'DENIED' and detail = ?")) {
            ps.setString(1, chargerId);
            ps.setString(2, reason);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
