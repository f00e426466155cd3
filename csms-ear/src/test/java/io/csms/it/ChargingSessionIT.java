package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OCPP 1.6 charging sessions, named after the certification test cases they follow. */
@ExtendWith(ArquillianExtension.class)
class ChargingSessionIT extends CsmsEar {

    @Test
    void TC_003_regular_charging_session_plugin_first() throws SQLException {
        String tag = idTag("TAG-TC003", "Accepted");
        try (OcppClient cp = bootedCharger("CP-TC003")) {
            status(cp, 1, "Preparing");
            JsonObject authorized = confOf(
                    cp,
                    "Authorize",
                    Json.createObjectBuilder().add("idTag", tag).build());
            assertEquals("Accepted", authorized.getJsonObject("idTagInfo").getString("status"));

            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            JsonObject started = confOf(
                    cp,
                    "StartTransaction",
                    Json.createObjectBuilder()
                            .add("connectorId", 1)
                            .add("idTag", tag)
                            .add("meterStart", 1000)
                            .add("timestamp", start.toString())
                            .build());
            assertEquals("Accepted", started.getJsonObject("idTagInfo").getString("status"));
            int transactionId = started.getInt("transactionId");
            status(cp, 1, "Charging");

            confOf(
                    cp,
                    "MeterValues",
                    Json.createObjectBuilder()
                            .add("connectorId", 1)
                            .add("transactionId", transactionId)
                            .add(
                                    "meterValue",
                                    Json.createArrayBuilder()
                                            .add(meterValue(start.plusSeconds(60), "1500"))
                                            .add(meterValue(start.plusSeconds(120), "2100")))
                            .build());

            JsonObject stopped = confOf(
                    cp,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", transactionId)
                            .add("idTag", tag)
                            .add("meterStop", 2500)
                            .add("timestamp", start.plusSeconds(180).toString())
                            .add("reason", "Local")
                            .add(
                                    "transactionData",
                                    Json.createArrayBuilder().add(meterValue(start.plusSeconds(180), "2500")))
                            .build());
            assertEquals("Accepted", stopped.getJsonObject("idTagInfo").getString("status"));
            status(cp, 1, "Finishing");
            status(cp, 1, "Available");

            assertEquals(
                    "1000|2500|Local|" + start,
                    Checks.value(
                            "select meter_start || '|' || meter_stop || '|' || stop_reason || '|' || to_char(start_time at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from charging_transaction where id = ?",
                            transactionId));
            assertEquals("3", Checks.value("select count(*) from meter_value where transaction_id = ?", transactionId));
            assertEquals(
                    "Available",
                    Checks.value("select status from connector where charger_id = ? and connector_id = 1", "CP-TC003"));
            assertEquals("4", Checks.value("select count(*) from connector_status where charger_id = ?", "CP-TC003"));
        }
    }

