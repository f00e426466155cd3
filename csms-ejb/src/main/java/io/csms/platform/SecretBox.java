package io.csms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts the secrets the CSMS must be able to read back (partners' tokens we send, TOTP secrets)
 * with AES-256-GCM. The key is 32 random bytes, base64, in the file named by
 * {@code csms.secrets.key.location}; the run command generates one at first start. Each secret is
 * sealed for a purpose (e.g. {@code ocpi.totp-incoming}) that is authenticated with it: a sealed
 * value copied into another column does not open there. Values sealed before purposes ({@code v1:})
 * still open.
 */
@ApplicationScoped
public class SecretBox {

    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "csms.secrets.key.location")
    String keyLocation;

    private SecretKeySpec key;

    @PostConstruct
    void load() {
        try (InputStream in = URI.create(keyLocation).toURL().openStream()) {
            byte[] bytes = Base64.getDecoder().decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("csms.secrets.key.location must hold 32 bytes, base64-encoded");
            }
            key = new SecretKeySpec(bytes, "AES");
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the secrets key from csms.secrets.key.location", e);
        }
    }

    /** Seals {@code plain} for {@code purpose}; null stays null. */
    public String seal(String plain, String purpose) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return V2
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a value sealed for {@code purpose}; one sealed for another purpose does not open. */
    public String open(String sealed, String purpose) {
        if (sealed == null) {
            return null;
        }
        boolean v2 = sealed.startsWith(V2);
        if (!v2 && !sealed.startsWith(V1)) {
            throw new IllegalStateException("Not a sealed secret");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(V2.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            if (v2) {
                cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            }
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed secret does not open with this key for " + purpose, e);
        }
    }
}
