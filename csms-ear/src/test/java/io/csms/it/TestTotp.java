package io.csms.it;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app, for the tests: RFC 6238 codes (HMAC-SHA1, 30 s, 6 digits) of a Base32
 * secret, written here independently of the server's own implementation.
 */
public final class TestTotp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private TestTotp() {}

    /** The code for the time step {@code offset} steps from now (-1: the previous, +1: the next). */
    public static String code(String secret, int offset) {
        long step = System.currentTimeMillis() / 1000 / 30 + offset;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int at = hash[hash.length - 1] & 0x0F;
            int binary = ((hash[at] & 0x7F) << 24)
                    | ((hash[at + 1] & 0xFF) << 16)
                    | ((hash[at + 2] & 0xFF) << 8)
                    | (hash[at + 3] & 0xFF);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits, if needed, until at least {@code seconds} remain of the current time step. */
    public static void atLeastLeftInStep(int seconds) throws InterruptedException {
        long intoStep = System.currentTimeMillis() % 30_000;
        if (30_000 - intoStep < seconds * 1000L) {
            Thread.sleep(30_000 - intoStep + 100);
        }
    }

    private static byte[] base32(String text) {
        String clean = text.replace("=", "").toUpperCase();
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            buffer = (buffer << 5) | BASE32.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >>> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