    /**
     * Meter values are committed in groups (MeterValueWriter): many chargers at once are each answered
     * only once their values are stored, and a message the database refuses (a value longer than the
     * column, which the 1.6 schema allows) fails alone with InternalError, storing nothing.
     */
    @Test
    void meter_values_of_many_chargers_are_stored_before_each_answer_and_an_invalid_one_fails_alone() throws Exception {
        int count = 16;
        List<OcppClient> chargers = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                chargers.add(bootedCharger("CP-GROUP-" + i));
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<Future<JsonArray>> answers = atOnce(
                    chargers,
                    "MeterValues",
                    i -> Json.createObjectBuilder()
                            .add("connectorId", 1)
                            .add(
                                    "meterValue",
                                    Json.createArrayBuilder()
                                            .add(meterValue(at, i == 0 ? "9".repeat(100) : Integer.toString(1000 + i))))
                            .build());
            for (int i = 0; i < count; i++) {
                JsonArray answer = answers.get(i).get(30, TimeUnit.SECONDS);
                String stored = Checks.value("select count(*) from meter_value where charger_id = ?", "CP-GROUP-" + i);
                if (i == 0) {
                    // refused at the door (not a plain bounded decimal), so it cannot fail a batch of others
                    assertEquals(4, answer.getInt(0), "CALLERROR expected: " + answer);
                    assertEquals("PropertyConstraintViolation", answer.getString(2));
                    assertEquals("0", stored);
                } else {
                    assertEquals(3, answer.getInt(0), "CALLRESULT expected: " + answer);
                    OcppSchemas.assertValid("MeterValues", "conf", answer.getJsonObject(2));
                    assertEquals("1", stored, "stored before the answer: CP-GROUP-" + i);
                }
            }
        } finally {
            chargers.forEach(OcppClient::close);
        }
    }

    /**
     * A reconnect storm in miniature: boots are committed in groups (BootWriter), and each charger
     * is answered its own registration status only once what it reported is stored. One charger an
     * operator set back to Pending boots in the same group and is told Pending.
     */
    @Test
    void boots_of_many_chargers_at_once_are_each_stored_before_their_own_answer() throws Exception {
        int count = 16;
        List<OcppClient> chargers = new ArrayList<>();
        try {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                keys.add(Admin.registerCharger("CP-STORM-" + i));
            }
            assertEquals(
                    200,
                    Http.put(
                                    "/csms/api/admin/chargers/CP-STORM-0/registration-status",
                                    "{\"status\":\"Pending\"}",
                                    Admin.bearer())
                            .statusCode());
            for (int i = 0; i < count; i++) {
                String id = "CP-STORM-" + i;
                chargers.add(OcppClient.connect(id, id, keys.get(i)));
            }
            List<Future<JsonArray>> answers = atOnce(
                    chargers,
                    "BootNotification",
                    i -> Json.createObjectBuilder()
                            .add("chargePointVendor", "VendorX")
                            .add("chargePointModel", "ModelY")
                            .add("firmwareVersion", "fw-" + i)
                            .build());
            for (int i = 0; i < count; i++) {
                JsonArray answer = answers.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(3, answer.getInt(0), "CALLRESULT expected: " + answer);
                OcppSchemas.assertValid("BootNotification", "conf", answer.getJsonObject(2));
                assertEquals(
                        i == 0 ? "Pending" : "Accepted", answer.getJsonObject(2).getString("status"), "CP-STORM-" + i);
                assertEquals(
                        "fw-" + i + "|true",
                        Checks.value(
                                "select firmware_version || '|' || (last_boot is not null) from charger where id = ?",
                                "CP-STORM-" + i),
                        "stored before the answer: CP-STORM-" + i);
            }
        } finally {
            chargers.forEach(OcppClient::close);
        }
    }

    /**
     * Sends one CALL (valid per the official schema) from each charger at the same moment, each from
     * its own thread, as a fleet does after an outage; the answers come in the chargers' order.
     */
    private static List<Future<JsonArray>> atOnce(
            List<OcppClient> chargers, String action, IntFunction<JsonObject> request) {
        ExecutorService senders = Executors.newFixedThreadPool(chargers.size());
        CountDownLatch ready = new CountDownLatch(chargers.size());
        List<Future<JsonArray>> answers = new ArrayList<>();
        for (int i = 0; i < chargers.size(); i++) {
            OcppClient cp = chargers.get(i);
            JsonObject payload = request.apply(i);
            OcppSchemas.assertValid(action, "req", payload);
            answers.add(senders.submit(() -> {
                ready.countDown();
                ready.await();
                return cp.call(action, payload);
            }));
        }
        senders.shutdown(); // what was submitted still runs
        return answers;
    }

    @Test
    void a_start_transaction_retried_after_a_lost_reply_gets_the_same_transaction_id() throws SQLException {
        String tag = idTag("TAG-RETRY", "Accepted");
        try (OcppClient cp = bootedCharger("CP-RETRY")) {
            JsonObject start = Json.createObjectBuilder()
                    .add("connectorId", 1)
                    .add("idTag", tag)
                    .add("meterStart", 0)
                    .add("timestamp", "2026-11-21T08:00:00Z")
                    .build();
            int first = confOf(cp, "StartTransaction", start).getInt("transactionId");
            int second = confOf(cp, "StartTransaction", start).getInt("transactionId");
            assertEquals(first, second);
            assertEquals(
                    "1", Checks.value("select count(*) from charging_transaction where charger_id = ?", "CP-RETRY"));
        }
    }

    /** Start on {@code connector} of {@code cp}; the answer's idTagInfo status and transaction id. */
    private static JsonObject start(OcppClient cp, int connector, String tag, int meterStart, String timestamp) {
        return confOf(
                cp,
                "StartTransaction",
                Json.createObjectBuilder()
                        .add("connectorId", connector)
                        .add("idTag", tag)
                        .add("meterStart", meterStart)
                        .add("timestamp", timestamp)
                        .build());
    }

    @Test
    void a_tag_charging_elsewhere_is_ConcurrentTx_and_a_new_start_closes_what_its_connector_left_open()
            throws SQLException {
        String tag = idTag("TAG-TWICE", "Accepted");
        String other = idTag("TAG-NEXT", "Accepted");
        // within the open-transaction limit (a day), so that the open one counts as charging
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String firstTime = t0.plusMillis(123).toString();
        try (OcppClient a = bootedCharger("CP-OPEN-A");
                OcppClient b = bootedCharger("CP-OPEN-B")) {
            JsonObject first = start(a, 1, tag, 100, firstTime);
            assertEquals("Accepted", first.getJsonObject("idTagInfo").getString("status"));
            int open = first.getInt("transactionId");
            // a retry with the same millisecond time is the same start
            assertEquals(open, start(a, 1, tag, 100, firstTime).getInt("transactionId"));

            JsonObject elsewhere = start(b, 1, tag, 0, t0.plusSeconds(60).toString());
            assertEquals("ConcurrentTx", elsewhere.getJsonObject("idTagInfo").getString("status"));

            // the StopTransaction of the first was lost: the next start on that connector closes it
            JsonObject next = start(a, 1, other, 150, t0.plusSeconds(600).toString());
            assertEquals("Accepted", next.getJsonObject("idTagInfo").getString("status"));
            assertEquals(
                    "150 Other",
                    Checks.value(
                            "select meter_stop || ' ' || stop_reason from charging_transaction where id = ?", open));
            assertEquals(
                    "1",
                    Checks.value(
                            "select count(*) from audit_event where action = 'ocpp.transaction.abandoned' and target = ?",
                            Integer.toString(open)));
            // with the first closed and the refused one stopped, the tag may charge again
            confOf(
                    b,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", elsewhere.getInt("transactionId"))
                            .add("meterStop", 0)
                            .add("timestamp", t0.plusSeconds(65).toString())
                            .add("reason", "DeAuthorized")
                            .build());
            assertEquals(
                    "Accepted",
                    start(b, 2, tag, 0, t0.plusSeconds(660).toString())
                            .getJsonObject("idTagInfo")
                            .getString("status"));
            // a tag nobody registered is decided before it is stored: Invalid, and stored all the same
            JsonObject unknown =
                    start(b, 3, "NO-SUCH-TAG-START", 0, t0.plusSeconds(720).toString());
            assertEquals("Invalid", unknown.getJsonObject("idTagInfo").getString("status"));
            assertEquals(
                    "NO-SUCH-TAG-START",
                    Checks.value(
                            "select id_tag from charging_transaction where id = ?", unknown.getInt("transactionId")));
        }
    }

    @Test
    void id_tags_that_may_not_charge_are_told_why() {
        String blocked = idTag("TAG-BLOCKED", "Blocked");
        try (OcppClient cp = bootedCharger("CP-TAGS")) {
            assertEquals(
                    "Invalid",
                    confOf(
                                    cp,
                                    "Authorize",
                                    Json.createObjectBuilder()
                                            .add("idTag", "NO-SUCH-TAG")
                                            .build())
                            .getJsonObject("idTagInfo")
                            .getString("status"));
            assertEquals(
                    "Blocked",
                    confOf(
                                    cp,
                                    "Authorize",
                                    Json.createObjectBuilder()
                                            .add("idTag", blocked)
                                            .build())
                            .getJsonObject("idTagInfo")
                            .getString("status"));
        }
    }

    @Test
    void a_stop_for_an_unknown_transaction_is_acknowledged_and_recorded() throws SQLException {
        try (OcppClient cp = bootedCharger("CP-ORPHAN")) {
            confOf(
                    cp,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", 987654)
                            .add("meterStop", 10)
                            .add("timestamp", "2026-11-21T08:00:00Z")
                            .build());
        }
        assertEquals(
                "1",
                Checks.value(
                        "select count(*) from audit_event where actor_id = ? and action = 'ocpp.stop-unknown-transaction'",
                        "CP-ORPHAN"));
    }

    @Test
    void a_payload_violating_the_schema_gets_the_matching_error_and_nothing_is_stored() throws SQLException {
        String tag = idTag("TAG-BADPAYLOAD", "Accepted");
        try (OcppClient cp = bootedCharger("CP-BADPAYLOAD")) {
            assertEquals(
                    "OccurenceConstraintViolation",
                    errorOf(
                            cp,
                            "StartTransaction",
                            Json.createObjectBuilder()
                                    .add("connectorId", 1)
                                    .add("meterStart", 0)
                                    .add("timestamp", "2026-11-21T08:00:00Z")
                                    .build()));
            assertEquals(
                    "TypeConstraintViolation",
                    errorOf(
                            cp,
                            "StartTransaction",
                            Json.createObjectBuilder()
                                    .add("connectorId", "one")
                                    .add("idTag", tag)
                                    .add("meterStart", 0)
                                    .add("timestamp", "2026-11-21T08:00:00Z")
                                    .build()));
            assertEquals(
                    "PropertyConstraintViolation",
                    errorOf(
                            cp,
                            "StartTransaction",
                            Json.createObjectBuilder()
                                    .add("connectorId", 1)
                                    .add("idTag", "X".repeat(21))
                                    .add("meterStart", 0)
                                    .add("timestamp", "2026-11-21T08:00:00Z")
                                    .build()));
            assertEquals(
                    "PropertyConstraintViolation",
                    errorOf(
                            cp,
                            "StatusNotification",
                            Json.createObjectBuilder()
                                    .add("connectorId", 1)
                                    .add("errorCode", "NoError")
                                    .add("status", "Dancing")
                                    .build()));
            assertEquals(
                    "FormationViolation",
                    errorOf(
                            cp,
                            "StartTransaction",
                            Json.createObjectBuilder()
                                    .add("connectorId", 1)
                                    .add("idTag", tag)
                                    .add("meterStart", 0)
                                    .add("timestamp", "2026-11-21T08:00:00Z")
                                    .add("surprise", true)
                                    .build()));
        }
        assertEquals(
                "0", Checks.value("select count(*) from charging_transaction where charger_id = ?", "CP-BADPAYLOAD"));
        assertEquals("0", Checks.value("select count(*) from connector_status where charger_id = ?", "CP-BADPAYLOAD"));
    }

    static OcppClient bootedCharger(String id) {
        String key = Admin.registerCharger(id);
        OcppClient cp = OcppClient.connect(id, id, key);
        JsonObject boot = confOf(
                cp,
                "BootNotification",
                Json.createObjectBuilder()
                        .add("chargePointVendor", "VendorX")
                        .add("chargePointModel", "ModelY")
                        .build());
        assertEquals("Accepted", boot.getString("status"));
        return cp;
    }

    /** Sends a CALL, requires a CALLRESULT valid per the official schema, returns its payload. */
    static JsonObject confOf(OcppClient cp, String action, JsonObject request) {
        OcppSchemas.assertValid(action, "req", request);
        JsonArray answer = cp.call(action, request);
        assertEquals(3, answer.getInt(0), action + " answered " + answer);
        OcppSchemas.assertValid(action, "conf", answer.getJsonObject(2));
        return answer.getJsonObject(2);
    }

    static String errorOf(OcppClient cp, String action, JsonObject request) {
        JsonArray answer = cp.call(action, request);
        assertEquals(4, answer.getInt(0), action + " answered " + answer);
        assertFalse(answer.getString(3).isEmpty(), "a CALLERROR says what is wrong");
        return answer.getString(2);
    }

    static void status(OcppClient cp, int connector, String status) {
        confOf(
                cp,
                "StatusNotification",
                Json.createObjectBuilder()
                        .add("connectorId", connector)
                        .add("errorCode", "NoError")
                        .add("status", status)
                        .add("timestamp", Instant.now().toString())
                        .build());
    }

    private static JsonObject meterValue(Instant at, String wh) {
        return Json.createObjectBuilder()
                .add("timestamp", at.toString())
                .add(
                        "sampledValue",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("value", wh)
                                        .add("measurand", "Energy.Active.Import.Register")
                                        .add("unit", "Wh")
                                        .add("context", "Sample.Periodic")))
                .build();
    }

    /** An id tag as an operator or a driver's account would have created it. */
    static String idTag(String tag, String status) {
        try (Connection c = Checks.connect();
                PreparedStatement ps = c.prepareStatement("insert into id_tag (id_tag, status) values (?, ?)")) {
            ps.setString(1, tag);
            ps.setString(2, status);
            ps.executeUpdate();
            return tag;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
