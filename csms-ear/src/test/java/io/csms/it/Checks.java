package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.server.Database;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Checks that hold on every server the EAR is deployed to. */
public final class Checks {

    private Checks() {}

    /**
     * An OCPI partner bound to a client certificate is served over mutual TLS with that certificate,
     * and refused with another certificate of the same subject, without one, or without TLS (in
     * production every OCPI request without TLS is refused first: 403, csms.ocpi.require-tls).
     */
    public static void ocpiPartnerNeedsItsClientCertificate(String partyId) throws Exception {
        try (OcpiTestPartner partner = new OcpiTestPartner("DE", partyId, "EMSP")) {
            JsonObject created = OcpiRegistrationIT.createPartner("Certified " + partyId, "[]", partner);
            HttpResponse<String> registered = Http.tls(ChargerTls.tls(null))
                    .post(
                            OcpiRegistrationIT.CREDENTIALS,
                            partner.credentials(partner.newToken()).toString(),
                            OcpiRegistrationIT.token(created.getString("registrationToken")));
            assertEquals(200, registered.statusCode(), registered.body());
            String[] token = OcpiRegistrationIT.token(
                    Http.json(registered).getJsonObject("data").getString("token"));
            ChargerTls.Issued own = ChargerTls.issue("partner-" + partyId);
            long id = created.getJsonObject("partner").getJsonNumber("id").longValue();
            assertEquals(
                    200,
                    Http.put(
                                    "/csms/api/admin/partners/" + id,
                                    "{\"clientCertificateSha256\":\"" + own.sha256() + "\"}",
                                    Admin.bearer())
                            .statusCode());
            assertEquals(
                    200,
                    Http.tls(own.context())
                            .get(OcpiRegistrationIT.CREDENTIALS, token)
                            .statusCode());
            assertEquals(
                    401,
                    Http.tls(ChargerTls.issue("partner-" + partyId).context())
                            .get(OcpiRegistrationIT.CREDENTIALS, token)
                            .statusCode(),
                    "another certificate");
            assertEquals(
                    401,
                    Http.tls(ChargerTls.tls(null))
                            .get(OcpiRegistrationIT.CREDENTIALS, token)
                            .statusCode(),
                    "no certificate");
            assertEquals(
                    ServerUnderTest.production() ? 403 : 401,
                    Http.get(OcpiRegistrationIT.CREDENTIALS, token).statusCode(),
                    "no TLS");
        }
    }

    /**
     * The API's OpenAPI document is served without a token, as YAML and as JSON, and names the
     * driver journey's operations, the bearer scheme and the problem responses.
     */
    public static void apiDocumentIsServed() {
        HttpResponse<String> yaml = Http.get("/csms/api/openapi");
        assertEquals(200, yaml.statusCode(), yaml.body());
        assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        assertTrue(
                yaml.body().startsWith("---\nopenapi: 3."),
                yaml.body().substring(0, Math.min(200, yaml.body().length())));
        assertTrue(yaml.body().contains("  /api/charging/start:"));

        JsonObject json = Http.json(Http.get("/csms/api/openapi", "Accept", "application/json"));
        assertEquals(json, Http.json(Http.get("/csms/api/openapi?format=json")));
        JsonObject paths = json.getJsonObject("paths");
        for (String path : new String[] {
            "/api/auth/signup",
            "/api/auth/login",
            "/api/charging/start",
            "/api/charging/stop",
            "/api/sessions",
            "/api/sessions/{id}/live",
            "/api/commands/{id}",
            "/api/me/cards",
            "/api/me/vehicles"
        }) {
            assertTrue(paths.containsKey(path), path);
        }
        assertEquals(
                "bearer",
                json.getJsonObject("components")
                        .getJsonObject("securitySchemes")
                        .getJsonObject("bearer")
                        .getString("scheme"));
        assertTrue(json.getJsonObject("components")
                .getJsonObject("responses")
                .getJsonObject("NotFound")
                .getJsonObject("content")
                .containsKey("application/problem+json"));
    }

