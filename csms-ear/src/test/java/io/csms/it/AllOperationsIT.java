package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every CSMS-initiated OCPP 1.6 operation (core profiles and the security extension) goes from the
 * operator API to a charger as a schema-valid CALL, and the charger's schema-valid answer comes back.
 */
@ExtendWith(ArquillianExtension.class)
class AllOperationsIT extends CsmsEar {

    private static final String CERT = "-----BEGIN CERTIFICATE-----\\nMIIBfake\\n-----END CERTIFICATE-----\\n";

    /** Action → {request, the charger's answer}: the smallest payloads the schemas allow, and then some. */
    private static final Map<String, String[]> OPERATIONS = new LinkedHashMap<>();

    static {
        op("ChangeAvailability", "{\"connectorId\":0,\"type\":\"Inoperative\"}", "{\"status\":\"Scheduled\"}");
        op("ChangeConfiguration", "{\"key\":\"HeartbeatInterval\",\"value\":\"120\"}", "{\"status\":\"Accepted\"}");
        op("ClearCache", "{}", "{\"status\":\"Accepted\"}");
        op(
                "DataTransfer",
                "{\"vendorId\":\"com.example\",\"messageId\":\"hello\",\"data\":\"x\"}",
                "{\"status\":\"Accepted\",\"data\":\"y\"}");
        op(
                "GetConfiguration",
                "{\"key\":[\"HeartbeatInterval\"]}",
                "{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"120\"}]}");
        op("RemoteStartTransaction", "{\"connectorId\":1,\"idTag\":\"TAG1\"}", "{\"status\":\"Accepted\"}");
        op("RemoteStopTransaction", "{\"transactionId\":1}", "{\"status\":\"Rejected\"}");
        op("Reset", "{\"type\":\"Soft\"}", "{\"status\":\"Accepted\"}");
        op("UnlockConnector", "{\"connectorId\":1}", "{\"status\":\"Unlocked\"}");
        op(
                "GetDiagnostics",
                "{\"location\":\"ftp://diag.example/upload\",\"retries\":2}",
                "{\"fileName\":\"diag.zip\"}");
        op(
                "UpdateFirmware",
                "{\"location\":\"https://fw.example/fw.bin\",\"retrieveDate\":\"2026-11-21T12:00:00Z\"}",
                "{}");
        op("GetLocalListVersion", "{}", "{\"listVersion\":3}");
        op(
                "SendLocalList",
                "{\"listVersion\":4,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"TAG1\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}",
                "{\"status\":\"Accepted\"}");
        op(
                "ReserveNow",
                "{\"connectorId\":1,\"expiryDate\":\"2026-11-21T12:00:00Z\",\"idTag\":\"TAG1\",\"reservationId\":7}",
                "{\"status\":\"Accepted\"}");
        op("CancelReservation", "{\"reservationId\":7}", "{\"status\":\"Accepted\"}");
        op(
                "SetChargingProfile",
                "{\"connectorId\":1,\"csChargingProfiles\":{\"chargingProfileId\":1,\"stackLevel\":0,"
                        + "\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":"
                        + "{\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":8.1}]}}}",
                "{\"status\":\"Accepted\"}");
        op("ClearChargingProfile", "{\"id\":1}", "{\"status\":\"Accepted\"}");
        op("GetCompositeSchedule", "{\"connectorId\":1,\"duration\":3600}", "{\"status\":\"Rejected\"}");
        op("TriggerMessage", "{\"requestedMessage\":\"Heartbeat\"}", "{\"status\":\"Accepted\"}");
        op("CertificateSigned", "{\"certificateChain\":\"" + CERT + "\"}", "{\"status\":\"Accepted\"}");
        op(
                "InstallCertificate",
                "{\"certificateType\":\"CentralSystemRootCertificate\",\"certificate\":\"" + CERT + "\"}",
                "{\"status\":\"Accepted\"}");
        op(
                "DeleteCertificate",
                "{\"certificateHashData\":{\"hashAlgorithm\":\"SHA256\",\"issuerNameHash\":\"aa\",\"issuerKeyHash\":\"bb\",\"serialNumber\":\"01\"}}",
                "{\"status\":\"NotFound\"}");
        op(
                "GetInstalledCertificateIds",
                "{\"certificateType\":\"ManufacturerRootCertificate\"}",
                "{\"status\":\"NotFound\"}");
        op(
                "GetLog",
                "{\"log\":{\"remoteLocation\":\"https://logs.example/upload\"},\"logType\":\"SecurityLog\",\"requestId\":1}",
                "{\"status\":\"Accepted\",\"filename\":\"security.log\"}");
        op(
                "SignedUpdateFirmware",
                "{\"requestId\":2,\"firmware\":{\"location\":\"https://fw.example/fw.bin\",\"retrieveDateTime\":"
                        + "\"2026-11-21T12:00:00Z\",\"signingCertificate\":\"" + CERT + "\",\"signature\":\"c2ln\"}}",
                "{\"status\":\"Accepted\"}");
        op(
                "ExtendedTriggerMessage",
                "{\"requestedMessage\":\"StatusNotification\",\"connectorId\":1}",
                "{\"status\":\"Accepted\"}");
    }

    private static void op(String action, String request, String answer) {
        OPERATIONS.put(action, new String[] {request, answer});
    }

    @Test
    void every_csms_initiated_operation_reaches_the_charger_and_its_answer_the_operator() {
        assertEquals(26, OPERATIONS.size(), "all 26 CSMS-initiated operations of OCPP 1.6 and its security extension");
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-ALL-OPS")) {
            OPERATIONS.forEach((action, payloads) -> {
                JsonObject request = json(payloads[0]);
                JsonObject answer = json(payloads[1]);
                OcppSchemas.assertValid(action, "req", request);
                OcppSchemas.assertValid(action, "conf", answer);

                CompletableFuture<HttpResponse<String>> pending = Http.postAsync(
                        "/csms/api/admin/chargers/CP-ALL-OPS/operations/" + action, payloads[0], Admin.bearer());
                JsonArray call = cp.next();
                assertEquals(action, call.getString(2));
                OcppSchemas.assertValid(action, "req", call.getJsonObject(3));
                assertEquals(request, call.getJsonObject(3), action + ": forwarded as given");
                cp.reply(call, answer);

                HttpResponse<String> response = pending.join();
                assertEquals(200, response.statusCode(), action + ": " + response.body());
                assertEquals(answer, json(response.body()), action + ": the charger's answer");
            });
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
