package io.csms.it;

import io.csms.server.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/** The signing key the server under test trusts, made fresh for each test run, for tests that need tokens. */
final class TestKeys {

    private static SigningKeys keys;

    private TestKeys() {}

    static void init(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve("jwt-signing-key.pem"));
        keys = SigningKeys.ensure(dir);
    }

    static Map<String, String> systemProperties() {
        return keys.systemProperties();
    }

    static PrivateKey signingKey() {
        try {
            String pem = Files.readString(keys.privateKeyFile());
            byte[] der = Base64.getDecoder()
                    .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test signing key", e);
        }
    }
}
