package io.csms.roaming.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.platform.Jsonp;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** What an eMSP's AuthorizationInfo says, and what does not count as an answer. */
class RealTimeAnswersTest {

    @Test
    void an_authorization_info_gives_its_allowed_and_2_2_1_reference() {
        var answer = RealTimeAuthorization.read(
                json("{\"allowed\":\"ALLOWED\",\"token\":{},\"authorization_reference\":\"REF-1\"}"), false);
        assertEquals(RealTimeAuthorization.Allowed.ALLOWED, answer.orElseThrow().allowed());
        assertEquals("REF-1", answer.get().authorizationReference());
        assertEquals(
                RealTimeAuthorization.Allowed.NO_CREDIT,
                RealTimeAuthorization.read(json("{\"allowed\":\"NO_CREDIT\"}"), false)
                        .orElseThrow()
                        .allowed());
        assertNull(
                RealTimeAuthorization.read(json("{\"allowed\":\"ALLOWED\",\"authorization_reference\":\"R\"}"), true)
                        .orElseThrow()
                        .authorizationReference(),
                "2.1.1 has no authorization reference");
        assertNull(RealTimeAuthorization.read(
                        json("{\"allowed\":\"ALLOWED\",\"authorization_reference\":\"" + "r".repeat(37) + "\"}"), false)
                .orElseThrow()
                .authorizationReference());
    }

    @Test
    void what_is_not_an_authorization_info_is_no_answer() {
        assertTrue(RealTimeAuthorization.read(json("{\"allowed\":\"MAYBE\"}"), false)
                .isEmpty());
        assertTrue(RealTimeAuthorization.read(json("{\"allowed\":\"UNKNOWN\"}"), false)
                .isEmpty());
        assertTrue(RealTimeAuthorization.read(json("{\"allowed\":true}"), false).isEmpty());
        assertTrue(RealTimeAuthorization.read(json("[]"), false).isEmpty());
        assertTrue(RealTimeAuthorization.read(JsonValue.NULL, false).isEmpty());
    }

    private static JsonValue json(String text) {
        try (var reader = Jsonp.JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
