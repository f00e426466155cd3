package io.csms.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The one way the CSMS reads a charger's identity from an X.500 subject, used both when the CSMS CA
 * signs a CSR and when a security-profile-3 charger is admitted, so that the two can never disagree
 * (a multi-valued RDN such as {@code CN=Z1+CN=CP001} reads as Z1 to one parser and CP001 to another).
 * A subject names a charger only if it has exactly one CN attribute, in an RDN of its own, holding a
 * string; other attributes (the OCPP 1.6 security whitepaper puts the CPO's name in O) are allowed.
 */
public final class CertificateNames {

    private CertificateNames() {}

    /** The subject's one common name, or empty when it has none, several, or one in a multi-valued RDN. */
    public static Optional<String> commonName(X500Name subject) {
        String cn = null;
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (!attribute.getType().equals(BCStyle.CN)) {
                    continue;
                }
                if (cn != null || rdn.isMultiValued() || !(attribute.getValue() instanceof ASN1String text)) {
                    return Optional.empty();
                }
                cn = text.getString();
            }
        }
        return Optional.ofNullable(cn);
    }

    /** The common name of a certificate's subject, read from its DER encoding (see {@link #commonName(X500Name)}). */
    public static Optional<String> commonName(X509Certificate certificate) {
        return commonName(certificate.getSubjectX500Principal());
    }

    public static Optional<String> commonName(X500Principal principal) {
        try {
            return commonName(X500Name.getInstance(principal.getEncoded()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
