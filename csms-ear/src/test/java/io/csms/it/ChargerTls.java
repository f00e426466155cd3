package io.csms.it;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** TLS contexts for simulated chargers: a client certificate from the CSMS CA of the server under test. */
public final class ChargerTls {

    private ChargerTls() {}

    /**
     * A TLS context presenting a client certificate for {@code chargerId} signed by the CSMS CA (none
     * when null), trusting the server's self-signed certificate.
     */
    public static SSLContext tls(String chargerId) throws Exception {
        return issue(chargerId).context();
    }

    /** A TLS context and the client certificate it presents (null when {@code subject} is null). */
    public record Issued(SSLContext context, X509Certificate certificate) {
        /** The certificate's SHA-256 fingerprint, lower-case hex: what a partner's certificate binding holds. */
        public String sha256() throws Exception {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        }
    }

    /** Like {@link #tls}, for any subject (a charger id, a roaming partner's name), with a new key each time. */
    public static Issued issue(String chargerId) throws Exception {
        X509Certificate certificate = null;
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (chargerId != null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            KeyStore ca = KeyStore.getInstance("PKCS12");
            char[] password = ServerUnderTest.certificateAuthority().password().toCharArray();
            try (InputStream in =
                    Files.newInputStream(ServerUnderTest.certificateAuthority().keystore())) {
                ca.load(in, password);
            }
            X509Certificate caCertificate = (X509Certificate) ca.getCertificate("csms-ca");
            Instant now = Instant.now();
            certificate = new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    caCertificate,
                                    new BigInteger(64, new SecureRandom()),
                                    Date.from(now.minus(Duration.ofMinutes(5))),
                                    Date.from(now.plus(Duration.ofDays(1))),
                                    new X500Name("CN=" + chargerId),
                                    pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withRSA")
                                    .build((PrivateKey) ca.getKey("csms-ca", password))));
            keys.setKeyEntry(
                    "charger", pair.getPrivate(), "pw".toCharArray(), new Certificate[] {certificate, caCertificate});
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "pw".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), new TrustManager[] {new TrustTheTestServer()}, new SecureRandom());
        return new Issued(context, certificate);
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
