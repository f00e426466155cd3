package io.csms.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Recovery codes: 80 random bits as four groups of Base32, told apart from a 6-digit code. */
class RecoveryCodesTest {

    @Test
    void codes_are_four_groups_of_base32_and_differ() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = SecondFactors.recoveryCode();
            assertTrue(code.matches("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}"), code);
            codes.add(code);
        }
        assertEquals(1000, codes.size());
    }

    @Test
    void a_recovery_code_is_recognised_typed_loosely_and_never_mistaken_for_a_code() {
        assertTrue(SecondFactors.RECOVERY_CODE.matcher("ABCD-EFGH-2345-67AB").matches());
        assertTrue(SecondFactors.RECOVERY_CODE.matcher("abcdefgh234567ab").matches(), "lower case, no dashes");
        assertFalse(SecondFactors.RECOVERY_CODE.matcher("123456").matches());
        assertFalse(SecondFactors.RECOVERY_CODE.matcher("ABCD-EFGH-2345").matches());
    }
}
