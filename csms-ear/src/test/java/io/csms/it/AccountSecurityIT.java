package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Second factor, token audience and the operator surface: a driver enrols an authenticator app and
 * from then on logs in with its codes; tokens for another audience are refused; where
 * {@code csms.admin.require-mfa} is on (production, the WildFly run) an operator's power needs a login
 * with the second factor (security review M2, L10).
 */
@ExtendWith(ArquillianExtension.class)
public class AccountSecurityIT extends CsmsEar {

    @Test
    public void a_second_factor_is_enrolled_then_needed_at_every_login_and_removed_with_a_code() throws Exception {
        Driver driver = Driver.signUp();
        TestTotp.atLeastLeftInStep(10);
        String secret = enrol(driver.bearer());

        assertEquals(
                400,
                post("/csms/api/me/second-factor/confirm", code("12345"), driver.bearer())
                        .statusCode());
        assertEquals(
                400,
                post("/csms/api/me/second-factor/confirm", code(wrong(TestTotp.code(secret, -1))), driver.bearer())
                        .statusCode(),
                "a wrong code confirms nothing");
        assertEquals(
                200,
                Http.post("/csms/api/auth/login", Driver.credentials(driver.email, driver.password))
                        .statusCode(),
                "not yet confirmed: the password alone still works");
        assertEquals(
                204,
                post("/csms/api/me/second-factor/confirm", code(TestTotp.code(secret, -1)), driver.bearer())
                        .statusCode());

        HttpResponse<String> passwordOnly = login(driver, null);
        assertEquals(401, passwordOnly.statusCode(), passwordOnly.body());
        assertTrue(Http.json(passwordOnly).getString("type").endsWith("/second-factor-required"));
        assertEquals(401, login(driver, wrong(TestTotp.code(secret, 0))).statusCode());
        assertEquals(
                401, login(driver, TestTotp.code(secret, -1)).statusCode(), "a code already used does not work twice");
        HttpResponse<String> withCode = login(driver, TestTotp.code(secret, 0));
        assertEquals(200, withCode.statusCode(), withCode.body());
        assertTrue(
                claims(Http.json(withCode).getString("access_token"))
                        .getJsonArray("amr")
                        .toString()
                        .contains("\"otp\""),
                "the token says the login used the second factor");

        int withoutCode =
                Http.delete("/csms/api/me/second-factor", driver.bearer()).statusCode();
        assertTrue(withoutCode == 400 || withoutCode == 415, "removing it takes a code: " + withoutCode);
        HttpResponse<String> removed =
                Http.send("DELETE", "/csms/api/me/second-factor", code(TestTotp.code(secret, 1)), driver.bearer());
        assertEquals(204, removed.statusCode(), removed.body());
        assertEquals(200, login(driver, null).statusCode(), "the password alone again");
        assertEquals(
                "1",
                Checks.value(
                        "select count(*) from audit_event where action = 'account.second-factor.confirm'"
                                + " and outcome = 'SUCCESS' and target = ?",
                        Long.toString(driver.accountId)),
                "enrolment is audited");
    }

    @Test
    public void a_token_for_another_audience_is_refused() {
        assertEquals(
                401,
                Http.get(
                                "/csms/api/admin/chargers",
                                "Authorization",
                                "Bearer " + Tokens.withoutAudience("ops", "admin"))
                        .statusCode());
        assertEquals(200, Http.get("/csms/api/admin/chargers", Admin.bearer()).statusCode());
    }

