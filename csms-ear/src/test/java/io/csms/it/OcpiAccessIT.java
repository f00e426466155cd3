package io.csms.it;

import static io.csms.it.OcpiRegistrationIT.CREDENTIALS;
import static io.csms.it.OcpiRegistrationIT.clientInfo;
import static io.csms.it.OcpiRegistrationIT.createPartner;
import static io.csms.it.OcpiRegistrationIT.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.roaming.Totp;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every OCPI endpoint against every kind of caller: anonymous, a registration token, partner X (a
 * hub with TOTP), partner Y (an eMSP without the hubclientinfo right), a revoked partner, X with a
 * wrong TOTP and X replaying a TOTP: the HTTP status and OCPI status code each must get, and no
 * response carrying another party's token.
 */
@ExtendWith(ArquillianExtension.class)
class OcpiAccessIT extends CsmsEar {

    private static final String SECRET = "secure!Charging!X1";

    record Endpoint(String name, Function<String[], HttpResponse<String>> call) {}

    @Test
    void every_endpoint_answers_every_caller_as_expected() throws Exception {
        try (OcpiTestPartner hub = new OcpiTestPartner("DE", "AX1", "HUB");
                OcpiTestPartner emsp = new OcpiTestPartner("DE", "AY1", "EMSP");
                OcpiTestPartner gone = new OcpiTestPartner("DE", "AR1", "EMSP")) {
            Registered x = register("Access X", "[\"hubclientinfo\"]", hub);
            Registered y = register("Access Y", "[]", emsp);
            Registered revoked = register("Access R", "[\"hubclientinfo\"]", gone);
            assertEquals(200, Http.post("/csms/api/admin/partners/" + revoked.id() + "/revoke", "", Admin.bearer()).statusCode());
            String tokenA = createPartner("Access A", "[\"hubclientinfo\"]").getString("registrationToken");
            HttpResponse<String> totpOn = Http.put("/csms/api/admin/partners/" + x.id(), "{\"totpIncomingSecret\":\"" + SECRET + "\"}",
                    Admin.bearer());
            assertEquals(200, totpOn.statusCode(), totpOn.body());
            assertTrue(Http.json(totpOn).getBoolean("totpIncoming"));
            assertFalse(totpOn.body().contains(SECRET), "the secret is never shown");

            List<Endpoint> endpoints = List.of(
                    new Endpoint("GET versions", h -> Http.get("/ocpi/versions", h)),
                    new Endpoint("GET 2.2.1", h -> Http.get("/ocpi/2.2.1", h)),
                    new Endpoint("GET 2.1.1", h -> Http.get("/ocpi/2.1.1", h)),
                    new Endpoint("GET credentials", h -> Http.get(CREDENTIALS, h)),
                    new Endpoint("PUT hubclientinfo", h -> Http.put("/ocpi/2.2.1/hubclientinfo/DE/CL1", clientInfo("DE", "CL1"), h)));
            Fresh fresh = new Fresh();
            String replayed = fresh.next();
            assertEquals(200, Http.get("/ocpi/versions", withTotp(x.token(), replayed)).statusCode());

            Map<String, Function<Integer, String[]>> callers = new LinkedHashMap<>();
            callers.put("anonymous", i -> new String[] {"X-Request-ID", "anonymous-" + i});
            callers.put("token A", i -> token(tokenA));
            callers.put("partner X", i -> withTotp(x.token(), fresh.next()));
            callers.put("partner X, TOTP as Basic password", i -> basic(x.token(), fresh.next()));
            callers.put("partner Y", i -> token(y.token()));
            callers.put("revoked", i -> token(revoked.token()));
            callers.put("X without TOTP", i -> token(x.token()));
            callers.put("X wrong TOTP", i -> withTotp(x.token(), "AAAAAAAAAAAA"));
            callers.put("X replayed TOTP", i -> withTotp(x.token(), replayed));

            Map<String, int[]> expected = new LinkedHashMap<>();
            // versions, 2.2.1, 2.1.1, credentials, hubclientinfo
            expected.put("anonymous", new int[] {401, 401, 401, 401, 401});
            expected.put("token A", new int[] {200, 200, 200, 200, 401});
            expected.put("partner X", new int[] {200, 200, 200, 200, 200});
            expected.put("partner X, TOTP as Basic password", new int[] {200, 200, 200, 200, 200});
            expected.put("partner Y", new int[] {200, 200, 200, 200, 403});
            expected.put("revoked", new int[] {401, 401, 401, 401, 401});
            expected.put("X without TOTP", new int[] {401, 401, 401, 401, 401});
            expected.put("X wrong TOTP", new int[] {401, 401, 401, 401, 401});
            expected.put("X replayed TOTP", new int[] {401, 401, 401, 401, 401});

            List<String> wrong = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, Function<Integer, String[]>> caller : callers.entrySet()) {
                for (int e = 0; e < endpoints.size(); e++) {
                    HttpResponse<String> response = endpoints.get(e).call().apply(caller.getValue().apply(i++));
                    int want = expected.get(caller.getKey())[e];
                    JsonObject envelope = Http.json(response);
                    int code = envelope.getInt("status_code");
                    if (response.statusCode() != want || code != (want == 200 ? 1000 : 2000)) {
                        wrong.add(caller.getKey() + " × " + endpoints.get(e).name() + ": HTTP " + response.statusCode()
                                + " status_code " + code + ", expected " + want);
                    }
                    for (Registered other : List.of(x, y, revoked)) {
                        if (!caller.getKey().contains(other.name()) && response.body().contains(other.token())) {
                            wrong.add(caller.getKey() + " × " + endpoints.get(e).name() + " shows another party's token");
                        }
                    }
                }
            }
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
            assertEquals(y.token(), Http.json(Http.get(CREDENTIALS, token(y.token()))).getJsonObject("data").getString("token"));
        }
    }

    @Test
    void repeated_authentication_failures_of_a_partner_are_throttled() throws Exception {
        try (OcpiTestPartner partner = new OcpiTestPartner("DE", "AT1", "EMSP")) {
            Registered t = register("Throttled T", "[]", partner);
            assertEquals(200, Http.put("/csms/api/admin/partners/" + t.id(), "{\"totpIncomingSecret\":\"" + SECRET + "\"}",
                    Admin.bearer()).statusCode());
            // the tests allow 20 failures per partner (csms.ocpi.max-auth-failures-per-partner)
            for (int i = 0; i < 20; i++) {
                assertEquals(401, Http.get("/ocpi/versions", withTotp(t.token(), "WRONG" + i)).statusCode());
            }
            HttpResponse<String> blocked = Http.get("/ocpi/versions", withTotp(t.token(), new Fresh().next()));
            assertEquals(429, blocked.statusCode(), "even a right TOTP waits once the partner is blocked");
            assertEquals(2000, Http.json(blocked).getInt("status_code"));
            assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
        }
    }

    record Registered(String name, long id, String token) {}

    /** Registers a partner the way it would: token A, then POST credentials from the test partner. */
    static Registered register(String name, String modules, OcpiTestPartner partner) {
        JsonObject created = createPartner(name, modules);
        HttpResponse<String> answer = Http.post(CREDENTIALS, partner.credentials(partner.newToken()).toString(),
                token(created.getString("registrationToken")));
        assertEquals(200, answer.statusCode(), answer.body());
        return new Registered(name.substring(name.length() - 1), created.getJsonObject("partner").getJsonNumber("id").longValue(),
                Http.json(answer).getJsonObject("data").getString("token"));
    }

    static String[] withTotp(String token, String totp) {
        String[] auth = token(token);
        return new String[] {auth[0], auth[1], "TOTP", "0 " + totp};
    }

    static String[] basic(String token, String totp) {
        return new String[] {"Authorization",
                "Basic " + Base64.getEncoder().encodeToString((token + ":" + totp).getBytes(StandardCharsets.UTF_8))};
    }

    /** TOTP values of partner X's secret (one-second slots in the tests), each handed out once. */
    static final class Fresh {
        private final Totp totp = Totp.of(SECRET, 1, null, null, null);
        private final Set<String> used = new HashSet<>();

        String next() {
            while (true) {
                Totp.Window window = totp.window(System.currentTimeMillis());
                for (String value : List.of(window.current(), window.next())) {
                    if (used.add(value)) {
                        return value;
                    }
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
