package io.csms.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.csms.it.Admin;
import io.csms.it.ChargerTls;
import io.csms.it.Checks;
import io.csms.it.ConsoleIT;
import io.csms.it.CsmsEar;
import io.csms.it.Driver;
import io.csms.it.Http;
import io.csms.it.OcppClient;
import io.csms.it.OcppSchemas;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same EAR, unchanged, on WildFly: health, a database round trip and an OCPP handshake. */
@ExtendWith(ArquillianExtension.class)
class WildFlyIT extends CsmsEar {

    @Test
    void health_is_live_and_ready_once_the_schema_is_migrated() {
        Checks.healthIsUp();
    }

    @Test
    void the_api_document_is_served() {
        Checks.apiDocumentIsServed();
    }

    @Test
    void the_connection_pool_has_the_size_configured_from_outside() throws Exception {
        Checks.poolHasConfiguredSize();
    }

    @Test
    void a_charger_boots_over_ocpp_and_is_stored_in_postgresql() throws SQLException {
        Checks.chargerBootsAndIsStored("CP-WILDFLY-1");
    }

    @Test
    void ocpi_open_data_is_off_unless_the_operator_switches_it_on() throws Exception {
        HttpResponse<String> anonymous = Http.tls(ChargerTls.tls(null)).get("/ocpi/versions");
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals(2000, Http.json(anonymous).getInt("status_code"));
    }

