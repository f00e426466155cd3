package io.csms.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RSA key pair access tokens are signed with, and the AES key secrets are sealed with. For a
 * development system both are generated at first start and kept (owner-only) in the run folder;
 * production operators provide their own.
 */
public record SigningKeys(Path privateKeyFile, String publicKeyBase64, Path secretsKeyFile) {

    /** Issuer ({@code iss}) of the CSMS's tokens, unless configured otherwise. */
    public static final String DEFAULT_ISSUER = "https://csms.local/issuer";

    /** Loads the key pair kept in {@code dir}, generating it first if there is none. */
    public static SigningKeys ensure(Path dir) throws IOException {
        Path file = dir.resolve("jwt-signing-key.pem");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            KeyPair pair = generate();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes())
                            .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            SecretFiles.write(file, pem);
        }
        // the AES key that seals the secrets the CSMS must read back (partners' tokens, TOTP secrets)
        Path secrets = dir.resolve("secrets.key");
        if (!Files.exists(secrets)) {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            SecretFiles.write(secrets, Base64.getEncoder().encodeToString(key) + "\n");
        }
        return new SigningKeys(file, publicKeyOf(Files.readString(file)), secrets);
    }

    /**
     * MicroProfile Config settings for MP-JWT verification and for the CSMS's token issuer. The
     * public key is given inline (base64 DER): it works the same on Payara and WildFly.
     */
    public Map<String, String> systemProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("mp.jwt.verify.publickey", publicKeyBase64);
        props.put("mp.jwt.verify.issuer", DEFAULT_ISSUER);
        props.put("csms.jwt.issuer", DEFAULT_ISSUER);
        props.put(
                "csms.jwt.signing-key.location",
                privateKeyFile.toAbsolutePath().toUri().toString());
        props.put(
                "csms.secrets.key.location",
                secretsKeyFile.toAbsolutePath().toUri().toString());
        return props;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyOf(String privatePem) throws IOException {
        String base64 = privatePem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            var publicKey =
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return Base64.getEncoder().encodeToString(publicKey.getEncoded());
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | ClassCastException e) {
            throw new IOException("Not an RSA private key in PKCS#8 PEM form", e);
        }
    }
}
