package io.csms.remotecontrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class RemoteCommandsTest {

    @Test
    void an_authorization_key_is_masked_in_the_audit_trail() {
        String redacted = RemoteCommands.redacted(Json.createObjectBuilder()
                .add("key", "AuthorizationKey")
                .add("value", "0123456789abcdef")
                .build());
        assertEquals("{\"key\":\"AuthorizationKey\",\"value\":\"***\"}", redacted);
        assertEquals(
                "{\"key\":\"HeartbeatInterval\",\"value\":\"300\"}",
                RemoteCommands.redacted(Json.createObjectBuilder()
                        .add("key", "HeartbeatInterval")
                        .add("value", "300")
                        .build()));
    }

    @Test
    void credentials_in_urls_are_masked_and_long_values_cut() {
        String redacted = RemoteCommands.redacted(Json.createObjectBuilder()
                .add("location", "ftp://fw:s3cret@files.example.com/cp.bin")
                .add("retrieveDate", "2026-12-01T10:00:00Z")
                .add("certificate", "-----BEGIN CERTIFICATE-----" + "A".repeat(2000))
                .build());
        assertFalse(redacted.contains("s3cret"), redacted);
        assertTrue(redacted.contains("ftp://***@files.example.com/cp.bin"), redacted);
        assertTrue(redacted.contains("(2027 characters)"), redacted);
        assertTrue(redacted.contains("2026-12-01T10:00:00Z"));
    }

    @Test
    void the_token_of_a_file_link_of_ours_is_masked_at_any_depth() {
        String token = "Ab3".repeat(14) + "x";
        String redacted = RemoteCommands.redacted(Json.createObjectBuilder()
                .add("logType", "DiagnosticsLog")
                .add("requestId", 7)
                .add(
                        "log",
                        Json.createObjectBuilder().add("remoteLocation", "https://csms.example/csms/files/" + token))
                .add("list", Json.createArrayBuilder().add("http://h/csms/files/" + token + "/firmware"))
                .build());
        assertFalse(redacted.contains(token), redacted);
        assertFalse(redacted.contains(token.substring(0, 10)), redacted);
        assertTrue(redacted.contains("https://csms.example/csms/files/***"), redacted);
        assertTrue(redacted.contains("http://h/csms/files/***/firmware"), redacted);
        assertTrue(redacted.contains("\"requestId\":7"), redacted);
    }
}
