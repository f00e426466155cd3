package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chargers (or whoever holds their credentials) that misbehave, with what the security review
 * found: ids written so that two readers see two chargers (C2), guessing keys (M1), frames that cost
 * memory and CPU (H4, H9), another charger's transaction (H3), and a charger that stops reading (H5).
 */
@ExtendWith(ArquillianExtension.class)
public class ChargerAbuseIT extends CsmsEar {

    @Test
    void a_charger_id_is_accepted_only_in_its_one_canonical_form() {
        String key = Admin.registerCharger("CP-CANON");
        assertEquals(101, RawCharger.status("127.0.0.1", "CP-CANON", "CP-CANON", key));
        for (String path : new String[] {
            "CP-CANON;x=1", "CP-CANON%3Bx", "CP%2DCANON", "CP+CANON", "CP%20CANON", "CP-CANON/", "x/CP-CANON", ""
        }) {
            assertEquals(400, RawCharger.status("127.0.0.1", path, "CP-CANON", key), path);
        }
        // an invalid escape: the server's own URL parser may answer it before the application does
        int invalid = RawCharger.status("127.0.0.1", "%zz", "CP-CANON", key);
        assertTrue(invalid != 101 && invalid < 500, "%zz answered " + invalid);
    }

    @Test
    void guessing_a_key_is_throttled_per_charger_and_address_and_floods_per_address() {
        String key = Admin.registerCharger("CP-GUESS");
        for (int i = 0; i < 10; i++) {
            assertEquals(401, RawCharger.status("127.0.0.60", "CP-GUESS", "CP-GUESS", "wrong-" + i));
        }
        try (RawCharger refused = RawCharger.handshake("127.0.0.60", "CP-GUESS", "CP-GUESS", key, 0)) {
            assertEquals(429, refused.status(), "the right key too, from where the guesses came");
        }
        assertEquals(
                101,
                RawCharger.status("127.0.0.61", "CP-GUESS", "CP-GUESS", key),
                "the real charger elsewhere is not locked out by a stranger's guesses");

        // a flood of failures from one address: past the per-address allowance (500 in this suite),
        // that address is refused before anything else is done, for any charger; others are not
        int allowance = 500;
        int chargers = allowance / 10 + 1;
        String[] ids = new String[chargers];
        String[] keys = new String[chargers];
        for (int c = 0; c < chargers; c++) {
            ids[c] = "CP-FLOOD-" + c;
            keys[c] = Admin.registerCharger(ids[c]);
        }
        int refusedBefore = 0;
        for (int i = 0; i < allowance; i++) {
            int status = RawCharger.status("127.0.0.62", ids[i / 10], ids[i / 10], "wrong");
            if (status == 429) {
                refusedBefore++;
            }
        }
        assertEquals(0, refusedBefore, "every guess within the allowances was checked");
        assertEquals(429, RawCharger.status("127.0.0.62", ids[chargers - 1], ids[chargers - 1], keys[chargers - 1]));
        assertEquals(101, RawCharger.status("127.0.0.63", ids[chargers - 1], ids[chargers - 1], keys[chargers - 1]));
    }