    /**
     * MicroProfile Health: the server's endpoint reports UP, and the application's checks (served by
     * the application at /csms/api/health on every server) say live, and ready with the schema migrated.
     */
    public static void healthIsUp() {
        for (String probe : new String[] {"/live", "/ready"}) {
            HttpResponse<String> server = Http.get(ServerUnderTest.healthUrl() + probe);
            assertEquals(200, server.statusCode(), server.body());
            assertEquals("UP", Http.json(server).getString("status"));
        }
        HttpResponse<String> live = Http.get("/csms/api/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", check(Http.json(live), "threads").getString("status"));

        HttpResponse<String> ready = Http.get("/csms/api/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject database = check(Http.json(ready), "database");
        assertEquals("UP", database.getString("status"));
        assertEquals(latestMigration(), database.getJsonObject("data").getString("schema"));
    }

    /** The named check of a MicroProfile Health report. */
    public static JsonObject check(JsonObject report, String name) {
        return report.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + report));
    }

    /**
     * A charger that is not Accepted is served nothing but BootNotification (review H2): no tag
     * oracle, no transaction on someone's tag, no meter values; each CALL is a SecurityError and
     * nothing is stored.
     */
    public static void refusedUntilAccepted(OcppClient charger, String chargerId) throws SQLException {
        String now = Instant.now().toString();
        JsonObject[] calls = {
            Json.createObjectBuilder().add("idTag", "VICTIM-TAG").build(),
            Json.createObjectBuilder()
                    .add("connectorId", 1)
                    .add("idTag", "VICTIM-TAG")
                    .add("meterStart", 0)
                    .add("timestamp", now)
                    .build(),
            Json.createObjectBuilder()
                    .add("connectorId", 1)
                    .add(
                            "meterValue",
                            Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder()
                                            .add("timestamp", now)
                                            .add(
                                                    "sampledValue",
                                                    Json.createArrayBuilder()
                                                            .add(Json.createObjectBuilder()
                                                                    .add("value", "10")))))
                    .build(),
            Json.createObjectBuilder()
                    .add("connectorId", 1)
                    .add("errorCode", "NoError")
                    .add("status", "Available")
                    .build(),
            Json.createObjectBuilder().build()
        };
        String[] actions = {"Authorize", "StartTransaction", "MeterValues", "StatusNotification", "Heartbeat"};
        for (int i = 0; i < actions.length; i++) {
            JsonArray answer = charger.call(actions[i], calls[i]);
            assertEquals(4, answer.getInt(0), actions[i] + " must be refused before acceptance: " + answer);
            assertEquals("SecurityError", answer.getString(2), actions[i] + ": " + answer);
        }
        for (String table : new String[] {"charging_transaction", "meter_value", "connector"}) {
            assertEquals(
                    "0",
                    value("select count(*) from " + table + " where charger_id = ?", chargerId),
                    "nothing stored in " + table);
        }
    }

    /**
     * Nothing but the HTTP and HTTPS listeners faces the network (security review C0): every other
     * socket the server process listens on is bound to loopback. Read from /proc, as a port scan
     * from outside would find them.
     */
    public static void onlyTheHttpListenersFaceTheNetwork(int adminPort) throws Exception {
        List<Listening.Socket> sockets = Listening.of(ServerUnderTest.serverPid());
        assertTrue(sockets.size() >= 3, "the server's sockets were found: " + sockets);
        List<Listening.Socket> exposed = sockets.stream()
                .filter(s -> !s.loopback() && !ServerUnderTest.publicPorts().contains(s.port()))
                .toList();
        assertEquals(List.of(), exposed, "listening beyond loopback besides HTTP(S): all " + sockets);
        assertTrue(
                sockets.stream().anyMatch(s -> s.port() == adminPort && s.loopback()),
                "the admin interface listens, on loopback only: " + sockets);
    }

    /** A charger boots over OCPP 1.6-J, is answered per the schema, and ends up in PostgreSQL. */
    public static void chargerBootsAndIsStored(String chargerId) throws SQLException {
        String key = Admin.registerCharger(chargerId);
        try (OcppClient charger = OcppClient.connect(chargerId, chargerId, key)) {
            assertEquals("ocpp1.6", charger.subprotocol());

            JsonArray boot = charger.call(
                    "BootNotification",
                    Json.createObjectBuilder()
                            .add("chargePointVendor", "VendorX")
                            .add("chargePointModel", "ModelY")
                            .add("chargePointSerialNumber", "SN-" + chargerId)
                            .add("firmwareVersion", "1.2.3")
                            .build());
            assertEquals(3, boot.getInt(0), "CALLRESULT expected: " + boot);
            JsonObject conf = boot.getJsonObject(2);
            OcppSchemas.assertValid("BootNotification", "conf", conf);
            assertEquals("Accepted", conf.getString("status"));
            assertTrue(conf.getInt("interval") > 0);

            JsonArray heartbeat =
                    charger.call("Heartbeat", Json.createObjectBuilder().build());
            assertEquals(3, heartbeat.getInt(0), "CALLRESULT expected: " + heartbeat);
            OcppSchemas.assertValid("Heartbeat", "conf", heartbeat.getJsonObject(2));
            Instant serverTime = Instant.parse(heartbeat.getJsonObject(2).getString("currentTime"));
            assertTrue(
                    Math.abs(serverTime.getEpochSecond() - Instant.now().getEpochSecond()) < 60,
                    "server clock " + serverTime);
        }
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(
                        "select vendor, model, serial_number, firmware_version, last_seen from charger where id = ?")) {
            ps.setString(1, chargerId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "charger " + chargerId + " not stored");
                assertEquals("VendorX", rs.getString(1));
                assertEquals("ModelY", rs.getString(2));
                assertEquals("SN-" + chargerId, rs.getString(3));
                assertEquals("1.2.3", rs.getString(4));
            }
        }
        // presence is written in batches: a connection within 250 ms
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(3);
        while (value("select last_seen is not null from charger where id = ?", chargerId)
                .equals("f")) {
            assertTrue(System.nanoTime() < deadline, "last_seen recorded");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The application's connection pool has the size given from outside ({@code csms.db.pool-size},
     * 12 in the tests): its connections to PostgreSQL settle at exactly that number.
     */
    public static void poolHasConfiguredSize() throws SQLException, InterruptedException {
        int expected = ServerUnderTest.database().poolSize();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        int open;
        do {
            open = Integer.parseInt(value(
                    "select count(*) from pg_stat_activity where usename = ? and pid <> pg_backend_pid()",
                    ServerUnderTest.database().user()));
            if (open == expected) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the application holds " + open + " connections, the pool size is " + expected);
    }

    /** The highest migration version the application applied, read from PostgreSQL. */
    public static String latestMigration() {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(
                        "select version from flyway_schema_history where success order by installed_rank desc limit 1");
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "no migration applied");
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** The first column of the first row {@code sql} returns for {@code parameter}, as text (what was stored). */
    public static String value(String sql, Object parameter) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no row: " + sql);
                return rs.getString(1);
            }
        }
    }

    /**
     * {@link #value} once it equals {@code expected}, asked again for up to 5 s (what the CSMS writes
     * shortly after it answers, such as a charger's online state).
     */
    public static String eventually(String expected, String sql, Object parameter)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String value = value(sql, parameter);
        while (!expected.equals(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = value(sql, parameter);
        }
        return value;
    }

    public static Connection connect() throws SQLException {
        Database db = ServerUnderTest.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
