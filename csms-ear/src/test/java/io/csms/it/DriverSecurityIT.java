package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The driver API's accounts, tokens and isolation: what a driver may do, and what nobody else may. */
@ExtendWith(ArquillianExtension.class)
class DriverSecurityIT extends CsmsEar {

    @Test
    void signup_enforces_email_and_password_policy_and_unique_email_ignoring_case() {
        HttpResponse<String> weak = Http.post("/csms/api/auth/signup", Driver.credentials("weak@example.org", "short"));
        assertEquals(400, weak.statusCode());
        assertEquals("https://csms.io/problems/weak-password", Http.json(weak).getString("type"));
        HttpResponse<String> notEmail =
                Http.post("/csms/api/auth/signup", Driver.credentials("nobody", "A-long-enough-secret"));
        assertEquals(400, notEmail.statusCode());
        HttpResponse<String> missing = Http.post("/csms/api/auth/signup", "{\"email\":\"x@example.org\"}");
        assertEquals(400, missing.statusCode());
        assertEquals(
                "application/problem+json",
                missing.headers().firstValue("Content-Type").orElseThrow());

        Driver driver = Driver.signUp();
        assertTrue(driver.idTag.length() <= 20, "the app idTag fits OCPP");
        HttpResponse<String> again = Http.post(
                "/csms/api/auth/signup", Driver.credentials(driver.email.toUpperCase(), "Another-long-secret-1"));
        assertEquals(409, again.statusCode(), again.body());
    }

