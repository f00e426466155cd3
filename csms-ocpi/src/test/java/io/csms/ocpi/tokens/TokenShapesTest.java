package io.csms.ocpi.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.ocpi.OcpiException;
import io.csms.ocpi.v211.tokens.V211TokensResource;
import io.csms.ocpi.v221.tokens.TokensResource;
import io.csms.platform.Jsonp;
import io.csms.platform.Refusal;
import io.csms.roaming.tokens.TokenData;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Token objects of the OCPI 2.2.1 specification's examples are read into the model and written
 * back unchanged; the 2.1.1 shape has only 2.1.1's fields; a token that breaks a field rule is refused
 * naming the field.
 */
class TokenShapesTest {

    private static final Set<String> V211_FIELDS = Set.of(
            "uid", "type", "auth_id", "visual_number", "issuer", "valid", "whitelist", "language", "last_updated");

    @Test
    void the_specification_examples_read_and_write_back_unchanged() throws IOException {
        for (String example : new String[] {
            "token_example_1_app_user.json", "token_example_2_full_rfid.json", "token_put_example.json"
        }) {
            JsonObject spec = example(example);
            TokenData token = TokensResource.token(spec);
            assertEquals(spec, TokensResource.token(token), example);
        }
        TokenData full = TokensResource.token(example("token_example_2_full_rfid.json"));
        assertEquals("DE", full.countryCode());
        assertEquals("TNM", full.partyId());
        assertEquals(TokenData.Whitelist.ALLOWED, full.whitelist());
        assertEquals("Greenpeace Energy eG", full.energyContract().supplierName());
        assertEquals("12345678905880", full.idTag(), "an RFID uid of 14 characters is its own id tag");
        assertEquals("DF000-2001-8999", full.parentIdTag(), "the group is the parent id tag");
        TokenData app = TokensResource.token(example("token_example_1_app_user.json"));
        assertTrue(app.idTag().length() <= 20 && app.idTag().startsWith("~"), app.idTag());
    }

    @Test
    void the_211_shape_has_only_211_fields_and_reads_back() throws IOException {
        TokenData full = TokensResource.token(example("token_example_2_full_rfid.json"));
        JsonObject v211 = V211TokensResource.token(full);
        assertTrue(V211_FIELDS.containsAll(v211.keySet()), v211.toString());
        assertEquals("DE8ACC12E46L89", v211.getString("auth_id"));
        TokenData back = V211TokensResource.token(v211, "DE", "TNM");
        assertEquals(full.contractId(), back.contractId());
        assertEquals(full.uid(), back.uid());
        assertEquals(full.lastUpdated(), back.lastUpdated());
        assertNull(back.groupId(), "2.1.1 has no group");
    }

    @Test
    void a_token_breaking_a_rule_is_refused_naming_the_field() throws IOException {
        JsonObject spec = example("token_put_example.json");
        assertRefused(
                "uid",
                Jsonp.JSON.createObjectBuilder(spec).add("uid", "x".repeat(37)).build());
        assertRefused(
                "contract_id",
                Jsonp.JSON.createObjectBuilder(spec).remove("contract_id").build());
        assertRefused(
                "whitelist",
                Jsonp.JSON
                        .createObjectBuilder(spec)
                        .add("whitelist", "SOMETIMES")
                        .build());
        assertRefused(
                "valid",
                Jsonp.JSON.createObjectBuilder(spec).add("valid", "yes").build());
        assertRefused(
                "last_updated",
                Jsonp.JSON
                        .createObjectBuilder(spec)
                        .add("last_updated", "yesterday")
                        .build());
        assertRefused(
                "language",
                Jsonp.JSON.createObjectBuilder(spec).add("language", "dutch").build());
        assertRefused(
                "party_id",
                Jsonp.JSON.createObjectBuilder(spec).add("party_id", "TOOLONG").build());
        assertRefused(
                "issuer", Jsonp.JSON.createObjectBuilder(spec).add("issuer", 12).build());
    }

    private static void assertRefused(String field, JsonObject token) {
        RuntimeException refused =
                assertThrows(RuntimeException.class, () -> TokensResource.token(token), token.toString());
        assertTrue(refused instanceof Refusal || refused instanceof OcpiException, refused.toString());
        assertTrue(refused.getMessage().contains(field), refused.getMessage());
        assertFalse(refused.getMessage().contains("Exception"), refused.getMessage());
    }

    private static JsonObject example(String name) throws IOException {
        String root = System.getProperty("csms.spec-data");
        if (root == null) {
            throw new IllegalStateException("csms.spec-data is not set: run the tests through Maven");
        }
        try (var reader = Jsonp.JSON.createReader(
                new StringReader(Files.readString(Path.of(root, "ocpi-2.2.1", "examples", name))))) {
            return reader.readObject();
        }
    }
}
