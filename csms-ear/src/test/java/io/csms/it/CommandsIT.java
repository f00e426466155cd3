package io.csms.it;

import static io.csms.it.LocationsIT.ocpi;
import static io.csms.it.LocationsIT.ocpiData;
import static io.csms.it.OcpiRegistrationIT.assertOcpi;
import static io.csms.it.OcpiRegistrationIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partner's commands reach our chargers (OCPI Commands, we are the Receiver): granted by the admin
 * only, narrowed per partner, answered at once, sent as OCPP, and their results POSTed to the
 * partner's response_url when the charger's outcome is known. The test eMSP is a fake
 * ({@link OcpiTestPartner}); the charger is a real OCPP client the test answers for.
 */
@ExtendWith(ArquillianExtension.class)
public class CommandsIT extends CsmsEar {

    private static final String COMMANDS = "/ocpi/2.2.1/commands/";

    @Test
    public void a_partner_starts_stops_reserves_and_unlocks_and_is_told_each_result() throws Exception {
        try (OcpiTestPartner emsp = new OcpiTestPartner("DE", "CM1", "EMSP");
                OcpiTestPartner other = new OcpiTestPartner("DE", "CM2", "EMSP");
                OcppClient cp = ChargingSessionIT.bootedCharger("CP-CMD-1")) {
            emsp.receivesSessions = true;
            String c = LocationsIT.register(emsp, "Commands eMSP");
            String otherC = LocationsIT.register(other, "Commands other eMSP");
            assertEquals(
                    201,
                    Http.put(
                                    LocationsIT.ADMIN_LOCATIONS + "LOC-CMD-1",
                                    LocationsIT.location("LOC-CMD-1", "CP-CMD-1", 1, 2),
                                    Admin.bearer())
                            .statusCode());
            LocationsIT.status(cp, 1, "Available");
            LocationsIT.status(cp, 2, "Available");

            // commands are never granted by default: the endpoint is not the partner's
            HttpResponse<String> ungranted = start(c, emsp, "S0", "CMDAPP1", "LOC-CMD-1-1");
            assertEquals(403, ungranted.statusCode(), ungranted.body());
            long partner = LocationsIT.partnerId(emsp);
            grant(partner, null);
            grant(LocationsIT.partnerId(other), null);

            // START_SESSION: ACCEPTED at once, RemoteStartTransaction, the result once the charger starts
            JsonObject answer = (JsonObject) ocpiData(start(c, emsp, "S1", "CMDAPP1", "LOC-CMD-1-1"));
            assertEquals("ACCEPTED", answer.getString("result"), answer.toString());
            assertEquals(14, answer.getInt("timeout"), "start timeout (4 s in the tests) + 10 s");
            JsonArray remoteStart = TokensIT.expect(cp, "RemoteStartTransaction");
            assertEquals(1, remoteStart.getJsonObject(3).getInt("connectorId"));
            assertEquals("CMDAPP1", remoteStart.getJsonObject(3).getString("idTag"));
            cp.reply(
                    remoteStart,
                    Json.createObjectBuilder().add("status", "Accepted").build());
            Thread.sleep(300);
            assertTrue(
                    emsp.received.stream().noneMatch(r -> r.path().endsWith("/S1")),
                    "no result before the StartTransaction");
            JsonObject started = ChargingSessionIT.confOf(cp, "StartTransaction", startTransaction(1, "CMDAPP1"));
            assertEquals("Accepted", started.getJsonObject("idTagInfo").getString("status"));
            int transactionId = started.getInt("transactionId");
            assertEquals("ACCEPTED", result(emsp, "START_SESSION/S1").getString("result"));
            JsonObject session = LocationsIT.await(
                            emsp,
                            r -> r.method().equals("PUT") && r.path().equals("/2.2.1/sessions/NL/CSM/" + transactionId))
                    .body();
            assertEquals("COMMAND", session.getString("auth_method"));
            assertEquals("REF-S1", session.getString("authorization_reference"));
            assertEquals("CMDAPP1", session.getJsonObject("cdr_token").getString("uid"));
            assertTrue(
                    emsp.received.stream().noneMatch(r -> r.path().contains("/authorize")),
                    "the command's tag is not asked about again");

            // a start on the occupied connector: ACCEPTED, then EVSE_OCCUPIED without asking the charger
            answer = (JsonObject) ocpiData(start(c, emsp, "S2", "CMDAPP2", "LOC-CMD-1-1"));
            assertEquals("ACCEPTED", answer.getString("result"));
            assertEquals("EVSE_OCCUPIED", result(emsp, "START_SESSION/S2").getString("result"));

            // a start the charger accepts but never follows: TIMEOUT after the start timeout
            ocpiData(start(c, emsp, "S3", "CMDAPP3", "LOC-CMD-1-2"));
            JsonArray never = TokensIT.expect(cp, "RemoteStartTransaction");
            cp.reply(never, Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals("TIMEOUT", result(emsp, "START_SESSION/S3").getString("result"));

            // the token must be of the partner's own party; the location one it receives
            assertEquals(
                    "REJECTED",
                    ((JsonObject) ocpiData(ocpi().post(
                                            COMMANDS + "START_SESSION",
                                            startSession(emsp, "S4", "DE", "CM2", "CMDAPP4", "LOC-CMD-1-2")
                                                    .toString(),
                                            token(c))))
                            .getString("result"));
            JsonObject unknownPlace = (JsonObject) ocpiData(ocpi().post(
                            COMMANDS + "START_SESSION",
                            Json.createObjectBuilder(startSession(emsp, "S5", "DE", "CM1", "CMDAPP5", "NOPE-1"))
                                    .add("location_id", "NOPE")
                                    .build()
                                    .toString(),
                            token(c)));
            assertEquals("REJECTED", unknownPlace.getString("result"));
            assertTrue(unknownPlace.getJsonArray("message").toString().contains("NOPE"), unknownPlace.toString());
            // a body without a required field is 400/2001
            assertOcpi(
                    400,
                    2001,
                    ocpi().post(COMMANDS + "START_SESSION", "{\"response_url\":\"http://127.0.0.1/x\"}", token(c)));

            // unlocking ends the session on the connector: another partner may not
            JsonObject othersUnlock = (JsonObject) ocpiData(ocpi().post(
                            COMMANDS + "UNLOCK_CONNECTOR",
                            Json.createObjectBuilder()
                                    .add("response_url", other.commandResultUrl("2.2.1", "UNLOCK_CONNECTOR/O1"))
                                    .add("location_id", "LOC-CMD-1")
                                    .add("evse_uid", "LOC-CMD-1-1")
                                    .add("connector_id", "1")
                                    .build()
                                    .toString(),
                            token(otherC)));
            assertEquals("REJECTED", othersUnlock.getString("result"), othersUnlock.toString());

            // STOP_SESSION: another partner does not see the session; the owner stops it
            assertEquals(
                    "UNKNOWN_SESSION",
                    ((JsonObject) ocpiData(stop(otherC, other, "T0", transactionId))).getString("result"));
            assertEquals("UNKNOWN_SESSION", ((JsonObject) ocpiData(stop(c, emsp, "T1", 999999))).getString("result"));
            assertEquals("ACCEPTED", ((JsonObject) ocpiData(stop(c, emsp, "T2", transactionId))).getString("result"));
            JsonArray remoteStop = TokensIT.expect(cp, "RemoteStopTransaction");
            assertEquals(transactionId, remoteStop.getJsonObject(3).getInt("transactionId"));
            cp.reply(
                    remoteStop,
                    Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals("ACCEPTED", result(emsp, "STOP_SESSION/T2").getString("result"));
            ChargingSessionIT.confOf(
                    cp,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", transactionId)
                            .add("meterStop", 2000)
                            .add("timestamp", Instant.now().toString())
                            .build());
            LocationsIT.status(cp, 1, "Available");

            // RESERVE_NOW: the partner's reservation id becomes ours; the cancel names the same one
            HttpResponse<String> reserved = ocpi().post(
                            COMMANDS + "RESERVE_NOW",
                            reserveNow(emsp, "R1", "LOC-CMD-1-2").toString(),
                            token(c));
            assertEquals("ACCEPTED", ((JsonObject) ocpiData(reserved)).getString("result"));
            JsonArray reserveNow = TokensIT.expect(cp, "ReserveNow");
            int reservationId = reserveNow.getJsonObject(3).getInt("reservationId");
            assertTrue(reservationId >= 1_000_000_000, "ours, not the partner's: " + reserveNow);
            assertEquals(2, reserveNow.getJsonObject(3).getInt("connectorId"));
            cp.reply(
                    reserveNow,
                    Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals("ACCEPTED", result(emsp, "RESERVE_NOW/R1").getString("result"));
            // the reserved connector is the reserving partner's: another one's start finds it occupied
            LocationsIT.status(cp, 2, "Reserved");
            HttpResponse<String> othersStart = ocpi().post(
                            COMMANDS + "START_SESSION",
                            startSession(other, "S6", "DE", "CM2", "CMDAPP6", "LOC-CMD-1-2")
                                    .toString(),
                            token(otherC));
            assertEquals("ACCEPTED", ((JsonObject) ocpiData(othersStart)).getString("result"));
            assertEquals(
                    "EVSE_OCCUPIED",
                    LocationsIT.await(other, r -> r.path().endsWith("/commands/START_SESSION/S6"))
                            .body()
                            .getString("result"));
            ocpiData(start(c, emsp, "S7", "CMDRES1", "LOC-CMD-1-2"));
            JsonArray ownStart = TokensIT.expect(cp, "RemoteStartTransaction");
            cp.reply(
                    ownStart,
                    Json.createObjectBuilder().add("status", "Rejected").build());
            assertEquals("REJECTED", result(emsp, "START_SESSION/S7").getString("result"));
            LocationsIT.status(cp, 2, "Available");
            assertEquals(
                    "ACCEPTED",
                    ((JsonObject) ocpiData(ocpi().post(
                                            COMMANDS + "CANCEL_RESERVATION",
                                            Json.createObjectBuilder()
                                                    .add(
                                                            "response_url",
                                                            emsp.commandResultUrl("2.2.1", "CANCEL_RESERVATION/C1"))
                                                    .add("reservation_id", "r-CMD-R1")
                                                    .build()
                                                    .toString(),
                                            token(c))))
                            .getString("result"));
            JsonArray cancel = TokensIT.expect(cp, "CancelReservation");
            assertEquals(reservationId, cancel.getJsonObject(3).getInt("reservationId"));
            cp.reply(
                    cancel, Json.createObjectBuilder().add("status", "Rejected").build());
            assertEquals(
                    "UNKNOWN_RESERVATION", result(emsp, "CANCEL_RESERVATION/C1").getString("result"));
            // the other partner cannot cancel it: it has no such reservation
            assertEquals(
                    "REJECTED",
                    ((JsonObject) ocpiData(ocpi().post(
                                            COMMANDS + "CANCEL_RESERVATION",
                                            Json.createObjectBuilder()
                                                    .add(
                                                            "response_url",
                                                            other.commandResultUrl("2.2.1", "CANCEL_RESERVATION/C2"))
                                                    .add("reservation_id", "R-CMD-R1")
                                                    .build()
                                                    .toString(),
                                            token(otherC))))
                            .getString("result"));
            // a reservation of the whole charger needs ReserveConnectorZeroSupported
            JsonObject whole = Json.createObjectBuilder(reserveNow(emsp, "R2", "x"))
                    .remove("evse_uid")
                    .build();
            assertEquals(
                    "ACCEPTED",
                    ((JsonObject) ocpiData(ocpi().post(COMMANDS + "RESERVE_NOW", whole.toString(), token(c))))
                            .getString("result"));
            JsonArray question = TokensIT.expect(cp, "GetConfiguration");
            cp.reply(
                    question,
                    Json.createObjectBuilder()
                            .add(
                                    "configurationKey",
                                    Json.createArrayBuilder()
                                            .add(Json.createObjectBuilder()
                                                    .add("key", "ReserveConnectorZeroSupported")
                                                    .add("readonly", true)
                                                    .add("value", "false")))
                            .build());
            assertEquals("NOT_SUPPORTED", result(emsp, "RESERVE_NOW/R2").getString("result"));

            // UNLOCK_CONNECTOR, then narrowed away by the admin
            assertEquals("ACCEPTED", ((JsonObject) ocpiData(unlock(c, emsp, "U1"))).getString("result"));
            JsonArray unlock = TokensIT.expect(cp, "UnlockConnector");
            assertEquals(1, unlock.getJsonObject(3).getInt("connectorId"));
            cp.reply(
                    unlock, Json.createObjectBuilder().add("status", "Unlocked").build());
            assertEquals("ACCEPTED", result(emsp, "UNLOCK_CONNECTOR/U1").getString("result"));
            grant(partner, "[\"START_SESSION\", \"STOP_SESSION\"]");
            JsonObject narrowed = (JsonObject) ocpiData(unlock(c, emsp, "U2"));
            assertEquals("REJECTED", narrowed.getString("result"));
            assertEquals(
                    "[\"START_SESSION\",\"STOP_SESSION\"]",
                    Http.json(Http.get("/csms/api/admin/partners/" + partner, Admin.bearer()))
                            .getJsonArray("allowedCommands")
                            .toString());
            assertEquals(
                    400,
                    Http.put(
                                    "/csms/api/admin/partners/" + partner,
                                    "{\"allowedCommands\":[\"SELF_DESTRUCT\"]}",
                                    Admin.bearer())
                            .statusCode());

            // the operator sees every command sent to the charger, and who asked
            JsonArray history = Json.createReader(new java.io.StringReader(
                            Http.get("/csms/api/admin/chargers/CP-CMD-1/commands", Admin.bearer())
                                    .body()))
                    .readArray();
            List<String> kinds = history.getValuesAs(JsonObject.class).stream()
                    .map(h -> h.getString("kind") + ":" + h.getString("status") + ":" + h.getString("origin"))
                    .toList();
            assertTrue(kinds.contains("START:Started:PARTNER"), kinds.toString());
            assertTrue(kinds.contains("START:Occupied:PARTNER"), kinds.toString());
            assertTrue(kinds.contains("START:NeverStarted:PARTNER"), kinds.toString());
            assertTrue(kinds.contains("RESERVE:Accepted:PARTNER"), kinds.toString());
            assertTrue(kinds.contains("CANCEL:UnknownReservation:PARTNER"), kinds.toString());
            assertTrue(kinds.contains("RESERVE:NotSupported:PARTNER"), kinds.toString());
            assertTrue(kinds.contains("UNLOCK:Accepted:PARTNER"), kinds.toString());
            assertFalse(kinds.stream().anyMatch(k -> k.startsWith("UNLOCK:Sent")), kinds.toString());
        }
    }

    @Test
    public void a_2_1_1_partner_starts_a_session_and_receives_a_command_response() throws Exception {
        try (OcpiTestPartner emsp = new OcpiTestPartner("DE", "CM3", "EMSP");
                OcppClient cp = ChargingSessionIT.bootedCharger("CP-CMD-2")) {
            emsp.versionsOffered = List.of("2.1.1");
            String c = LocationsIT.register211(emsp);
            String[] auth = OcpiRegistrationIT.plain(c);
            assertEquals(
                    201,
                    Http.put(
                                    LocationsIT.ADMIN_LOCATIONS + "LOC-CMD-2",
                                    LocationsIT.location("LOC-CMD-2", "CP-CMD-2", 1, 2),
                                    Admin.bearer())
                            .statusCode());
            LocationsIT.status(cp, 1, "Available");
            LocationsIT.status(cp, 2, "Available");
            grant(LocationsIT.partnerId(emsp), null);

            JsonObject token = Json.createObjectBuilder()
                    .add("uid", "CMD211TOKEN")
                    .add("type", "APP_USER")
                    .add("auth_id", "DE-CM3-C00001-1")
                    .add("issuer", "Test CM3")
                    .add("valid", true)
                    .add("whitelist", "ALLOWED")
                    .add(
                            "last_updated",
                            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                    .build();
            // START_SESSION names no connector in 2.1.1; the answer is a CommandResponse {result}
            JsonObject answer = (JsonObject) ocpiData(ocpi().post(
                            "/ocpi/2.1.1/commands/START_SESSION",
                            Json.createObjectBuilder()
                                    .add("response_url", emsp.commandResultUrl("2.1.1", "START_SESSION/A1"))
                                    .add("token", token)
                                    .add("location_id", "LOC-CMD-2")
                                    .add("evse_uid", "LOC-CMD-2-1")
                                    .build()
                                    .toString(),
                            auth));
            assertEquals(Json.createObjectBuilder().add("result", "ACCEPTED").build(), answer);
            JsonArray remoteStart = TokensIT.expect(cp, "RemoteStartTransaction");
            assertEquals("CMD211TOKEN", remoteStart.getJsonObject(3).getString("idTag"));
            cp.reply(
                    remoteStart,
                    Json.createObjectBuilder().add("status", "Accepted").build());
            JsonObject started = ChargingSessionIT.confOf(cp, "StartTransaction", startTransaction(1, "CMD211TOKEN"));
            assertEquals("Accepted", started.getJsonObject("idTagInfo").getString("status"));
            assertEquals(
                    Json.createObjectBuilder().add("result", "ACCEPTED").build(),
                    LocationsIT.await(emsp, r -> r.path().endsWith("/2.1.1/commands/START_SESSION/A1"))
                            .body());
            assertEquals(
                    "COMMAND",
                    Checks.value(
                            "select auth_method from charging_transaction where id = ?",
                            started.getInt("transactionId")));

            // a start the charger accepts but never follows: {result: TIMEOUT} after the start timeout
            assertEquals(
                    "ACCEPTED",
                    ((JsonObject) ocpiData(ocpi().post(
                                            "/ocpi/2.1.1/commands/START_SESSION",
                                            Json.createObjectBuilder()
                                                    .add(
                                                            "response_url",
                                                            emsp.commandResultUrl("2.1.1", "START_SESSION/A2"))
                                                    .add(
                                                            "token",
                                                            Json.createObjectBuilder(token)
                                                                    .add("uid", "CMD211TOKEN2"))
                                                    .add("location_id", "LOC-CMD-2")
                                                    .add("evse_uid", "LOC-CMD-2-2")
                                                    .build()
                                                    .toString(),
                                            auth)))
                            .getString("result"));
            JsonArray never = TokensIT.expect(cp, "RemoteStartTransaction");
            assertEquals(2, never.getJsonObject(3).getInt("connectorId"));
            cp.reply(never, Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals(
                    Json.createObjectBuilder().add("result", "TIMEOUT").build(),
                    LocationsIT.await(emsp, r -> r.path().endsWith("/2.1.1/commands/START_SESSION/A2"))
                            .body());

            // 2.1.1 has no CANCEL_RESERVATION
            assertEquals(
                    "NOT_SUPPORTED",
                    ((JsonObject) ocpiData(ocpi().post(
                                            "/ocpi/2.1.1/commands/CANCEL_RESERVATION",
                                            "{\"response_url\":\"" + emsp.commandResultUrl("2.1.1", "X")
                                                    + "\",\"reservation_id\":\"1\"}",
                                            auth)))
                            .getString("result"));
        }
    }

    /** The admin grants the commands module (and, when given, narrows the command types). */
    private static void grant(long partner, String commands) {
        String body = "{\"allowedModules\":[\"locations\",\"tariffs\",\"sessions\",\"cdrs\",\"tokens\",\"commands\"]"
                + (commands == null ? "" : ",\"allowedCommands\":" + commands) + "}";
        HttpResponse<String> updated = Http.put("/csms/api/admin/partners/" + partner, body, Admin.bearer());
        assertEquals(200, updated.statusCode(), updated.body());
    }

    private static JsonObject startSession(
            OcpiTestPartner emsp, String name, String country, String party, String uid, String evse) {
        return Json.createObjectBuilder()
                .add("response_url", emsp.commandResultUrl("2.2.1", "START_SESSION/" + name))
                .add(
                        "token",
                        TokensIT.tokenObject(
                                country,
                                party,
                                uid,
                                "APP_USER",
                                "ALLOWED",
                                Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                .add("location_id", evse.replaceAll("-[0-9]+$", ""))
                .add("evse_uid", evse)
                .add("connector_id", "1")
                .add("authorization_reference", "REF-" + name)
                .build();
    }

    private static HttpResponse<String> start(String c, OcpiTestPartner emsp, String name, String uid, String evse) {
        return ocpi().post(
                        COMMANDS + "START_SESSION",
                        startSession(emsp, name, emsp.countryCode(), emsp.partyId(), uid, evse)
                                .toString(),
                        token(c));
    }

    private static HttpResponse<String> stop(String c, OcpiTestPartner emsp, String name, int transactionId) {
        return ocpi().post(
                        COMMANDS + "STOP_SESSION",
                        Json.createObjectBuilder()
                                .add("response_url", emsp.commandResultUrl("2.2.1", "STOP_SESSION/" + name))
                                .add("session_id", Integer.toString(transactionId))
                                .build()
                                .toString(),
                        token(c));
    }

    private static HttpResponse<String> unlock(String c, OcpiTestPartner emsp, String name) {
        return ocpi().post(
                        COMMANDS + "UNLOCK_CONNECTOR",
                        Json.createObjectBuilder()
                                .add("response_url", emsp.commandResultUrl("2.2.1", "UNLOCK_CONNECTOR/" + name))
                                .add("location_id", "LOC-CMD-1")
                                .add("evse_uid", "LOC-CMD-1-1")
                                .add("connector_id", "1")
                                .build()
                                .toString(),
                        token(c));
    }

    private static JsonObject reserveNow(OcpiTestPartner emsp, String name, String evse) {
        return Json.createObjectBuilder()
                .add("response_url", emsp.commandResultUrl("2.2.1", "RESERVE_NOW/" + name))
                .add(
                        "token",
                        TokensIT.tokenObject(
                                "DE",
                                "CM1",
                                "CMDRES1",
                                "APP_USER",
                                "ALLOWED",
                                Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                .add(
                        "expiry_date",
                        Instant.now()
                                .plus(30, ChronoUnit.MINUTES)
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString())
                .add("reservation_id", "R-CMD-" + name)
                .add("location_id", "LOC-CMD-1")
                .add("evse_uid", evse)
                .build();
    }

    private static JsonObject startTransaction(int connector, String idTag) {
        return Json.createObjectBuilder()
                .add("connectorId", connector)
                .add("idTag", idTag)
                .add("meterStart", 1000)
                .add("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .build();
    }

    /** The CommandResult the eMSP received at the response_url ending in {@code name}. */
    private static JsonObject result(OcpiTestPartner emsp, String name) throws InterruptedException {
        return LocationsIT.await(
                        emsp, r -> r.method().equals("POST") && r.path().endsWith("/commands/" + name))
                .body();
    }
}