    /**
     * The console's Jakarta Security login on WildFly, in production: over HTTPS only (plain HTTP is
     * refused); anonymous requests go to the login page; password, enrolment, first code, recovery
     * codes, the pages, logout.
     */
    @Test
    void the_console_logs_an_operator_in_over_https_only_and_nobody_else() throws Exception {
        assertEquals(403, Http.get("/ocpi/admin/login.xhtml").statusCode(), "no password over plain HTTP");
        ConsoleIT.onlyTheLoginPageAnswersAnonymously(Http.tls(ChargerTls.tls(null)));
        ConsoleIT.logsInWithoutABrowser(
                java.net.http.HttpClient.newBuilder()
                        .sslContext(ChargerTls.tls(null))
                        .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL))
                        .build(),
                "https://localhost:" + io.csms.it.ServerUnderTest.httpsPort());
    }

    /** In production OCPI is served over TLS only (csms.ocpi.require-tls): plain HTTP is refused first (review M7). */
    @Test
    void metrics_are_scraped_with_their_token_and_show_alerts() throws Exception {
        assertEquals(403, Http.get("/csms/metrics").statusCode(), "in production, over HTTPS only");
        ConsoleIT.metricsShowAnAlertForRepeatedLoginFailures(Http.tls(ChargerTls.tls(null)), "127.0.0.63");
    }

    @Test
    void in_production_ocpi_over_plain_http_is_refused_before_anything_else() {
        HttpResponse<String> plain = Http.get("/ocpi/versions", "Authorization", "Token whatever");
        assertEquals(403, plain.statusCode(), plain.body());
        assertEquals(2000, Http.json(plain).getInt("status_code"));
    }

    /**
     * The WildFly run has {@code csms.ocpp.unknown-chargers=pending} (Payara's keeps the default,
     * reject: 404). A charger registered on first contact may boot and nothing more (review H2): it
     * cannot authorize tags or start transactions, and it cannot be accepted before it has a key.
     */
    @Test
    void an_unknown_charger_is_pending_and_served_nothing_until_it_has_a_key_and_an_admin_accepts_it()
            throws Exception {
        String id = "CP-WF-NEWCOMER";
        JsonObject boot = Json.createObjectBuilder()
                .add("chargePointVendor", "VendorX")
                .add("chargePointModel", "ModelZ")
                .build();
        String key = "wf-newcomer-key-0123456789";
        try (OcppClient charger = OcppClient.connect(id)) {
            JsonObject pending = charger.call("BootNotification", boot).getJsonObject(2);
            OcppSchemas.assertValid("BootNotification", "conf", pending);
            assertEquals("Pending", pending.getString("status"));
            JsonObject listed = Http.json(Http.get("/csms/api/admin/chargers/" + id, Admin.bearer()));
            assertEquals(
                    "Pending", listed.getString("registrationStatus"), "the admin sees it, waiting for a decision");
            assertEquals("ModelZ", listed.getString("model"));
            Checks.refusedUntilAccepted(charger, id);

            HttpResponse<String> keyless = Http.put(
                    "/csms/api/admin/chargers/" + id + "/registration-status",
                    "{\"status\":\"Accepted\"}",
                    Admin.bearer());
            assertEquals(409, keyless.statusCode(), "no acceptance without credentials: " + keyless.body());

            HttpResponse<String> keyed = Http.put(
                    "/csms/api/admin/chargers/" + id,
                    Json.createObjectBuilder()
                            .add("id", id)
                            .add("securityProfile", 1)
                            .add("authorizationKey", key)
                            .build()
                            .toString(),
                    Admin.bearer());
            assertEquals(200, keyed.statusCode(), keyed.body());
            assertEquals(1008, charger.closedWith(), "new credentials end the keyless connection");
        }
        assertEquals(401, OcppClient.refusedStatus(id, "ocpp1.6"), "from now on the key is required");
        try (OcppClient charger = OcppClient.connect(id, id, key)) {
            assertEquals(
                    "Pending",
                    charger.call("BootNotification", boot).getJsonObject(2).getString("status"));
            HttpResponse<String> accepted = Http.put(
                    "/csms/api/admin/chargers/" + id + "/registration-status",
                    "{\"status\":\"Accepted\"}",
                    Admin.bearer());
            assertEquals(200, accepted.statusCode(), accepted.body());
            // told at once: asked to boot again, and accepted at that boot
            JsonArray trigger = charger.next();
            assertEquals("TriggerMessage", trigger.getString(2));
            assertEquals("BootNotification", trigger.getJsonObject(3).getString("requestedMessage"));
            charger.reply(
                    trigger,
                    Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals(
                    "Accepted",
                    charger.call("BootNotification", boot).getJsonObject(2).getString("status"));
            assertEquals(
                    3,
                    charger.call("Heartbeat", Json.createObjectBuilder().build())
                            .getInt(0),
                    "served in full once accepted");
        }
    }

    /**
     * WildFly runs as production: a new account proves its e-mail address before it may log in (the
     * test bench, Payara, lets it log in at once).
     */
    @Test
    void in_production_a_new_account_must_verify_its_email_address_before_it_logs_in() throws Exception {
        String email = "verify-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String password = "Verify-me-please-42";
        HttpResponse<String> created = Http.post("/csms/api/auth/signup", Driver.credentials(email, password));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("UNVERIFIED", Http.json(created).getString("status"));
        HttpResponse<String> early = Http.post("/csms/api/auth/login", Driver.credentials(email, password));
        assertEquals(403, early.statusCode(), early.body());
        assertEquals(
                "https://csms.io/problems/email-not-verified", Http.json(early).getString("type"));

        String token = Driver.verificationToken(email);
        assertNotNull(token, "a verification mail reached the address");
        assertEquals(
                400,
                Http.post("/csms/api/auth/verify", "{\"token\":\"not-the-token\"}")
                        .statusCode());
        assertEquals(
                204,
                Http.post("/csms/api/auth/verify", "{\"token\":\"" + token + "\"}")
                        .statusCode());
        assertEquals(
                400,
                Http.post("/csms/api/auth/verify", "{\"token\":\"" + token + "\"}")
                        .statusCode(),
                "a link works once");
        assertEquals(
                200,
                Http.post("/csms/api/auth/login", Driver.credentials(email, password))
                        .statusCode());
    }

    /** WildFly's management interface (and everything but HTTP(S)) listens on loopback only, as csms.cli leaves it. */
    @Test
    void nothing_but_the_http_listeners_faces_the_network() throws Exception {
        Checks.onlyTheHttpListenersFaceTheNetwork(Integer.getInteger("csms.it.wildfly.management-port"));
    }

    @Test
    void ocpp_handshake_without_subprotocol_ocpp16_is_refused() {
        assertEquals(400, OcppClient.refusedStatus("CP-NOPROTO"));
    }
}
