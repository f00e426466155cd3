package io.csms.pki;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs chargers' certificate signing requests with the CSMS CA kept in a PKCS#12 key store
 * ({@code csms.ca.keystore}, {@code csms.ca.password}, alias {@code csms.ca.alias}). Uses the JDK's
 * own JCA providers; Bouncy Castle only builds and parses the ASN.1.
 */
@ApplicationScoped
public class CertificateAuthority {

    private static final Logger LOG = Logger.getLogger(CertificateAuthority.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a CSR was not signed. */
    public static class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    @Inject
    @ConfigProperty(name = "csms.ca.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "csms.ca.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "csms.ca.alias", defaultValue = "csms-ca")
    String alias;

    /** How long a charger certificate signed by the CSMS is valid. */
    @Inject
    @ConfigProperty(name = "csms.ca.certificate-days", defaultValue = "365")
    int certificateDays;

    private PrivateKey caKey;
    private X509Certificate caCertificate;

    @PostConstruct
    void load() {
        if (keystore.isEmpty() || password.isEmpty()) {
            LOG.warning(
                    "No CSMS CA configured (csms.ca.keystore, csms.ca.password): SignCertificate requests are rejected");
            return;
        }
        try (InputStream in = open(keystore.get())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.get().toCharArray());
            caKey = (PrivateKey) store.getKey(alias, password.get().toCharArray());
            caCertificate = (X509Certificate) store.getCertificate(alias);
            if (caKey == null || caCertificate == null) {
                throw new IllegalStateException("No key entry " + alias + " in " + keystore.get());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the CSMS CA from " + keystore.get(), e);
        }
    }

    public boolean available() {
        return caKey != null;
    }

    public X509Certificate certificate() {
        return caCertificate;
    }

    /** A certificate the CA issued: the PEM chain for the charger, and what the registry keeps of it. */
    public record Issued(String chain, X509Certificate certificate) {}

    /**
     * Signs a PKCS#10 request (PEM) of a charger whose certificate must name {@code subjectCn} (its
     * configured certificate subject, its id when none is set): the request's signature must be
     * valid, its subject must have exactly that one CN ({@link CertificateNames}, so a charger cannot
     * obtain another's identity), and its key must be strong enough. Returns the PEM chain: the new
     * certificate, then the CA's.
     */
    public Issued sign(String csrPem, String subjectCn) throws Refusal {
        if (!available()) {
            throw new Refusal("No CSMS CA configured");
        }
        JcaPKCS10CertificationRequest csr = parse(csrPem);
        try {
            PublicKey publicKey = csr.getPublicKey();
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey))) {
                throw new Refusal("The CSR's signature is not valid");
            }
            if (publicKey instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
                throw new Refusal("RSA keys need at least 2048 bits");
            }
            if (!CertificateNames.commonName(csr.getSubject())
                    .filter(subjectCn::equals)
                    .isPresent()) {
                throw new Refusal(
                        "The CSR's subject must have exactly one CN, " + subjectCn + ", in an RDN of its own");
            }
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    caCertificate,
                    new BigInteger(127, RANDOM),
                    Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(certificateDays))),
                    csr.getSubject(),
                    publicKey);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCertificate));
            ContentSigner signer = new JcaContentSignerBuilder(
                            caKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
                    .build(caKey);
            X509Certificate signed = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new Issued(Pem.of(signed) + Pem.of(caCertificate), signed);
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException | IOException e) {
            throw new Refusal("The CSR cannot be signed: " + e.getMessage());
        }
    }

    private static JcaPKCS10CertificationRequest parse(String csrPem) throws Refusal {
        try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
            Object object = parser.readObject();
            if (object instanceof org.bouncycastle.pkcs.PKCS10CertificationRequest request) {
                return new JcaPKCS10CertificationRequest(request);
            }
        } catch (IOException | RuntimeException e) {
            // falls through to the refusal below
        }
        throw new Refusal("Not a PEM-encoded PKCS#10 certificate signing request");
    }

    private static InputStream open(String location) throws IOException {
        return location.contains(":/")
                ? URI.create(location).toURL().openStream()
                : java.nio.file.Files.newInputStream(java.nio.file.Path.of(location));
    }
}
