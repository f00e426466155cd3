package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OCPP 1.6 security extension: chargers get their client certificates signed by the CSMS CA. */
@ExtendWith(ArquillianExtension.class)
class ChargerCertificatesIT extends CsmsEar {

    @Test
    void a_charger_gets_its_csr_signed_and_receives_the_chain_with_certificate_signed() throws Exception {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-CSR")) {
            assertEquals(
                    "Accepted",
                    ChargingSessionIT.confOf(
                                    cp,
                                    "SignCertificate",
                                    Json.createObjectBuilder()
                                            .add("csr", csr("CP-CSR"))
                                            .build())
                            .getString("status"));

            JsonArray call = cp.next();
            assertEquals("CertificateSigned", call.getString(2));
            OcppSchemas.assertValid("CertificateSigned", "req", call.getJsonObject(3));
            List<Certificate> chain = List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(
                            call.getJsonObject(3).getString("certificateChain").getBytes(StandardCharsets.US_ASCII))));
            X509Certificate issued = (X509Certificate) chain.get(0);
            X509Certificate ca = caCertificate();
            assertEquals(new X500Principal("CN=CP-CSR"), issued.getSubjectX500Principal());
            assertEquals(ca.getSubjectX500Principal(), issued.getIssuerX500Principal());
            issued.verify(ca.getPublicKey());
            assertTrue(issued.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "a TLS client certificate");
            assertEquals(ca, chain.get(1));
            cp.reply(call, Json.createObjectBuilder().add("status", "Accepted").build());
        }
    }

    @Test
    void a_csr_for_another_identity_or_no_csr_at_all_is_rejected() throws Exception {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-CSR-THIEF")) {
            assertEquals(
                    "Rejected",
                    ChargingSessionIT.confOf(
                                    cp,
                                    "SignCertificate",
                                    Json.createObjectBuilder()
                                            .add("csr", csr("CP-SOMEONE-ELSE"))
                                            .build())
                            .getString("status"));
            assertEquals(
                    "Rejected",
                    ChargingSessionIT.confOf(
                                    cp,
                                    "SignCertificate",
                                    Json.createObjectBuilder()
                                            .add(
                                                    "csr",
                                                    "-----BEGIN CERTIFICATE REQUEST-----\nnonsense\n-----END CERTIFICATE REQUEST-----")
                                            .build())
                            .getString("status"));
            assertNull(cp.poll(Duration.ofSeconds(1)), "no CertificateSigned follows a rejection");
        }
    }

    /**
     * A profile-3 charger renews its certificate: the new one admits it, a second renewal within the
     * interval is refused, and once the operator revokes the new certificate it admits nobody.
     */
    @Test
    void a_certificate_the_csms_ca_issued_admits_its_charger_until_it_is_revoked() throws Exception {
        String id = "CP-CSR-RENEW";
        HttpResponse<String> created = Http.post(
                "/csms/api/admin/chargers",
                Json.createObjectBuilder()
                        .add("id", id)
                        .add("securityProfile", 3)
                        .build()
                        .toString(),
                Admin.bearer());
        assertEquals(201, created.statusCode(), created.body());
        KeyPair renewed = TestAuthority.keyPair();
        X509Certificate issued;
        try (OcppClient cp = OcppClient.connect(id, ChargerTls.tls(id))) {
            assertEquals(
                    "Accepted",
                    ChargingSessionIT.confOf(cp, "BootNotification", boot()).getString("status"));
            assertEquals(
                    "Accepted",
                    ChargingSessionIT.confOf(
                                    cp,
                                    "SignCertificate",
                                    Json.createObjectBuilder()
                                            .add("csr", csr("CN=" + id, renewed))
                                            .build())
                            .getString("status"));
            JsonArray call = cp.next();
            assertEquals("CertificateSigned", call.getString(2));
            issued = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(
                            call.getJsonObject(3).getString("certificateChain").getBytes(StandardCharsets.US_ASCII)))
                    .iterator()
                    .next();
            cp.reply(call, Json.createObjectBuilder().add("status", "Accepted").build());
            assertEquals(
                    "Rejected",
                    ChargingSessionIT.confOf(
                                    cp,
                                    "SignCertificate",
                                    Json.createObjectBuilder()
                                            .add("csr", csr("CN=" + id, TestAuthority.keyPair()))
                                            .build())
                            .getString("status"),
                    "one certificate per interval");
        }
        SSLContext withRenewed = ChargerTls.withCertificate(issued, renewed.getPrivate(), TestAuthority.csms())
                .context();
        assertEquals(101, OcppClient.tlsStatus(id, withRenewed, null, null));

        String serial = issued.getSerialNumber().toString(16);
        HttpResponse<String> listed = Http.get("/csms/api/admin/chargers/" + id + "/certificates", Admin.bearer());
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals(serial, Driver.array(listed).getJsonObject(0).getString("serial"));
        HttpResponse<String> revoked =
                Http.delete("/csms/api/admin/chargers/" + id + "/certificates/" + serial, Admin.bearer());
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(401, OcppClient.tlsStatus(id, withRenewed, null, null), "a revoked certificate");
        assertEquals(
                404,
                Http.delete("/csms/api/admin/chargers/" + id + "/certificates/00ff", Admin.bearer())
                        .statusCode());
        assertEquals(
                "1",
                Checks.value(
                        "select count(*) from audit_event where action = 'charger.certificate.revoke' and target = ?",
                        id));
    }

    /** A CSR whose subject names two identities is not signed, whichever comes first (security review C1). */
    @Test
    void a_csr_naming_two_identities_is_rejected() throws Exception {
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-CSR-TWICE")) {
            for (String subject :
                    new String[] {"CN=Z1+CN=CP-CSR-TWICE", "CN=CP-CSR-TWICE+CN=Z1", "CN=Z1,CN=CP-CSR-TWICE"}) {
                assertEquals(
                        "Rejected",
                        ChargingSessionIT.confOf(
                                        cp,
                                        "SignCertificate",
                                        Json.createObjectBuilder()
                                                .add("csr", csr(subject, TestAuthority.keyPair()))
                                                .build())
                                .getString("status"),
                        subject);
            }
            assertNull(cp.poll(Duration.ofSeconds(1)), "nothing was signed");
        }
        assertEquals(
                "0", Checks.value("select count(*) from charger_certificate where charger_id = ?", "CP-CSR-TWICE"));
    }

    private static jakarta.json.JsonObject boot() {
        return Json.createObjectBuilder()
                .add("chargePointVendor", "VendorX")
                .add("chargePointModel", "ModelY")
                .build();
    }

    static String csr(String commonName) throws Exception {
        return csr("CN=" + commonName, TestAuthority.keyPair());
    }

    /** A PEM CSR for any X.500 subject (BouncyCastle's reading, which keeps multi-valued RDNs). */
    static String csr(String subject, KeyPair pair) throws Exception {
        var request = new JcaPKCS10CertificationRequestBuilder(
                        new org.bouncycastle.asn1.x500.X500Name(subject), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(request);
        }
        return out.toString();
    }

    private static X509Certificate caCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in =
                Files.newInputStream(ServerUnderTest.certificateAuthority().keystore())) {
            store.load(in, ServerUnderTest.certificateAuthority().password().toCharArray());
        }
        return (X509Certificate) store.getCertificate("csms-ca");
    }
}