    @Test
    void issued_access_tokens_carry_the_mp_jwt_claims_and_a_short_lifetime() {
        Driver driver = Driver.signUp();
        String[] parts = driver.accessToken.split("\\.");
        JsonObject header = Http.json(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        JsonObject claims = Http.json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertEquals("RS256", header.getString("alg"));
        assertEquals("https://csms.local/issuer", claims.getString("iss"));
        assertEquals(Long.toString(driver.accountId), claims.getString("sub"));
        assertEquals(driver.email.toLowerCase(), claims.getString("upn"));
        assertEquals(List.of("user"), claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(
                900,
                claims.getJsonNumber("exp").longValue()
                        - claims.getJsonNumber("iat").longValue());
        assertFalse(claims.getString("jti").isEmpty());

        JsonObject me = Http.json(driver.get("/csms/api/me"));
        assertEquals(Long.toString(driver.accountId), me.getString("subject"));
    }

    @Test
    void bad_tokens_are_401_and_drivers_are_403_on_admin_endpoints() {
        Driver driver = Driver.signUp();
        String subject = Long.toString(driver.accountId);
        for (String token : new String[] {
            null,
            Tokens.expired(subject, "user"),
            Tokens.signedByAnotherKey(subject, "user"),
            Tokens.wrongIssuer(subject, "user"),
            "not.a.jwt"
        }) {
            HttpResponse<String> response = token == null
                    ? Http.get("/csms/api/sessions")
                    : Http.get("/csms/api/sessions", "Authorization", "Bearer " + token);
            assertEquals(401, response.statusCode(), "token " + token);
        }
        HttpResponse<String> admin = driver.get("/csms/api/admin/chargers");
        assertEquals(403, admin.statusCode());
        assertEquals(
                "application/problem+json",
                admin.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void one_driver_cannot_see_stop_or_learn_about_another_drivers_sessions_cards_vehicles_or_commands() {
        Driver alice = Driver.signUp();
        Driver bob = Driver.signUp();
        // Alice charges (her tag, started at the charger) and has a command, a card and a vehicle
        Admin.registerCharger("CP-ALICE-OFF");
        String aliceCommand = Http.json(alice.post(
                        "/csms/api/charging/start", "{\"chargePointId\":\"CP-ALICE-OFF\",\"connectorId\":1}"))
                .getString("commandId");
        int transactionId;
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-ALICE")) {
            transactionId = ChargingSessionIT.confOf(
                            cp,
                            "StartTransaction",
                            Json.createObjectBuilder()
                                    .add("connectorId", 1)
                                    .add("idTag", alice.idTag)
                                    .add("meterStart", 0)
                                    .add("timestamp", Instant.now().toString())
                                    .build())
                    .getInt("transactionId");
        }
        String card = "ALICE" + UUID.randomUUID().toString().substring(0, 8);
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-ALICE-CARD")) {
            alice.linkCard(card, cp, "CP-ALICE-CARD");
        }
        long vehicle = Http.json(alice.post("/csms/api/me/vehicles", "{\"label\":\"Zoe\",\"batteryKwh\":52}"))
                .getJsonNumber("id")
                .longValue();

        assertEquals(1, Driver.array(alice.get("/csms/api/sessions")).size());
        assertEquals(
                transactionId,
                Http.json(alice.get("/csms/api/sessions/" + transactionId))
                        .getJsonObject("session")
                        .getInt("transactionId"));

        // Bob gets "not found", exactly as for things that do not exist
        assertEquals(0, Driver.array(bob.get("/csms/api/sessions")).size());
        HttpResponse<String> hers = bob.get("/csms/api/sessions/" + transactionId);
        HttpResponse<String> none = bob.get("/csms/api/sessions/999999999");
        assertEquals(404, hers.statusCode());
        assertEquals(Http.json(none).getString("type"), Http.json(hers).getString("type"));
        assertEquals(
                404, bob.get("/csms/api/sessions/" + transactionId + "/live").statusCode());
        assertEquals(
                404,
                bob.post("/csms/api/charging/stop", "{\"transactionId\":" + transactionId + "}")
                        .statusCode());
        assertEquals(404, bob.get("/csms/api/commands/" + aliceCommand).statusCode());
        assertEquals(
                404, bob.post("/csms/api/me/cards/" + card + "/block", "{}").statusCode());
        assertEquals(
                404, Http.delete("/csms/api/me/cards/" + card, bob.bearer()).statusCode());
        assertEquals(404, bob.get("/csms/api/me/vehicles/" + vehicle).statusCode());
        assertEquals(
                404,
                Http.delete("/csms/api/me/vehicles/" + vehicle, bob.bearer()).statusCode());
        JsonArray bobsCards = Driver.array(bob.get("/csms/api/me/cards"));
        assertEquals(1, bobsCards.size(), "only Bob's app tag: " + bobsCards);
        assertEquals(
                409,
                bob.post("/csms/api/me/cards", "{\"idTag\":\"" + card.toLowerCase() + "\"}")
                        .statusCode(),
                "a card belongs to one account, whatever the case");
        assertEquals(0, Driver.array(bob.get("/csms/api/me/vehicles")).size());
        // and Alice's things are untouched
        assertEquals(2, Driver.array(alice.get("/csms/api/me/cards")).size());
        assertEquals(200, alice.get("/csms/api/me/vehicles/" + vehicle).statusCode());
    }

    @Test
    void cards_block_unblock_and_remove_change_what_chargers_are_told() {
        Driver driver = Driver.signUp();
        String card = "RFID" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(
                400,
                driver.post("/csms/api/me/cards", "{\"idTag\":\"has space\"}").statusCode());
        assertEquals(
                400,
                driver.post("/csms/api/me/cards", "{\"idTag\":\"ABCDEFGHIJKLMNOPQRSTU\"}")
                        .statusCode());
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-CARDS")) {
            driver.linkCard(card, cp, "CP-CARDS");
            assertEquals("Accepted", authorize(cp, card));
            assertEquals(
                    "Blocked",
                    Http.json(driver.post("/csms/api/me/cards/" + card + "/block", "{}"))
                            .getString("status"));
            assertEquals("Blocked", authorize(cp, card));
            driver.post("/csms/api/me/cards/" + card + "/unblock", "{}");
            assertEquals("Accepted", authorize(cp, card));
            assertEquals(
                    409,
                    Http.delete("/csms/api/me/cards/" + driver.idTag, driver.bearer())
                            .statusCode(),
                    "the app tag stays");
            assertEquals(
                    204,
                    Http.delete("/csms/api/me/cards/" + card, driver.bearer()).statusCode());
            assertEquals("Invalid", authorize(cp, card));
        }
    }

    /**
     * An RFID uid can be read by anyone (review M9): knowing it is no claim. A card becomes a driver's
     * only when it is tapped at the charger the driver named, within the claim window (3 s in the
     * tests), or when an operator approves; what an operator blocked, its owner cannot unblock.
     */
    @Test
    void a_card_becomes_a_drivers_only_when_tapped_where_and_when_the_driver_said() throws Exception {
        Driver thief = Driver.signUp();
        Driver owner = Driver.signUp();
        String card = "TAP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try (OcppClient here = ChargingSessionIT.bootedCharger("CP-TAP-HERE");
                OcppClient elsewhere = ChargingSessionIT.bootedCharger("CP-TAP-ELSEWHERE")) {
            HttpResponse<String> claim =
                    thief.post("/csms/api/me/cards", "{\"idTag\":\"" + card + "\",\"chargePointId\":\"CP-TAP-HERE\"}");
            assertEquals(202, claim.statusCode(), claim.body());
            String thiefClaim = Http.json(claim).getString("claimId");
            assertEquals("WAITING", Http.json(claim).getString("status"));
            assertEquals(
                    1, Driver.array(thief.get("/csms/api/me/cards")).size(), "a claim is not a card: only the app tag");
            assertEquals("Invalid", authorize(elsewhere, card), "a tap elsewhere proves nothing");
            Thread.sleep(3500);
            assertEquals("Invalid", authorize(here, card), "too late: the claim expired");
            assertEquals(
                    "EXPIRED",
                    Http.json(thief.get("/csms/api/me/cards/claims/" + thiefClaim))
                            .getString("status"));
            assertEquals(
                    404, owner.get("/csms/api/me/cards/claims/" + thiefClaim).statusCode(), "not the owner's");

            owner.linkCard(card, here, "CP-TAP-HERE");
            assertEquals(1, Driver.array(thief.get("/csms/api/me/cards")).size(), "the thief has nothing");
            assertEquals(
                    409,
                    thief.post("/csms/api/me/cards", "{\"idTag\":\"" + card + "\",\"chargePointId\":\"CP-TAP-HERE\"}")
                            .statusCode(),
                    "a linked card cannot be claimed");

            // an operator blocks the card: its owner's unblock does not lift that
            assertEquals(
                    200,
                    Http.put("/csms/api/admin/id-tags/" + card, "{\"status\":\"Blocked\"}", Admin.bearer())
                            .statusCode());
            assertEquals("Blocked", authorize(here, card));
            owner.post("/csms/api/me/cards/" + card + "/unblock", "{}");
            assertEquals("Blocked", authorize(here, card), "an operator's block needs an operator");
            Http.put("/csms/api/admin/id-tags/" + card, "{\"status\":\"Accepted\"}", Admin.bearer());
            assertEquals("Accepted", authorize(here, card));

            // a claim that names no charger waits for an operator
            String other = "OPR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            String waiting = Http.json(owner.post("/csms/api/me/cards", "{\"idTag\":\"" + other + "\"}"))
                    .getString("claimId");
            assertEquals(
                    200,
                    Http.post("/csms/api/admin/card-claims/" + waiting + "/approve", "", Admin.bearer())
                            .statusCode());
            assertEquals("Accepted", authorize(here, other));
            assertEquals(
                    "CONFIRMED",
                    Http.json(owner.get("/csms/api/me/cards/claims/" + waiting)).getString("status"));
        }
    }

    @Test
    void vehicles_are_added_changed_listed_and_removed() {
        Driver driver = Driver.signUp();
        HttpResponse<String> added = driver.post(
                "/csms/api/me/vehicles",
                "{\"label\":\"Family\",\"make\":\"Renault\",\"model\":\"Zoe\",\"licensePlate\":\"AB-123-CD\",\"batteryKwh\":52.0}");
        assertEquals(201, added.statusCode(), added.body());
        long id = Http.json(added).getJsonNumber("id").longValue();
        assertEquals(
                400, driver.post("/csms/api/me/vehicles", "{\"batteryKwh\":-1}").statusCode());
        HttpResponse<String> changed =
                Http.put("/csms/api/me/vehicles/" + id, "{\"label\":\"Daily\",\"batteryKwh\":41}", driver.bearer());
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(
                "Daily",
                Driver.array(driver.get("/csms/api/me/vehicles"))
                        .getJsonObject(0)
                        .getString("label"));
        assertEquals(
                204, Http.delete("/csms/api/me/vehicles/" + id, driver.bearer()).statusCode());
        assertEquals(0, Driver.array(driver.get("/csms/api/me/vehicles")).size());
    }

    @Test
    void repeated_wrong_passwords_block_the_account_for_a_while_even_with_the_right_one() throws Exception {
        Driver driver = Driver.signUp();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong =
                    Http.post("/csms/api/auth/login", Driver.credentials(driver.email, "Wrong-password-" + i));
            assertEquals(401, wrong.statusCode(), wrong.body());
        }
        HttpResponse<String> blocked =
                Http.post("/csms/api/auth/login", Driver.credentials(driver.email, driver.password));
        assertEquals(429, blocked.statusCode(), blocked.body());
        assertTrue(Integer.parseInt(blocked.headers().firstValue("Retry-After").orElseThrow()) > 0);
        assertEquals(
                200,
                loginFrom("127.0.0.4", driver.email, driver.password),
                "guesses from one address do not lock the driver out everywhere");
        assertEquals(
                "5",
                Checks.value(
                        "select count(*) from audit_event where action = 'auth.login' and target = ? "
                                + "and outcome = 'FAILURE'",
                        driver.email.toLowerCase()),
                "every failure is audited");
        assertEquals(
                "1",
                Checks.value(
                        "select count(*) from audit_event where action = 'auth.login' and target = ? "
                                + "and outcome = 'DENIED'",
                        driver.email.toLowerCase()),
                "and so is the refused attempt");
    }

    @Test
    void many_failures_from_one_address_block_that_address_not_others() {
        Driver driver = Driver.signUp();
        int status = 0;
        for (int i = 0; i < 25 && status != 429; i++) {
            status = loginFrom("127.0.0.2", "nobody-" + i + "@example.org", "Wrong-password-1");
        }
        assertEquals(429, status, "the address is slowed down");
        assertEquals(429, loginFrom("127.0.0.2", driver.email, driver.password));
        assertEquals(200, loginFrom("127.0.0.3", driver.email, driver.password), "other addresses are not affected");
    }

    /** A login sent from {@code source}, another loopback address of this machine, answered with its HTTP status. */
    static int loginFrom(String source, String email, String password) {
        return Http.requestFrom(source, "POST", "/csms/api/auth/login", Driver.credentials(email, password))
                .status();
    }

    @Test
    void refresh_rotates_the_refresh_token_reuse_revokes_everything_and_logout_ends_it() {
        Driver driver = Driver.signUp();
        String first = driver.refreshToken;
        HttpResponse<String> refreshed = Http.post("/csms/api/auth/refresh", "{\"refreshToken\":\"" + first + "\"}");
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String second = Http.json(refreshed).getString("refresh_token");
        String access = Http.json(refreshed).getString("access_token");
        assertEquals(
                200,
                Http.get("/csms/api/me", "Authorization", "Bearer " + access).statusCode());

        // the used token presented again: stolen, so every refresh token of the account dies
        assertEquals(
                401,
                Http.post("/csms/api/auth/refresh", "{\"refreshToken\":\"" + first + "\"}")
                        .statusCode());
        assertEquals(
                401,
                Http.post("/csms/api/auth/refresh", "{\"refreshToken\":\"" + second + "\"}")
                        .statusCode());

        HttpResponse<String> login =
                Http.post("/csms/api/auth/login", Driver.credentials(driver.email, driver.password));
        String third = Http.json(login).getString("refresh_token");
        assertEquals(
                204,
                Http.post(
                                "/csms/api/auth/logout",
                                "{\"refreshToken\":\"" + third + "\"}",
                                "Authorization",
                                "Bearer " + Http.json(login).getString("access_token"))
                        .statusCode());
        assertEquals(
                401,
                Http.post("/csms/api/auth/refresh", "{\"refreshToken\":\"" + third + "\"}")
                        .statusCode());
        assertEquals(
                401,
                Http.post("/csms/api/auth/refresh", "{\"refreshToken\":\"garbage\"}")
                        .statusCode());
    }

    @Test
    void the_root_account_from_configuration_logs_in_and_administers() {
        HttpResponse<String> login = Http.post(
                "/csms/api/auth/login", Driver.credentials(ServerUnderTest.ROOT_EMAIL, ServerUnderTest.ROOT_PASSWORD));
        assertEquals(200, login.statusCode(), login.body());
        String token = Http.json(login).getString("access_token");
        JsonObject me = Http.json(Http.get("/csms/api/me", "Authorization", "Bearer " + token));
        assertTrue(me.getJsonArray("roles")
                .getValuesAs(jakarta.json.JsonString::getString)
                .contains("root"));
        assertEquals(
                200,
                Http.get("/csms/api/admin/chargers", "Authorization", "Bearer " + token)
                        .statusCode());
    }

    @Test
    void passwords_and_tokens_never_appear_in_the_logs() throws IOException {
        Driver driver = Driver.signUp();
        Http.post("/csms/api/auth/login", Driver.credentials(driver.email, "Wrong-but-secret-42"));
        Http.post("/csms/api/auth/refresh", "{\"refreshToken\":\"" + driver.refreshToken + "\"}");
        List<String> secrets = List.of(
                driver.password,
                "Wrong-but-secret-42",
                driver.accessToken,
                driver.refreshToken,
                ServerUnderTest.ROOT_PASSWORD);
        List<Path> logs = ServerUnderTest.logFiles();
        assertFalse(logs.isEmpty());
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), log + " contains a secret");
            }
        }
    }

    private static String authorize(OcppClient cp, String idTag) {
        return ChargingSessionIT.confOf(
                        cp,
                        "Authorize",
                        Json.createObjectBuilder().add("idTag", idTag).build())
                .getJsonObject("idTagInfo")
                .getString("status");
    }
}
