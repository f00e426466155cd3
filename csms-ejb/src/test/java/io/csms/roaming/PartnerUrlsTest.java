package io.csms.roaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The handshake cannot be turned against our own network (security review H8) nor send tokens in clear (M7). */
class PartnerUrlsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/ocpi/versions",
                "https://localhost/ocpi/versions",
                "https://[::1]/ocpi/versions",
                "https://169.254.169.254/latest/meta-data",
                "https://10.1.2.3/ocpi",
                "https://172.20.0.1/ocpi",
                "https://192.168.1.1/ocpi",
                "https://100.64.0.1/ocpi",
                "https://0.0.0.0/ocpi",
                "https://[fd00::1]/ocpi",
                "https://[fe80::1]/ocpi",
                "https://[::ffff:127.0.0.1]/ocpi",
                "https://224.0.0.1/ocpi"
            })
    void loopback_link_local_private_and_reserved_targets_are_refused(String url) {
        assertTrue(PartnerUrls.refusal(URI.create(url), false, false).isPresent(), url);
        assertEquals(Optional.empty(), PartnerUrls.refusal(URI.create(url), false, true), "allowed by the setting");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://93.184.215.14/ocpi/versions", "ftp://93.184.215.14/", "https://user:pw@93.184.215.14/"})
    void plain_http_other_schemes_and_credentials_in_urls_are_refused(String url) {
        assertTrue(PartnerUrls.refusal(URI.create(url), false, true).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/ocpi/versions", "https://[2606:4700::1111]/ocpi/versions"})
    void a_public_https_url_is_fine(String url) {
        assertEquals(Optional.empty(), PartnerUrls.refusal(URI.create(url), false, false));
        assertEquals(Optional.empty(), PartnerUrls.refusal(URI.create(url.replace("https", "http")), true, false));
    }
}
