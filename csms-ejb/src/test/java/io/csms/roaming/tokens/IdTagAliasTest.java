package io.csms.roaming.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.authorization.IdTags;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Chargers see an OCPI uid as an OCPP id tag of at most 20 characters, always the same one. */
class IdTagAliasTest {

    @Test
    void a_uid_that_is_an_ocpp_id_tag_is_its_own() {
        assertEquals("04A2B3C4D5E6F7", IdTagAlias.of("NL", "TNM", "04A2B3C4D5E6F7"));
        assertEquals("x".repeat(20), IdTagAlias.of("NL", "TNM", "x".repeat(20)));
    }

    @Test
    void a_longer_uid_gets_a_stable_alias_of_twenty_id_tag_characters() {
        String uid = "bdf21bce-fc97-11e8-8eb2-f2801f1b9fd1";
        String alias = IdTagAlias.of("DE", "TNM", uid);
        assertEquals(20, alias.length());
        assertTrue(alias.matches(IdTags.ID_TOKEN), alias);
        assertTrue(alias.startsWith("~"), alias);
        assertEquals(alias, IdTagAlias.of("DE", "TNM", uid), "stable");
        assertEquals(alias, IdTagAlias.of("de", "tnm", uid.toUpperCase()), "uids and parties are CiStrings");
        assertNotEquals(alias, IdTagAlias.of("DE", "XYZ", uid), "another party's uid is another token");
        assertTrue(IdTagAlias.of("DE", "TNM", "with space").startsWith("~"), "a space is no id tag character");
    }

    @Test
    void aliases_do_not_collide_among_many_uids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(IdTagAlias.of("DE", "TNM", UUID.randomUUID().toString())));
        }
    }
}
