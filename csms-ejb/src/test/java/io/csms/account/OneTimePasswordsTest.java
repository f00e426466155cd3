package io.csms.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B's SHA-1 vectors (8 digits there; the last 6 digits here, as apps show them). */
class OneTimePasswordsTest {

    private static final String SECRET =
            OneTimePasswords.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void the_rfc_6238_test_vectors() {
        long[][] vectors = {
            {59L, 94287082L},
            {1111111109L, 7081804L},
            {1111111111L, 14050471L},
            {1234567890L, 89005924L},
            {2000000000L, 69279037L},
            {20000000000L, 65353130L}
        };
        for (long[] vector : vectors) {
            String expected = String.format("%08d", vector[1]).substring(2);
            assertEquals(expected, OneTimePasswords.code(SECRET, vector[0] / 30), "T=" + vector[0]);
        }
    }

    @Test
    void a_code_is_valid_in_its_step_and_one_either_side_only() {
        long t = 1_234_567_890L;
        String code = OneTimePasswords.code(SECRET, t / 30);
        assertEquals(OptionalLong.of(t / 30), OneTimePasswords.step(SECRET, code, t));
        assertEquals(OptionalLong.of(t / 30), OneTimePasswords.step(SECRET, code, t + 30));
        assertEquals(OptionalLong.of(t / 30), OneTimePasswords.step(SECRET, code, t - 30));
        assertTrue(OneTimePasswords.step(SECRET, code, t + 90).isEmpty());
        assertTrue(OneTimePasswords.step(SECRET, "12345", t).isEmpty());
        assertTrue(OneTimePasswords.step(SECRET, null, t).isEmpty());
    }

    @Test
    void base32_round_trips_and_new_secrets_are_160_bits() {
        byte[] bytes = {0, 1, 2, (byte) 250, (byte) 255, 17, 99};
        assertArrayEquals(bytes, OneTimePasswords.unbase32(OneTimePasswords.base32(bytes)));
        assertEquals(32, OneTimePasswords.newSecret().length());
        assertTrue(OneTimePasswords.uri("CSMS", "ada@example.org", SECRET)
                .startsWith("otpauth://totp/CSMS%3Aada%40example.org?secret=" + SECRET + "&issuer=CSMS"));
    }
}
