package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
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

    static String csr(String commonName) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=" + commonName), pair.getPublic())
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