    @Test
    void pipelined_calls_beyond_a_few_are_refused_and_each_answered_call_was_stored() throws Exception {
        String key = Admin.registerCharger("CP-PIPE");
        try (RawCharger cp = RawCharger.handshake("127.0.0.1", "CP-PIPE", "CP-PIPE", key, 0)) {
            assertEquals(101, cp.status());
            cp.send(frame("boot", "BootNotification", boot()));
            assertEquals(
                    3,
                    Json.createReader(new StringReader(cp.read())).readArray().getInt(0));
            int sent = 40;
            for (int i = 0; i < sent; i++) {
                cp.send(frame("mv-" + i, "MeterValues", meterValues(1, null, Integer.toString(1000 + i))));
            }
            Map<String, JsonArray> answers = new HashMap<>();
            while (answers.size() < sent) {
                String text;
                try {
                    text = cp.read();
                } catch (java.net.SocketTimeoutException e) {
                    throw new AssertionError(
                            "only " + answers.size() + " of " + sent + " calls answered: " + answers.values(), e);
                }
                JsonArray answer = Json.createReader(new StringReader(text)).readArray();
                assertTrue(answers.put(answer.getString(1), answer) == null, "one answer per call: " + answer);
            }
            long results =
                    answers.values().stream().filter(a -> a.getInt(0) == 3).count();
            long busy = answers.values().stream()
                    .filter(a -> a.getInt(0) == 4 && a.getString(2).equals("GenericError"))
                    .count();
            assertEquals(sent, results + busy, "a result or GenericError for each: " + answers.values());
            assertTrue(busy > 0, "more than " + 4 + " waiting calls are refused");
            assertTrue(results > 0);
            assertEquals(
                    Long.toString(results),
                    Checks.value("select count(*) from meter_value where charger_id = ?", "CP-PIPE"),
                    "exactly the acknowledged values are stored");
        }
    }

