package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What operators see of and decide about a charger through the admin API. */
@ExtendWith(ArquillianExtension.class)
class ChargerAdministrationIT extends CsmsEar {

    private static final String BASE = "/csms/api/admin/chargers/";

    @Test
    void a_pending_charger_may_boot_and_send_what_it_was_asked_for_and_nothing_else_until_accepted() throws Exception {
        String key = Admin.registerCharger("CP-PENDING");
        assertEquals(
                200,
                Http.put(BASE + "CP-PENDING/registration-status", "{\"status\":\"Pending\"}", Admin.bearer())
                        .statusCode());
        JsonObject bootNotification = Json.createObjectBuilder()
                .add("chargePointVendor", "V")
                .add("chargePointModel", "M")
                .build();
        try (OcppClient cp = OcppClient.connect("CP-PENDING", "CP-PENDING", key)) {
            JsonObject boot = ChargingSessionIT.confOf(cp, "BootNotification", bootNotification);
            assertEquals("Pending", boot.getString("status"));
            Checks.refusedUntilAccepted(cp, "CP-PENDING");

            // OCPP 1.6 §4.2: the CSMS may configure a pending charger, e.g. have it ask for a certificate
            var trigger = Http.postAsync(
                    BASE + "CP-PENDING/operations/ExtendedTriggerMessage",
                    "{\"requestedMessage\":\"SignChargePointCertificate\"}",
                    Admin.bearer());
            JsonArray call = cp.next();
            assertEquals("ExtendedTriggerMessage", call.getString(2));
            cp.reply(call, Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals(200, trigger.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(
                    "Accepted",
                    ChargingSessionIT.confOf(
                                    cp,
                                    "SignCertificate",
                                    Json.createObjectBuilder()
                                            .add("csr", ChargerCertificatesIT.csr("CP-PENDING"))
                                            .build())
                            .getString("status"),
                    "what the CSMS asked for is served");
            JsonArray signed = cp.next();
            assertEquals("CertificateSigned", signed.getString(2));
            cp.reply(
                    signed, Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals(
                    "SecurityError",
                    cp.call("Heartbeat", Json.createObjectBuilder().build()).getString(2),
                    "and nothing else");

            HttpResponse<String> accepted =
                    Http.put(BASE + "CP-PENDING/registration-status", "{\"status\":\"Accepted\"}", Admin.bearer());
            assertEquals("Accepted", Http.json(accepted).getString("registrationStatus"));
            JsonArray reboot = cp.next();
            assertEquals("TriggerMessage", reboot.getString(2), "told at once: asked to boot again");
            cp.reply(
                    reboot, Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals(
                    "Accepted",
                    ChargingSessionIT.confOf(cp, "BootNotification", bootNotification)
                            .getString("status"));
            assertEquals(
                    3, cp.call("Heartbeat", Json.createObjectBuilder().build()).getInt(0));
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
