package io.csms.roaming.tokens;

import io.csms.authorization.IdTags;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The OCPP id tag a charger sees for an OCPI token uid. OCPI uids may have 36 characters (an app
 * user's UUID), an OCPP 1.6 idTag or parentIdTag at most 20. A uid that is a valid OCPP id tag (1 to
 * 20 printable ASCII characters without spaces) is its own id tag, as RFID cards need. Any other gets
 * a stable alias: {@code ~} and the first 19 characters of the base32 (RFC 4648, no padding) SHA-256
 * of {@code COUNTRY*PARTY*UID} in upper case, e.g. {@code ~K5TGQZ3W...}. The same uid of the same
 * party always gets the same alias; the uid itself is kept with the token, for OCPI.
 */
public final class IdTagAlias {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private IdTagAlias() {}

    public static String of(String countryCode, String partyId, String uid) {
        if (uid.matches(IdTags.ID_TOKEN)) {
            return uid;
        }
        byte[] digest = sha256((countryCode + "*" + partyId + "*" + uid).toUpperCase(Locale.ROOT));
        StringBuilder alias = new StringBuilder("~");
        int buffer = 0;
        int bits = 0;
        for (int i = 0; alias.length() < 20; ) {
            if (bits < 5) {
                buffer = (buffer << 8) | (digest[i++] & 0xFF);
                bits += 8;
            }
            alias.append(BASE32[(buffer >> (bits - 5)) & 0x1F]);
            bits -= 5;
        }
        return alias.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