    /** Production requires the second factor of operators; the test bench does not. */
    @Test
    public void an_operator_token_from_a_password_only_login_administers_only_where_mfa_is_not_required()
            throws Exception {
        HttpResponse<String> admin =
                Http.get("/csms/api/admin/chargers", "Authorization", "Bearer " + Tokens.passwordOnly("ops", "admin"));
        assertEquals(ServerUnderTest.production() ? 403 : 200, admin.statusCode(), admin.body());

        HttpResponse<String> root = Http.post(
                "/csms/api/auth/login", Driver.credentials(ServerUnderTest.ROOT_EMAIL, ServerUnderTest.ROOT_PASSWORD));
        assertEquals(200, root.statusCode(), root.body());
        String[] rootBearer = {"Authorization", "Bearer " + Http.json(root).getString("access_token")};
        if (!ServerUnderTest.production()) {
            assertEquals(200, Http.get("/csms/api/admin/chargers", rootBearer).statusCode());
            return;
        }
        assertEquals(
                403,
                Http.get("/csms/api/admin/chargers", rootBearer).statusCode(),
                "root without a second factor logs in as a user only");
        TestTotp.atLeastLeftInStep(10);
        String secret = enrol(rootBearer);
        assertEquals(
                204,
                post("/csms/api/me/second-factor/confirm", code(TestTotp.code(secret, -1)), rootBearer)
                        .statusCode());
        try {
            HttpResponse<String> withCode = Http.post(
                    "/csms/api/auth/login",
                    credentials(ServerUnderTest.ROOT_EMAIL, ServerUnderTest.ROOT_PASSWORD, TestTotp.code(secret, 0)));
            assertEquals(200, withCode.statusCode(), withCode.body());
            String[] admin2 = {"Authorization", "Bearer " + Http.json(withCode).getString("access_token")};
            assertEquals(200, Http.get("/csms/api/admin/chargers", admin2).statusCode());
            rootBearer = admin2;
        } finally {
            // leave root as the other tests expect it
            HttpResponse<String> removed =
                    Http.send("DELETE", "/csms/api/me/second-factor", code(TestTotp.code(secret, 1)), rootBearer);
            assertEquals(204, removed.statusCode(), removed.body());
        }
    }

    /**
     * Sign-up costs a password hash: at most {@code csms.signup.max-per-address} per hour from one
     * address (20 in the production run, whose sign-ups are few), then 429 with Retry-After, while
     * other addresses sign up as before (review M6).
     */
    @Test
    public void sign_ups_from_one_address_are_limited() {
        Assumptions.assumeTrue(
                ServerUnderTest.production(),
                "the bench allows 1,000 per address: its tests all sign up from 127.0.0.1");
        int allowed = 20;
        for (int i = 0; i < allowed; i++) {
            Http.Answer created = signUpFrom("127.0.0.80", i);
            assertEquals(201, created.status(), created.body());
        }
        Http.Answer refused = signUpFrom("127.0.0.80", allowed);
        assertEquals(429, refused.status(), refused.body());
        assertTrue(Integer.parseInt(refused.headers().get("retry-after")) > 0);
        assertEquals(201, signUpFrom("127.0.0.81", allowed).status(), "another address is not affected");
    }

    private static Http.Answer signUpFrom(String address, int n) {
        String email =
                "many-" + n + "-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        return Http.requestFrom(
                address, "POST", "/csms/api/auth/signup", Driver.credentials(email, "Many-signups-" + n + "-ok"));
    }

    private static String enrol(String[] bearer) {
        HttpResponse<String> enrolled = post("/csms/api/me/second-factor", "", bearer);
        assertEquals(200, enrolled.statusCode(), enrolled.body());
        assertEquals("no-store", enrolled.headers().firstValue("Cache-Control").orElse(""));
        JsonObject enrolment = Http.json(enrolled);
        assertTrue(enrolment.getString("uri").startsWith("otpauth://totp/"), enrolment.toString());
        return enrolment.getString("secret");
    }

    private static HttpResponse<String> login(Driver driver, String totp) {
        return Http.post("/csms/api/auth/login", credentials(driver.email, driver.password, totp));
    }

    private static String credentials(String email, String password, String totp) {
        var body = Json.createObjectBuilder().add("email", email).add("password", password);
        if (totp != null) {
            body.add("totp", totp);
        }
        return body.build().toString();
    }

    private static HttpResponse<String> post(String path, String json, String[] bearer) {
        return Http.post(path, json, bearer);
    }

    private static String code(String totp) {
        return Json.createObjectBuilder().add("totp", totp).build().toString();
    }

    /** Another six digits than {@code code}. */
    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static JsonObject claims(String jwt) {
        return Http.json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
