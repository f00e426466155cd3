package io.csms.roaming;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords in the Open Charging Technology token format (not RFC 6238): the
 * second secret a roaming partner may have to send with every OCPI request.
 *
 * <p>Slot {@code S = floor(t / V)} as 8 big-endian bytes; {@code D = HMAC(key = UTF-8 of the trimmed
 * secret, S)}; {@code offset} = low nibble of D's last byte; character {@code i} is
 * {@code alphabet[D[(offset + i) mod |D|] mod |alphabet|]}. A TLS-bound value first re-keys D with
 * the connection's exporter material. Defaults: 30 s, 12 characters, Base62, HMAC-SHA256.
 */
public final class Totp {

    public static final String BASE62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final int MIN_SECRET_LENGTH = 16;

    private final byte[] key;
    private final long validitySeconds;
    private final int length;
    private final char[] alphabet;
    private final String macAlgorithm;

    /** The three values a verifier accepts at one moment, and how long the current one still lasts. */
    public record Window(String previous, String current, String next, long remainingSeconds) {}

    private Totp(byte[] key, long validitySeconds, int length, char[] alphabet, String macAlgorithm) {
        this.key = key;
        this.validitySeconds = validitySeconds;
        this.length = length;
        this.alphabet = alphabet;
        this.macAlgorithm = macAlgorithm;
    }

    /** The defaults: 30 s slots, 12 Base62 characters, HMAC-SHA256. */
    public static Totp of(String sharedSecret) {
        return of(sharedSecret, null, null, null, null);
    }

    /**
     * @param validitySeconds a positive whole number of seconds, or null for 30
     * @param length a whole number 4..255, or null for 12
     * @param alphabet at least 4 distinct non-blank characters (trimmed), or null for Base62
     * @param hashAlgorithm sha256, sha384 or sha512, or null for sha256
     * @throws IllegalArgumentException with the format's error text when a parameter is invalid
     */
    public static Totp of(
            String sharedSecret, Number validitySeconds, Number length, String alphabet, String hashAlgorithm) {
        String secret = sharedSecret == null ? "" : sharedSecret.strip();
        require(!secret.isEmpty(), "The given shared secret must not be null or empty!");
        require(
                secret.length() >= MIN_SECRET_LENGTH,
                "The length of the given shared secret must be at least 16 characters!");
        require(
                secret.chars().noneMatch(Character::isWhitespace),
                "The given shared secret must not contain any whitespace characters!");

        long validity = validitySeconds == null
                ? 30
                : whole(
                        validitySeconds,
                        1,
                        Long.MAX_VALUE,
                        "The validity time must be a positive integer number of seconds!");
        int size = (int)
                (length == null
                        ? 12
                        : whole(
                                length,
                                4,
                                255,
                                "The expected length of the TOTP must be between 4 and 255 characters!"));

        String letters = alphabet == null ? BASE62 : alphabet.strip();
        require(!letters.isEmpty(), "The given alphabet must not be null or empty!");
        require(letters.length() >= 4, "The given alphabet must contain at least 4 characters!");
        require(
                letters.chars().noneMatch(Character::isWhitespace),
                "The given alphabet must not contain any whitespace characters!");
        Set<Character> seen = new HashSet<>();
        for (char c : letters.toCharArray()) {
            require(seen.add(c), "The given alphabet must not contain duplicate characters!");
        }

        String hash = hashAlgorithm == null ? "sha256" : hashAlgorithm.strip().toLowerCase(Locale.ROOT);
        String mac = switch (hash) {
            case "sha256" -> "HmacSHA256";
            case "sha384" -> "HmacSHA384";
            case "sha512" -> "HmacSHA512";
            default -> throw new IllegalArgumentException("The hash algorithm must be one of: sha256, sha384, sha512!");
        };
        return new Totp(secret.getBytes(StandardCharsets.UTF_8), validity, size, letters.toCharArray(), mac);
    }

    /** The previous, current and next values at {@code unixMillis}. */
    public Window window(long unixMillis) {
        return window(unixMillis, null);
    }

    /** As {@link #window(long)}, bound to a TLS connection by its exporter material (null: not bound). */
    public Window window(long unixMillis, byte[] tlsExporterMaterial) {
        require(unixMillis >= 0, "The timestamp must be a non-negative Unix timestamp in milliseconds!");
        long seconds = Math.floorDiv(unixMillis, 1000L);
        long slot = seconds / validitySeconds;
        return new Window(
                value(slot - 1, tlsExporterMaterial),
                value(slot, tlsExporterMaterial),
                value(slot + 1, tlsExporterMaterial),
                validitySeconds - seconds % validitySeconds);
    }

    /** The slot {@code candidate} belongs to among previous, current and next, or -1: compared in constant time. */
    public long slotOf(String candidate, long unixMillis) {
        return slotOf(candidate, unixMillis, null);
    }

    /** As {@link #slotOf(String, long)}, for a value bound to a TLS connection by its exporter material. */
    public long slotOf(String candidate, long unixMillis, byte[] tlsExporterMaterial) {
        long slot = Math.floorDiv(unixMillis, 1000L) / validitySeconds;
        long match = -1;
        byte[] given = candidate == null ? new byte[0] : candidate.getBytes(StandardCharsets.UTF_8);
        for (long s = slot - 1; s <= slot + 1; s++) {
            // every slot is compared, whatever matched before: the time taken says nothing
            if (MessageDigest.isEqual(value(s, tlsExporterMaterial).getBytes(StandardCharsets.UTF_8), given)) {
                match = s;
            }
        }
        return match;
    }

    /** Seconds per slot. */
    public long validitySeconds() {
        return validitySeconds;
    }

    private String value(long slot, byte[] tlsExporterMaterial) {
        byte[] digest = hmac(key, ByteBuffer.allocate(Long.BYTES).putLong(slot).array());
        if (tlsExporterMaterial != null) {
            digest = hmac(tlsExporterMaterial, digest);
        }
        int offset = digest[digest.length - 1] & 0x0f;
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet[(digest[(offset + i) % digest.length] & 0xff) % alphabet.length]);
        }
        return out.toString();
    }

    private byte[] hmac(byte[] macKey, byte[] data) {
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(macKey, macAlgorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long whole(Number n, long min, long max, String error) {
        double d = n.doubleValue();
        require(d == Math.rint(d) && d >= min && d <= max, error);
        return n.longValue();
    }

    private static void require(boolean condition, String error) {
        if (!condition) {
            throw new IllegalArgumentException(error);
        }
    }
}
