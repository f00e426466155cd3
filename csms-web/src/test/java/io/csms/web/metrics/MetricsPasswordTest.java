package io.csms.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The scraper's password is read from HTTP Basic, and nothing else counts as one. */
class MetricsPasswordTest {

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_password_of_a_basic_header() {
        assertEquals("s3cret", MetricsEndpoint.password(basic("prometheus:s3cret")));
        assertEquals("with:colon", MetricsEndpoint.password(basic("user:with:colon")));
        assertEquals(
                "s3cret", MetricsEndpoint.password("basic " + basic("p:s3cret").substring(6)));
    }

    @Test
    void anything_else_is_no_password() {
        assertEquals("", MetricsEndpoint.password(null));
        assertEquals("", MetricsEndpoint.password("Bearer s3cret"));
        assertEquals("", MetricsEndpoint.password("Basic not-base64!"));
        assertEquals("", MetricsEndpoint.password(basic("no-colon")));
    }
}
