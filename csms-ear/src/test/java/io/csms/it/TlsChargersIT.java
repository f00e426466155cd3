package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
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
        SSLContext tls = tls(null);
        assertEquals(101, OcppClient.tlsStatus("CP-TLS-SP2", tls, "CP-TLS-SP2", KEY));
        assertEquals(401, OcppClient.tlsStatus("CP-TLS-SP2", tls, "CP-TLS-SP2", KEY + "-wrong"));
    }

    @Test
    void profile_3_connects_with_a_client_certificate_issued_to_it_and_to_no_other() throws Exception {
        register("CP-TLS-SP3", 3, null);
        assertEquals(101, OcppClient.tlsStatus("CP-TLS-SP3", tls("CP-TLS-SP3"), null, null));
        assertEquals(401, OcppClient.tlsStatus("CP-TLS-SP3", tls("CP-TLS-OTHER"), null, null),
                "a valid certificate of another charger is refused");
        assertEquals(401, OcppClient.tlsStatus("CP-TLS-SP3", tls(null), null, null), "no certificate");
        assertEquals(403, OcppClient.refusedStatus("CP-TLS-SP3", "ocpp1.6"), "no TLS at all");
    }

    private static void register(String id, int profile, String key) {
        var body = Json.createObjectBuilder().add("id", id).add("securityProfile", profile);
        if (key != null) {
            body.add("authorizationKey", key);
        }
        HttpResponse<String> created = Http.post("/csms/api/admin/chargers", body.build().toString(), Admin.bearer());
        assertEquals(201, created.statusCode(), created.body());
    }

    /**
     * A TLS context presenting a client certificate for {@code chargerId} signed by the CSMS CA (none
     * when null), trusting the server's self-signed certificate.
     */
    private static SSLContext tls(String chargerId) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (chargerId != null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            KeyStore ca = KeyStore.getInstance("PKCS12");
            char[] password = ServerUnderTest.certificateAuthority().password().toCharArray();
            try (InputStream in = Files.newInputStream(ServerUnderTest.certificateAuthority().keystore())) {
                ca.load(in, password);
            }
            X509Certificate caCertificate = (X509Certificate) ca.getCertificate("csms-ca");
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    caCertificate, new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=" + chargerId), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build((PrivateKey) ca.getKey("csms-ca", password))));
            keys.setKeyEntry("charger", pair.getPrivate(), "pw".toCharArray(), new Certificate[] {certificate, caCertificate});
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "pw".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), new TrustManager[] {new TrustTheTestServer()}, new SecureRandom());
        return context;
    }

    /** The test server's certificate is self-signed by the server distribution: trusted here, in tests only. */
    private static final class TrustTheTestServer implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
