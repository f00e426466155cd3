package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What operators see of and decide about a charger through the admin API. */
@ExtendWith(ArquillianExtension.class)
class ChargerAdministrationIT extends CsmsEar {

    private static final String BASE = "/csms/api/admin/chargers/";

    @Test
    void a_pending_charger_is_answered_pending_and_gets_no_calls_until_an_admin_accepts_it() {
        String key = Admin.registerCharger("CP-PENDING");
        assertEquals(
                200,
                Http.put(BASE + "CP-PENDING/registration-status", "{\"status\":\"Pending\"}", Admin.bearer())
                        .statusCode());
        try (OcppClient cp = OcppClient.connect("CP-PENDING", "CP-PENDING", key)) {
            JsonObject boot = ChargingSessionIT.confOf(
                    cp,
                    "BootNotification",
                    Json.createObjectBuilder()
                            .add("chargePointVendor", "V")
                            .add("chargePointModel", "M")
                            .build());
            assertEquals("Pending", boot.getString("status"));
            assertEquals(
                    503,
                    Http.post(BASE + "CP-PENDING/operations/ClearCache", "{}", Admin.bearer())
                            .statusCode());

            HttpResponse<String> accepted =
                    Http.put(BASE + "CP-PENDING/registration-status", "{\"status\":\"Accepted\"}", Admin.bearer());
            assertEquals("Accepted", Http.json(accepted).getString("registrationStatus"));
            assertEquals(
                    "Accepted",
                    ChargingSessionIT.confOf(
                                    cp,
                                    "BootNotification",
                                    Json.createObjectBuilder()
                                            .add("chargePointVendor", "V")
                                            .add("chargePointModel", "M")
                                            .build())
                            .getString("status"));
        }
        assertEquals(
                400,
                Http.put(BASE + "CP-PENDING/registration-status", "{\"status\":\"Maybe\"}", Admin.bearer())
                        .statusCode());
        assertEquals(
                404,
                Http.put(BASE + "CP-NOBODY/registration-status", "{\"status\":\"Accepted\"}", Admin.bearer())
                        .statusCode());
    }

    @Test
    void operators_see_connectors_transactions_and_security_events() {
        String tag = ChargingSessionIT.idTag("TAG-ADMINVIEW", "Accepted");
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-VIEW")) {
            ChargingSessionIT.confOf(
                    cp,
                    "StatusNotification",
                    Json.createObjectBuilder()
                            .add("connectorId", 2)
                            .add("errorCode", "NoError")
                            .add("status", "Charging")
                            .build());
            int tx = ChargingSessionIT.confOf(
                            cp,
                            "StartTransaction",
                            Json.createObjectBuilder()
                                    .add("connectorId", 2)
                                    .add("idTag", tag)
                                    .add("meterStart", 100)
                                    .add("timestamp", "2026-11-21T10:00:00Z")
                                    .build())
                    .getInt("transactionId");
            ChargingSessionIT.confOf(
                    cp,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", tx)
                            .add("meterStop", 1100)
                            .add("timestamp", "2026-11-21T11:00:00Z")
                            .build());
            ChargingSessionIT.confOf(
                    cp,
                    "SecurityEventNotification",
                    Json.createObjectBuilder()
                            .add("type", "TamperDetectionActivated")
                            .add("timestamp", "2026-11-21T10:30:00Z")
                            .build());
        }
        JsonArray connectors = Json.createReader(new java.io.StringReader(
                        Http.get(BASE + "CP-VIEW/connectors", Admin.bearer()).body()))
                .readArray();
        assertEquals("Charging", connectors.getJsonObject(0).getString("status"));
        JsonArray transactions = Json.createReader(new java.io.StringReader(
                        Http.get(BASE + "CP-VIEW/transactions", Admin.bearer()).body()))
                .readArray();
        assertEquals(1000, transactions.getJsonObject(0).getInt("energyWh"));
        JsonArray events = Json.createReader(
                        new java.io.StringReader(Http.get(BASE + "CP-VIEW/security-events", Admin.bearer())
                                .body()))
                .readArray();
        assertEquals("TamperDetectionActivated", events.getJsonObject(0).getString("type"));
        assertEquals(
                404, Http.get(BASE + "CP-NOBODY/transactions", Admin.bearer()).statusCode());
        assertEquals(
                403,
                Http.get(BASE + "CP-VIEW/transactions", "Authorization", "Bearer " + Tokens.valid("d", "user"))
                        .statusCode());
    }
}
