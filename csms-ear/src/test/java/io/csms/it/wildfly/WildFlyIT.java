package io.csms.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.csms.it.Admin;
import io.csms.it.Checks;
import io.csms.it.CsmsEar;
import io.csms.it.Http;
import io.csms.it.OcppClient;
import io.csms.it.OcppSchemas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same EAR, unchanged, on WildFly: health, a database round trip and an OCPP handshake. */
@ExtendWith(ArquillianExtension.class)
class WildFlyIT extends CsmsEar {

    @Test
    void health_is_live_and_ready_once_the_schema_is_migrated() {
        Checks.healthIsUp();
    }

    @Test
    void the_api_document_is_served() {
        Checks.apiDocumentIsServed();
    }

    @Test
    void the_connection_pool_has_the_size_configured_from_outside() throws Exception {
        Checks.poolHasConfiguredSize();
    }

    @Test
    void a_charger_boots_over_ocpp_and_is_stored_in_postgresql() throws SQLException {
        Checks.chargerBootsAndIsStored("CP-WILDFLY-1");
    }

    @Test
    void ocpi_open_data_is_off_unless_the_operator_switches_it_on() {
        HttpResponse<String> anonymous = Http.get("/ocpi/versions");
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals(2000, Http.json(anonymous).getInt("status_code"));
    }

    /** The WildFly run has {@code csms.ocpp.unknown-chargers=pending} (Payara's keeps the default, reject: 404). */
    @Test
    void an_unknown_charger_is_pending_until_an_admin_accepts_it() {
        String id = "CP-WF-NEWCOMER";
        JsonObject boot = Json.createObjectBuilder()
                .add("chargePointVendor", "VendorX")
                .add("chargePointModel", "ModelZ")
                .build();
        try (OcppClient charger = OcppClient.connect(id)) {
            JsonObject pending = charger.call("BootNotification", boot).getJsonObject(2);
            OcppSchemas.assertValid("BootNotification", "conf", pending);
            assertEquals("Pending", pending.getString("status"));
            JsonObject listed = Http.json(Http.get("/csms/api/admin/chargers/" + id, Admin.bearer()));
            assertEquals(
                    "Pending", listed.getString("registrationStatus"), "the admin sees it, waiting for a decision");
            assertEquals("ModelZ", listed.getString("model"));
            HttpResponse<String> call =
                    Http.post("/csms/api/admin/chargers/" + id + "/operations/GetConfiguration", "{}", Admin.bearer());
            assertEquals(503, call.statusCode(), "no CALL to a charger that is not accepted: " + call.body());

            HttpResponse<String> accepted = Http.put(
                    "/csms/api/admin/chargers/" + id + "/registration-status",
                    "{\"status\":\"Accepted\"}",
                    Admin.bearer());
            assertEquals(200, accepted.statusCode(), accepted.body());
            assertEquals(
                    "Accepted",
                    charger.call("BootNotification", boot).getJsonObject(2).getString("status"),
                    "accepted at its next boot");
        }
    }

    @Test
    void ocpp_handshake_without_subprotocol_ocpp16_is_refused() {
        assertEquals(400, OcppClient.refusedStatus("CP-NOPROTO"));
    }
}
