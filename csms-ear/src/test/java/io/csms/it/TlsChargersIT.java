package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x509.KeyPurposeId;
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

    /**
     * The TLS listener trusts more than the CSMS CA (a manufacturer's CA here; Payara's trust store
     * also holds the public CAs): a certificate must lead to the CSMS CA, or to the CA configured for
     * that one charger (security review H1).
     */
    @Test
    void a_certificate_admits_a_charger_only_from_the_csms_ca_or_the_ca_configured_for_it() throws Exception {
        TestAuthority manufacturer = ServerUnderTest.manufacturerCa();
        register("CP-TLS-NOCA", 3, null);
        assertEquals(
                401,
                OcppClient.tlsStatus(
                        "CP-TLS-NOCA",
                        ChargerTls.issue(manufacturer, "CN=CP-TLS-NOCA", null).context(),
                        null,
                        null),
                "a certificate the TLS layer trusts, from a CA this charger was not given");
        assertEquals(101, OcppClient.tlsStatus("CP-TLS-NOCA", ChargerTls.tls("CP-TLS-NOCA"), null, null));

        register("CP-TLS-OWNCA", 3, null, manufacturer.pem());
        assertEquals(
                101,
                OcppClient.tlsStatus(
                        "CP-TLS-OWNCA",
                        ChargerTls.issue(manufacturer, "CN=CP-TLS-OWNCA", null).context(),
                        null,
                        null),
                "the charger's own CA");
        assertEquals(
                101,
                OcppClient.tlsStatus("CP-TLS-OWNCA", ChargerTls.tls("CP-TLS-OWNCA"), null, null),
                "and the CSMS CA");
        assertEquals(
                401,
                OcppClient.tlsStatus(
                        "CP-TLS-NOCA",
                        ChargerTls.issue(manufacturer, "CN=CP-TLS-NOCA", null).context(),
                        null,
                        null),
                "another charger's CA is that charger's alone");
    }

    /**
     * Only a certificate naming this charger and nothing else admits it: one CN in a single-valued RDN
     * (a CN=Z1+CN=CP001 subject names two), meant for TLS clients (security review C1).
     */
    @Test
    void a_certificate_naming_two_identities_or_made_for_servers_admits_nobody() throws Exception {
        TestAuthority csms = TestAuthority.csms();
        register("CP-TLS-MV", 3, null);
        for (String subject :
                new String[] {"CN=Z1+CN=CP-TLS-MV", "CN=CP-TLS-MV+CN=Z1", "CN=Z1,CN=CP-TLS-MV", "O=CP-TLS-MV"}) {
            assertEquals(
                    401,
                    OcppClient.tlsStatus(
                            "CP-TLS-MV", ChargerTls.issue(csms, subject, null).context(), null, null),
                    subject);
        }
        int serverCertificate = OcppClient.tlsStatus(
                "CP-TLS-MV",
                ChargerTls.issue(csms, "CN=CP-TLS-MV", KeyPurposeId.id_kp_serverAuth)
                        .context(),
                null,
                null);
        // the TLS layer may refuse it already (JSSE checks a client certificate's key usage)
        assertTrue(
                serverCertificate == 401 || serverCertificate == OcppClient.TLS_REFUSED,
                "a server certificate: " + serverCertificate);
        assertEquals(
                101,
                OcppClient.tlsStatus(
                        "CP-TLS-MV",
                        ChargerTls.issue(csms, "CN=CP-TLS-MV", KeyPurposeId.id_kp_clientAuth)
                                .context(),
                        null,
                        null));
    }

    @Test
    void a_ca_for_one_charger_must_be_a_ca_certificate() throws Exception {
        X509Certificate leaf = ServerUnderTest.manufacturerCa()
                .issue("CN=CP-TLS-BADCA", TestAuthority.keyPair().getPublic(), null);
        for (String ca :
                new String[] {"-----BEGIN CERTIFICATE-----\nnot one\n-----END CERTIFICATE-----", TestAuthority.pem(leaf)
                }) {
            HttpResponse<String> refused = Http.post(
                    "/csms/api/admin/chargers",
                    Json.createObjectBuilder()
                            .add("id", "CP-TLS-BADCA")
                            .add("securityProfile", 3)
                            .add("certificateCa", ca)
                            .build()
                            .toString(),
                    Admin.bearer());
            assertEquals(400, refused.statusCode(), refused.body());
        }
        assertEquals(
                404,
                Http.get("/csms/api/admin/chargers/CP-TLS-BADCA", Admin.bearer())
                        .statusCode());
    }

    private static void register(String id, int profile, String key) {
        register(id, profile, key, null);
    }

    private static void register(String id, int profile, String key, String certificateCa) {
        var body = Json.createObjectBuilder().add("id", id).add("securityProfile", profile);
        if (key != null) {
            body.add("authorizationKey", key);
        }
        if (certificateCa != null) {
            body.add("certificateCa", certificateCa);
        }
        HttpResponse<String> created =
                Http.post("/csms/api/admin/chargers", body.build().toString(), Admin.bearer());
        assertEquals(201, created.statusCode(), created.body());
    }
}
