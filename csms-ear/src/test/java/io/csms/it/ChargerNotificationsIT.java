package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.sql.SQLException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What chargers report besides transactions: firmware, diagnostics, logs, security events, vendor data. */
@ExtendWith(ArquillianExtension.class)
class ChargerNotificationsIT extends CsmsEar {

    @Test
    void firmware_diagnostics_and_log_progress_is_kept_on_the_charger() throws SQLException {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-ACTIVITY")) {
            ChargingSessionIT.confOf(
                    cp,
                    "FirmwareStatusNotification",
                    Json.createObjectBuilder().add("status", "Downloading").build());
            ChargingSessionIT.confOf(
                    cp,
                    "DiagnosticsStatusNotification",
                    Json.createObjectBuilder().add("status", "Uploaded").build());
            ChargingSessionIT.confOf(
                    cp,
                    "LogStatusNotification",
                    Json.createObjectBuilder()
                            .add("status", "Uploading")
                            .add("requestId", 7)
                            .build());
            ChargingSessionIT.confOf(
                    cp,
                    "SignedFirmwareStatusNotification",
                    Json.createObjectBuilder()
                            .add("status", "SignatureVerified")
                            .add("requestId", 8)
                            .build());
            assertEquals(
                    "PropertyConstraintViolation",
                    ChargingSessionIT.errorOf(
                            cp,
                            "FirmwareStatusNotification",
                            Json.createObjectBuilder().add("status", "Exploded").build()));
        }
        assertEquals(
                "SignatureVerified|Uploaded|Uploading",
                Checks.value(
                        "select firmware_status || '|' || diagnostics_status || '|' || log_status from charger where id = ?",
                        "CP-ACTIVITY"));
    }

    @Test
    void security_events_are_kept_for_the_operator() throws SQLException {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-SECEVENT")) {
            ChargingSessionIT.confOf(
                    cp,
                    "SecurityEventNotification",
                    Json.createObjectBuilder()
                            .add("type", "InvalidCentralSystemCertificate")
                            .add("timestamp", "2026-11-21T09:00:00Z")
                            .add("techInfo", "expired")
                            .build());
        }
        assertEquals(
                "InvalidCentralSystemCertificate|expired",
                Checks.value(
                        "select type || '|' || tech_info from security_event where charger_id = ?", "CP-SECEVENT"));
    }

    @Test
    void data_transfer_from_an_unknown_vendor_is_answered_unknown_vendor_id() {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-DATA")) {
            assertEquals(
                    "UnknownVendorId",
                    ChargingSessionIT.confOf(
                                    cp,
                                    "DataTransfer",
                                    Json.createObjectBuilder()
                                            .add("vendorId", "com.example")
                                            .add("messageId", "hello")
                                            .add("data", "{}")
                                            .build())
                            .getString("status"));
        }
    }
}
