package io.csms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Throttles cannot be aimed at others (review M6): forwarded addresses count only from trusted proxies. */
class TrustedProxiesTest {

    private static TrustedProxies trusting(String ranges) {
        TrustedProxies proxies = new TrustedProxies();
        proxies.trusted = Optional.ofNullable(ranges);
        proxies.parse();
        return proxies;
    }

    @Test
    void without_trusted_proxies_the_connecting_address_is_the_client_whatever_the_headers_say() {
        TrustedProxies none = trusting(null);
        assertEquals("198.51.100.9", none.clientAddress("198.51.100.9", List.of("203.0.113.1")));
    }

    @Test
    void behind_a_trusted_proxy_the_client_is_the_first_untrusted_hop_from_the_right() {
        TrustedProxies proxies = trusting("10.0.0.0/8");
        assertEquals("203.0.113.1", proxies.clientAddress("10.0.0.2", List.of("203.0.113.1")));
        // a client that sends its own X-Forwarded-For cannot choose its address: the proxy appends the real one
        assertEquals("203.0.113.1", proxies.clientAddress("10.0.0.2", List.of("192.0.2.77", "203.0.113.1")));
        assertEquals("203.0.113.1", proxies.clientAddress("10.0.0.2", List.of("203.0.113.1", "10.0.0.5")));
        assertEquals("10.0.0.2", proxies.clientAddress("10.0.0.2", List.of()), "no header: the proxy itself");
        assertEquals("10.0.0.2", proxies.clientAddress("10.0.0.2", List.of("not-an-address")));
    }

    @Test
    void an_untrusted_caller_cannot_pose_as_a_proxy() {
        TrustedProxies proxies = trusting("10.0.0.0/8");
        assertEquals("198.51.100.9", proxies.clientAddress("198.51.100.9", List.of("10.0.0.2", "203.0.113.1")));
    }
}
