package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The driver app's main path against the deployed EAR, with a simulated charger over a real WebSocket. */
@ExtendWith(ArquillianExtension.class)
class DriverJourneyIT extends CsmsEar {

    @Test
    void signup_login_start_meter_values_live_stop_and_the_session_shows_the_energy() throws Exception {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-APP-1")) {
            ChargingSessionIT.status(cp, 1, "Available");
            Driver driver = Driver.signUp();

            JsonObject charger = Http.json(driver.get("/csms/api/chargers/CP-APP-1"));
            assertTrue(charger.getBoolean("online"));
            assertEquals(
                    "Available",
                    charger.getJsonArray("connectors").getJsonObject(0).getString("status"));
            assertFalse(charger.containsKey("securityProfile"), "drivers see no security settings");

            // start: the charger receives RemoteStartTransaction with the driver's idTag
            CompletableFuture<HttpResponse<String>> start = Http.postAsync(
                    "/csms/api/charging/start", "{\"chargePointId\":\"CP-APP-1\",\"connectorId\":1}", driver.bearer());
            JsonArray remoteStart = cp.next();
            assertEquals("RemoteStartTransaction", remoteStart.getString(2));
            OcppSchemas.assertValid("RemoteStartTransaction", "req", remoteStart.getJsonObject(3));
            assertEquals(driver.idTag, remoteStart.getJsonObject(3).getString("idTag"));
            assertEquals(1, remoteStart.getJsonObject(3).getInt("connectorId"));
            cp.reply(
                    remoteStart,
                    Json.createObjectBuilder().add("status", "Accepted").build());
            HttpResponse<String> started = start.join();
            assertEquals(202, started.statusCode(), started.body());
            assertEquals("Accepted", Http.json(started).getString("status"));
            String commandId = Http.json(started).getString("commandId");
            assertEquals(
                    "Accepted",
                    Http.json(driver.get("/csms/api/commands/" + commandId)).getString("status"));

            // the charger starts the transaction with that tag: the command is now tied to the session
            JsonObject startConf = ChargingSessionIT.confOf(
                    cp,
                    "StartTransaction",
                    Json.createObjectBuilder()
                            .add("connectorId", 1)
                            .add("idTag", driver.idTag)
                            .add("meterStart", 1000)
                            .add("timestamp", Instant.now().toString())
                            .build());
            assertEquals("Accepted", startConf.getJsonObject("idTagInfo").getString("status"));
            int transactionId = startConf.getInt("transactionId");
            JsonObject command = Http.json(driver.get("/csms/api/commands/" + commandId));
            assertEquals("Started", command.getString("status"));
            assertEquals(transactionId, command.getInt("transactionId"));

            // the live view gets the session, then each MeterValues, then the stop
            BlockingQueue<String[]> events = liveEvents(driver, transactionId);
            String[] first = events.poll(10, TimeUnit.SECONDS);
            assertEquals("session", first[0]);
            assertEquals("Active", Http.json(first[1]).getString("status"));

            meterValues(cp, transactionId, "2.5", "kWh");
            String[] metered = events.poll(10, TimeUnit.SECONDS);
            assertEquals("meterValues", metered[0], "a meterValues event after MeterValues");
            assertEquals(2500, Http.json(metered[1]).getInt("registerWh"));

            JsonObject active = Driver.array(driver.get("/csms/api/sessions")).getJsonObject(0);
            assertEquals(transactionId, active.getInt("transactionId"));
            assertEquals("Active", active.getString("status"));
            assertEquals(1500, active.getInt("energyWh"), "2.5 kWh on the register minus 1000 Wh at start");

            // stop: RemoteStopTransaction for that transaction, then the charger's StopTransaction
            CompletableFuture<HttpResponse<String>> stop = Http.postAsync(
                    "/csms/api/charging/stop", "{\"transactionId\":" + transactionId + "}", driver.bearer());
            JsonArray remoteStop = cp.next();
            assertEquals("RemoteStopTransaction", remoteStop.getString(2));
            OcppSchemas.assertValid("RemoteStopTransaction", "req", remoteStop.getJsonObject(3));
            assertEquals(transactionId, remoteStop.getJsonObject(3).getInt("transactionId"));
            cp.reply(
                    remoteStop,
                    Json.createObjectBuilder().add("status", "Accepted").build());
            HttpResponse<String> stopped = stop.join();
            assertEquals(202, stopped.statusCode(), stopped.body());
            String stopCommand = Http.json(stopped).getString("commandId");
            ChargingSessionIT.confOf(
                    cp,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", transactionId)
                            .add("meterStop", 4200)
                            .add("reason", "Remote")
                            .add("timestamp", Instant.now().toString())
                            .build());

            String[] end = events.poll(10, TimeUnit.SECONDS);
            assertEquals("stopped", end[0]);
            assertEquals(3200, Http.json(end[1]).getInt("energyWh"));
            assertEquals(
                    "Stopped",
                    Http.json(driver.get("/csms/api/commands/" + stopCommand)).getString("status"));

            JsonObject session =
                    Http.json(driver.get("/csms/api/sessions/" + transactionId)).getJsonObject("session");
            assertEquals("Completed", session.getString("status"));
            assertEquals(1000, session.getInt("meterStart"));
            assertEquals(4200, session.getInt("meterStop"));
            assertEquals(3200, session.getInt("energyWh"));
            assertEquals("CP-APP-1", session.getString("chargePointId"));
            JsonArray readings =
                    Http.json(driver.get("/csms/api/sessions/" + transactionId)).getJsonArray("meterValues");
            assertEquals("2.5", readings.getJsonObject(0).getString("value"));

            HttpResponse<String> list = driver.get("/csms/api/sessions");
            assertEquals("1", list.headers().firstValue("X-Total-Count").orElseThrow());
        }
    }

    @Test
    void the_api_is_described_by_its_openapi_document() {
        Checks.apiDocumentIsServed();
    }

    @Test
    void a_qr_code_names_charger_and_connector_and_bad_codes_are_refused() {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-APP-QR")) {
            Driver driver = Driver.signUp();
            for (String bad : new String[] {
                "ocpp://CP-APP-QR?connector=0",
                "http://CP-APP-QR?connector=1",
                "ocpp://CP-APP-QR?connector=1&x=2",
                "ocpp://CP-APP-QR",
                "ocpp://?connector=1",
                " ocpp://CP-APP-QR?connector=1"
            }) {
                HttpResponse<String> refused = driver.post(
                        "/csms/api/charging/start",
                        Json.createObjectBuilder().add("qr", bad).build().toString());
                assertEquals(400, refused.statusCode(), bad + " → " + refused.body());
                assertEquals(
                        "application/problem+json",
                        refused.headers().firstValue("Content-Type").orElseThrow());
            }
            HttpResponse<String> both = driver.post(
                    "/csms/api/charging/start",
                    "{\"qr\":\"ocpp://CP-APP-QR?connector=1\",\"chargePointId\":\"CP-APP-QR\",\"connectorId\":1}");
            assertEquals(400, both.statusCode());

            CompletableFuture<HttpResponse<String>> start = Http.postAsync(
                    "/csms/api/charging/start", "{\"qr\":\"ocpp://CP-APP-QR?connector=2\"}", driver.bearer());
            JsonArray remoteStart = cp.next();
            assertEquals(2, remoteStart.getJsonObject(3).getInt("connectorId"));
            cp.reply(
                    remoteStart,
                    Json.createObjectBuilder().add("status", "Rejected").build());
            HttpResponse<String> answer = start.join();
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("Rejected", Http.json(answer).getString("status"));
            assertEquals(
                    "Rejected",
                    Http.json(driver.get(
                                    "/csms/api/commands/" + Http.json(answer).getString("commandId")))
                            .getString("status"));
            assertNull(cp.poll(Duration.ofMillis(300)), "nothing else was sent");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_start_the_charger_accepted_but_never_began_ends_as_never_started() throws InterruptedException {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-APP-LATE")) {
            Driver driver = Driver.signUp();
            CompletableFuture<HttpResponse<String>> start = Http.postAsync(
                    "/csms/api/charging/start",
                    "{\"chargePointId\":\"CP-APP-LATE\",\"connectorId\":1}",
                    driver.bearer());
            cp.reply(
                    cp.next(),
                    Json.createObjectBuilder().add("status", "Accepted").build());
            String commandId = Http.json(start.join()).getString("commandId");
            Thread.sleep(4500); // the tests' start timeout is 4 s
            assertEquals(
                    "NeverStarted",
                    Http.json(driver.get("/csms/api/commands/" + commandId)).getString("status"));
        }
    }

    @Test
    void offline_unknown_and_busy_chargers_are_clear_errors() {
        Admin.registerCharger("CP-APP-OFF");
        Driver driver = Driver.signUp();
        HttpResponse<String> offline =
                driver.post("/csms/api/charging/start", "{\"chargePointId\":\"CP-APP-OFF\",\"connectorId\":1}");
        assertEquals(503, offline.statusCode(), offline.body());
        assertEquals(
                "application/problem+json",
                offline.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("Offline", Http.json(offline).getString("commandStatus"));
        assertEquals(
                "Offline",
                Http.json(driver.get("/csms/api/commands/" + Http.json(offline).getString("commandId")))
                        .getString("status"));

        HttpResponse<String> unknown =
                driver.post("/csms/api/charging/start", "{\"chargePointId\":\"CP-NOPE\",\"connectorId\":1}");
        assertEquals(404, unknown.statusCode(), unknown.body());

        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-APP-BUSY")) {
            ChargingSessionIT.confOf(
                    cp,
                    "StartTransaction",
                    Json.createObjectBuilder()
                            .add("connectorId", 1)
                            .add("idTag", "SOMEONE")
                            .add("meterStart", 0)
                            .add("timestamp", Instant.now().toString())
                            .build());
            HttpResponse<String> busy =
                    driver.post("/csms/api/charging/start", "{\"chargePointId\":\"CP-APP-BUSY\",\"connectorId\":1}");
            assertEquals(409, busy.statusCode(), busy.body());
            assertEquals(
                    "https://csms.io/problems/connector-busy", Http.json(busy).getString("type"));
        }
    }

    private static void meterValues(OcppClient cp, int transactionId, String value, String unit) {
        ChargingSessionIT.confOf(
                cp,
                "MeterValues",
                Json.createObjectBuilder()
                        .add("connectorId", 1)
                        .add("transactionId", transactionId)
                        .add(
                                "meterValue",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("timestamp", Instant.now().toString())
                                                .add(
                                                        "sampledValue",
                                                        Json.createArrayBuilder()
                                                                .add(Json.createObjectBuilder()
                                                                        .add("value", value)
                                                                        .add(
                                                                                "measurand",
                                                                                "Energy.Active.Import.Register")
                                                                        .add("unit", unit)))))
                        .build());
    }

    /** Live streams cost a connection and a watcher each: at most three per account (security review M12). */
    @Test
    void a_driver_may_watch_a_session_on_three_streams_at_once_not_more() throws Exception {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-APP-STREAMS")) {
            Driver driver = Driver.signUp();
            int transactionId = ChargingSessionIT.confOf(
                            cp,
                            "StartTransaction",
                            Json.createObjectBuilder()
                                    .add("connectorId", 1)
                                    .add("idTag", driver.idTag)
                                    .add("meterStart", 0)
                                    .add("timestamp", Instant.now().toString())
                                    .build())
                    .getInt("transactionId");
            for (int i = 0; i < 3; i++) {
                String[] first = liveEvents(driver, transactionId).poll(10, TimeUnit.SECONDS);
                assertEquals("session", first == null ? null : first[0], "stream " + (i + 1));
            }
            String[] fourth = liveEvents(driver, transactionId).poll(10, TimeUnit.SECONDS);
            assertEquals("http-429", fourth == null ? null : fourth[0]);
        }
    }

    /** Subscribes to the session's Server-Sent Events; each event arrives as {name, data}. */
    static BlockingQueue<String[]> liveEvents(Driver driver, int transactionId) {
        BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(ServerUnderTest.baseUrl() + "/csms/api/sessions/" + transactionId + "/live"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + driver.accessToken)
                .GET()
                .build();
        HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    if (response.statusCode() != 200) {
                        events.add(new String[] {"http-" + response.statusCode(), ""});
                        return;
                    }
                    String[] name = {null};
                    try (Stream<String> lines = response.body()) {
                        lines.forEach(line -> {
                            if (line.startsWith("event:")) {
                                name[0] = line.substring(6).trim();
                            } else if (line.startsWith("data:")) {
                                events.add(
                                        new String[] {name[0], line.substring(5).trim()});
                            }
                        });
                    }
                });
        return events;
    }
}
