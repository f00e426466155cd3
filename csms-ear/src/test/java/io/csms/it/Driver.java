package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.UUID;

/** A driver of the app: signs up and logs in through the API, then calls it with its access token. */
public final class Driver {

    public final String email;
    public final String password;
    public final long accountId;
    public String accessToken;
    public String refreshToken;
    public final String idTag;

    private Driver(String email, String password, long accountId, JsonObject tokens) {
        this.email = email;
        this.password = password;
        this.accountId = accountId;
        this.accessToken = tokens.getString("access_token");
        this.refreshToken = tokens.getString("refresh_token");
        this.idTag = tokens.getString("idTag");
    }

    /** A new account with a random email, logged in. */
    public static Driver signUp() {
        String email = "driver-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
        String password = "Correct-horse-" + UUID.randomUUID();
        HttpResponse<String> created = Http.post("/csms/api/auth/signup", credentials(email, password));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject account = Http.json(created);
        if (ServerUnderTest.production()) {
            // production: the account works once the link mailed to it was followed
            HttpResponse<String> verified =
                    Http.post("/csms/api/auth/verify", "{\"token\":\"" + verificationToken(email) + "\"}");
            assertEquals(204, verified.statusCode(), verified.body());
        }
        HttpResponse<String> login = Http.post("/csms/api/auth/login", credentials(email, password));
        assertEquals(200, login.statusCode(), login.body());
        Driver driver = new Driver(email, password, account.getJsonNumber("id").longValue(), Http.json(login));
        assertEquals(account.getString("idTag"), driver.idTag, "login names the idTag made at sign-up");
        return driver;
    }

    /** The token of the verification link mailed to {@code email} (production runs), waiting up to 20 s for the mail. */
    public static String verificationToken(String email) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            java.util.Optional<String> token = ServerUnderTest.mail().received().stream()
                    .filter(m -> m.to().stream().anyMatch(email::equalsIgnoreCase))
                    .map(m -> m.text().replaceAll("(?s).*verify\\?token=([A-Za-z0-9_-]+).*", "$1"))
                    .findFirst();
            if (token.isPresent()) {
                return token.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no verification mail reached " + email);
    }

    public static String credentials(String email, String password) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .build()
                .toString();
    }

    /** Links an RFID card the way a driver does: claims it for a charger, then taps it there (an Authorize). */
    public void linkCard(String card, OcppClient charger, String chargerId) {
        HttpResponse<String> claim = post(
                "/csms/api/me/cards",
                Json.createObjectBuilder()
                        .add("idTag", card)
                        .add("label", "card")
                        .add("chargePointId", chargerId)
                        .build()
                        .toString());
        assertEquals(202, claim.statusCode(), claim.body());
        JsonArray tap = charger.call(
                "Authorize", Json.createObjectBuilder().add("idTag", card).build());
        assertEquals("Accepted", tap.getJsonObject(2).getJsonObject("idTagInfo").getString("status"), tap.toString());
        assertEquals(
                "CONFIRMED",
                Http.json(get("/csms/api/me/cards/claims/" + Http.json(claim).getString("claimId")))
                        .getString("status"));
    }

    public String[] bearer() {
        return new String[] {"Authorization", "Bearer " + accessToken};
    }

    public HttpResponse<String> get(String path) {
        return Http.get(path, bearer());
    }

    public HttpResponse<String> post(String path, String json) {
        return Http.post(path, json, bearer());
    }

    public static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }
}