    @Test
    void a_frame_larger_than_64_kib_closes_the_connection_with_1009() throws InterruptedException {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-HUGE")) {
            cp.sendRaw("[2,\"big\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"" + "x".repeat(70_000) + "\"}]");
            assertEquals(1009, cp.closedWith());
        }
    }

    @Test
    void energy_registers_must_be_plain_decimals_of_sane_size() throws SQLException {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-ENERGY")) {
            for (String value :
                    new String[] {"1E+600000000", "1e3", "NaN", "Infinity", "0x10", "1".repeat(20), "10000000000000"}) {
                assertEquals(
                        "PropertyConstraintViolation",
                        ChargingSessionIT.errorOf(cp, "MeterValues", meterValues(1, null, value)),
                        value);
            }
            ChargingSessionIT.confOf(cp, "MeterValues", meterValues(1, null, "12345.678"));
        }
        assertEquals(
                "12345.678",
                Checks.value("select string_agg(value, ',') from meter_value where charger_id = ?", "CP-ENERGY"));
    }

    /**
     * Values that pass a schema but that PostgreSQL cannot store (found by fuzzing): a NUL character
     * in a string, connector 0 for a transaction. They are violations, answered as such, not an
     * InternalError from a failed insert.
     */
    @Test
    void values_the_database_cannot_store_are_violations() throws SQLException {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-FUZZED")) {
            assertEquals(
                    "PropertyConstraintViolation",
                    ChargingSessionIT.errorOf(
                            cp,
                            "Authorize",
                            Json.createObjectBuilder().add("idTag", "\u0000").build()));
            assertEquals(
                    "PropertyConstraintViolation",
                    ChargingSessionIT.errorOf(
                            cp,
                            "StartTransaction",
                            Json.createObjectBuilder()
                                    .add("connectorId", 0)
                                    .add("idTag", "TAG-FUZZ")
                                    .add("meterStart", 0)
                                    .add("timestamp", Instant.now().toString())
                                    .build()));
            assertEquals(
                    "PropertyConstraintViolation",
                    ChargingSessionIT.errorOf(
                            cp,
                            "StatusNotification",
                            Json.createObjectBuilder()
                                    .add("connectorId", 1)
                                    .add("errorCode", "NoError")
                                    .add("status", "Available")
                                    .add("info", "bad\u0000info")
                                    .add("timestamp", Instant.now().toString())
                                    .build()));
        }
        assertEquals("0", Checks.value("select count(*) from charging_transaction where charger_id = ?", "CP-FUZZED"));
        assertEquals("0", Checks.value("select count(*) from connector_status where charger_id = ?", "CP-FUZZED"));
    }

    @Test
    void meter_values_for_another_chargers_transaction_are_not_added_to_it() throws SQLException {
        String tag = ChargingSessionIT.idTag("TAG-VICTIM", "Accepted");
        try (OcppClient victim = ChargingSessionIT.bootedCharger("CP-VICTIM");
                OcppClient forger = ChargingSessionIT.bootedCharger("CP-FORGER")) {
            int transaction = ChargingSessionIT.confOf(
                            victim,
                            "StartTransaction",
                            Json.createObjectBuilder()
                                    .add("connectorId", 1)
                                    .add("idTag", tag)
                                    .add("meterStart", 0)
                                    .add("timestamp", Instant.now().toString())
                                    .build())
                    .getInt("transactionId");
            ChargingSessionIT.confOf(forger, "MeterValues", meterValues(1, transaction, "999999"));
            assertEquals("0", Checks.value("select count(*) from meter_value where transaction_id = ?", transaction));
            assertEquals(
                    "1",
                    Checks.value(
                            "select count(*) from meter_value where charger_id = ? and transaction_id is null",
                            "CP-FORGER"),
                    "kept as the forger's own value, outside any transaction");
        }
    }

    /**
     * A charger that sends and never reads: the CSMS's replies pile up behind a full TCP window. Its
     * connection is given up within the send timeout, while another charger is served all along.
     */
    @Test
    void a_charger_that_never_reads_is_given_up_and_does_not_slow_others() throws Exception {
        String key = Admin.registerCharger("CP-DEAF");
        RawCharger deaf = RawCharger.handshake("127.0.0.1", "CP-DEAF", "CP-DEAF", key, 1024);
        assertEquals(101, deaf.status());
        deaf.send(frame("boot", "BootNotification", boot()));
        assertEquals(
                3, Json.createReader(new StringReader(deaf.read())).readArray().getInt(0));
        Instant flooding = Instant.now();
        CompletableFuture<Duration> cutOff = CompletableFuture.supplyAsync(() -> {
            String heartbeat = "[2,\"h\",\"Heartbeat\",{}]";
            try {
                while (true) {
                    deaf.send(heartbeat);
                }
            } catch (IOException e) {
                return Duration.between(flooding, Instant.now());
            }
        });
        try (OcppClient other = ChargingSessionIT.bootedCharger("CP-HEARING")) {
            Duration slowest = Duration.ZERO;
            while (!cutOff.isDone() && Duration.between(flooding, Instant.now()).toSeconds() < 90) {
                Instant asked = Instant.now();
                assertEquals(
                        3,
                        other.call("Heartbeat", Json.createObjectBuilder().build())
                                .getInt(0));
                Duration took = Duration.between(asked, Instant.now());
                slowest = took.compareTo(slowest) > 0 ? took : slowest;
                Thread.sleep(200);
            }
            assertTrue(slowest.compareTo(Duration.ofSeconds(3)) < 0, "another charger waited " + slowest);
        } finally {
            deaf.close(); // ends a write that still blocks, should the CSMS not have cut the connection
        }
        Duration after = cutOff.get(10, TimeUnit.SECONDS);
        assertTrue(
                after.compareTo(Duration.ofSeconds(60)) < 0,
                "the CSMS cuts the connection of a charger that does not read; it took " + after);
        assertEquals(
                "f",
                Checks.eventually("f", "select online from charger where id = ?", "CP-DEAF"),
                "and shows it offline");
    }

    private static String frame(String id, String action, JsonObject payload) {
        return Json.createArrayBuilder()
                .add(2)
                .add(id)
                .add(action)
                .add(payload)
                .build()
                .toString();
    }

    private static JsonObject boot() {
        return Json.createObjectBuilder()
                .add("chargePointVendor", "VendorX")
                .add("chargePointModel", "ModelY")
                .build();
    }

    private static JsonObject meterValues(int connector, Integer transaction, String wh) {
        var body = Json.createObjectBuilder().add("connectorId", connector);
        if (transaction != null) {
            body.add("transactionId", transaction);
        }
        return body.add(
                        "meterValue",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("timestamp", Instant.now().toString())
                                        .add(
                                                "sampledValue",
                                                Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("value", wh)
                                                                .add("measurand", "Energy.Active.Import.Register")
                                                                .add("unit", "Wh")))))
                .build();
    }
}
