package io.csms.it;

import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x509.KeyPurposeId;

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
        return chargerId == null
                ? withCertificate(null, null, null)
                : issue(TestAuthority.csms(), "CN=" + chargerId, null);
    }

    /**
     * A TLS context presenting a certificate that {@code authority} issues to {@code subject} (any
     * X.500 name), with extended key usage {@code purpose} when not null.
     */
    public static Issued issue(TestAuthority authority, String subject, KeyPurposeId purpose) throws Exception {
        KeyPair pair = TestAuthority.keyPair();
        return withCertificate(authority.issue(subject, pair.getPublic(), purpose), pair.getPrivate(), authority);
    }

    /** A TLS context presenting {@code certificate} (with its key), or no certificate when it is null. */
    public static Issued withCertificate(X509Certificate certificate, PrivateKey key, TestAuthority authority)
            throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (certificate != null) {
            keys.setKeyEntry(
                    "charger", key, "pw".toCharArray(), new Certificate[] {certificate, authority.certificate()});
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
