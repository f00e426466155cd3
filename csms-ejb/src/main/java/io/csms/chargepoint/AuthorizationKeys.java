package io.csms.chargepoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Hashing and checking of OCPP AuthorizationKeys (security profiles 1 and 2). The keys are random
 * machine secrets of at least 16 characters, so a salted SHA-256 is enough (a slow password hash
 * would make a reconnect storm of thousands of chargers cost minutes of CPU). Comparison is
 * constant-time. Stored form: {@code sha256$<salt>$<hash>}, both base64.
 */
public final class AuthorizationKeys {

    /** OCPP 1.6 security whitepaper: AuthorizationKey is 16 to 40 characters. */
    public static final int MIN_LENGTH = 16;

    public static final int MAX_LENGTH = 40;

    private static final SecureRandom RANDOM = new SecureRandom();

    private AuthorizationKeys() {}

    public static String hash(String key) {
        if (key == null || key.length() < MIN_LENGTH || key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "An AuthorizationKey has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "sha256$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(digest(salt, key.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether {@code presented} (the Basic-auth password) matches the stored hash. With
     * {@code hexAccepted}, a charger may also send the key hex-encoded, as some vendors do.
     */
    public static boolean matches(String stored, String presented, boolean hexAccepted) {
        if (stored == null || presented == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 3 || !parts[0].equals("sha256")) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[1]);
        byte[] expected = Base64.getDecoder().decode(parts[2]);
        boolean plain = MessageDigest.isEqual(expected, digest(salt, presented.getBytes(StandardCharsets.UTF_8)));
        boolean hex = hexAccepted
                && isHex(presented)
                && MessageDigest.isEqual(expected, digest(salt, HexFormat.of().parseHex(presented)));
        return plain | hex;
    }

    private static boolean isHex(String text) {
        return text.length() % 2 == 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static byte[] digest(byte[] salt, byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
