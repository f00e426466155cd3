package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stops under a connected charger and a logged-in driver, then comes back: while it is
 * away, what needs it fails at once and says so (a CALLERROR, a 503 with Retry-After, readiness
 * DOWN) and what does not need it keeps working; once it is back, the same server (not redeployed)
 * serves and stores again (security review M8).
 */
@ExtendWith(ArquillianExtension.class)
public class DatabaseOutageIT extends CsmsEar {

    @Test
    public void an_outage_fails_fast_and_the_server_recovers_by_itself() throws IOException, SQLException {
        Driver driver = Driver.signUp();
        String known = "CP-OUTAGE-2";
        String keyOfKnown = Admin.registerCharger(known);
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-OUTAGE")) {
            ChargingSessionIT.status(cp, 1, "Available");
            try (OcppClient first = OcppClient.connect(known, known, keyOfKnown)) {
                // connected once: its credentials are known to the node
            }

            ServerUnderTest.embeddedDatabase().stop();
            try {
                Instant asked = Instant.now();
                JsonArray refused = cp.call("StatusNotification", status("Preparing"));
                assertEquals(4, refused.getInt(0), "a write that cannot be stored is not acknowledged: " + refused);
                assertEquals("InternalError", refused.getString(2), refused.toString());
                assertTrue(
                        Duration.between(asked, Instant.now()).compareTo(Duration.ofSeconds(8)) < 0,
                        "the charger is answered quickly, not after a connection timeout");

                assertEquals(
                        3,
                        cp.call("Heartbeat", Json.createObjectBuilder().build()).getInt(0),
                        "a Heartbeat needs no database");
                try (OcppClient again = OcppClient.connect(known, known, keyOfKnown)) {
                    assertEquals("ocpp1.6", again.subprotocol(), "a known charger still connects");
                }

                HttpResponse<String> cards = driver.get("/csms/api/me/cards");
                assertEquals(503, cards.statusCode(), cards.body());
                assertEquals("5", cards.headers().firstValue("Retry-After").orElse(""));
                assertEquals(
                        "application/problem+json",
                        cards.headers().firstValue("Content-Type").orElse(""),
                        "an outage is a problem+json like every API error");
                assertEquals(503, Http.get("/csms/api/health/ready").statusCode(), "not ready without a database");
                assertEquals(200, Http.get("/csms/api/health/live").statusCode(), "but alive: no restart needed");
            } finally {
                ServerUnderTest.embeddedDatabase().start();
            }

            JsonArray stored = untilAnswered(cp, status("Preparing"));
            assertEquals(3, stored.getInt(0), "stored again once the database is back: " + stored);
            assertEquals(200, driver.get("/csms/api/me/cards").statusCode());
            assertEquals(200, Http.get("/csms/api/health/ready").statusCode());
        }
        assertEquals(
                "Available,Preparing",
                Checks.value(
                        "select string_agg(status, ',' order by received_at) from connector_status"
                                + " where charger_id = ? and connector_id = 1",
                        "CP-OUTAGE"));
    }

    /** The pool notices the restart on its own: the first calls after it may still fail, not for long. */
    private static JsonArray untilAnswered(OcppClient cp, JsonObject request) {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonArray answer;
        do {
            answer = cp.call("StatusNotification", request);
            if (answer.getInt(0) == 3) {
                return answer;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (Instant.now().isBefore(deadline));
        return answer;
    }

    private static JsonObject status(String status) {
        return Json.createObjectBuilder()
                .add("connectorId", 1)
                .add("errorCode", "NoError")
                .add("status", status)
                .add("timestamp", Instant.now().toString())
                .build();
    }
}
