package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLContext;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Security profiles 2 and 3 over wss, with certificates from the CSMS CA. */
@ExtendWith(ArquillianExtension.class)
class TlsChargersIT extends CsmsEar {

    private static final String KEY = "profile-2-secret-key";

    @Test
    void profile_2_connects_over_tls_with_its_authorization_key() throws Exception {
        register("CP-TLS-SP2", 2, KEY);
        SSLContext tls = ChargerTls.tls(null);
        assertEquals(101, OcppClient.tlsStatus("CP-TLS-SP2", tls, "CP-TLS-SP2", KEY));
        assertEquals(401, OcppClient.tlsStatus("CP-TLS-SP2", tls, "CP-TLS-SP2", KEY + "-wrong"));
    }

    @Test
    void profile_3_connects_with_a_client_certificate_issued_to_it_and_to_no_other() throws Exception {
        register("CP-TLS-SP3", 3, null);
        assertEquals(101, OcppClient.tlsStatus("CP-TLS-SP3", ChargerTls.tls("CP-TLS-SP3"), null, null));
        assertEquals(
                401,
                OcppClient.tlsStatus("CP-TLS-SP3", ChargerTls.tls("CP-TLS-OTHER"), null, null),
                "a valid certificate of another charger is refused");
        assertEquals(401, OcppClient.tlsStatus("CP-TLS-SP3", ChargerTls.tls(null), null, null), "no certificate");
        assertEquals(403, OcppClient.refusedStatus("CP-TLS-SP3", "ocpp1.6"), "no TLS at all");
    }

    private static void register(String id, int profile, String key) {
        var body = Json.createObjectBuilder().add("id", id).add("securityProfile", profile);
        if (key != null) {
            body.add("authorizationKey", key);
        }
        HttpResponse<String> created =
                Http.post("/csms/api/admin/chargers", body.build().toString(), Admin.bearer());
        assertEquals(201, created.statusCode(), created.body());
    }
}
