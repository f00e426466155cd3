package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;

/** What an operator does through the admin API, for tests that need registered chargers. */
public final class Admin {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Admin() {}

    public static String[] bearer() {
        return new String[] {"Authorization", "Bearer " + Tokens.valid("ops", "admin")};
    }

    /** Registers {@code chargerId} with security profile 1 and a fresh AuthorizationKey, which it returns. */
    public static String registerCharger(String chargerId) {
        String key = HexFormat.of().formatHex(randomBytes(12));
        HttpResponse<String> created = Http.post(
                "/csms/api/admin/chargers",
                Json.createObjectBuilder()
                        .add("id", chargerId)
                        .add("securityProfile", 1)
                        .add("authorizationKey", key)
                        .build()
                        .toString(),
                bearer());
        assertEquals(201, created.statusCode(), created.body());
        return key;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
