package io.csms.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/** The one reading of a charger's identity in a subject, shared by the CSMS CA and admission (review C1). */
class CertificateNamesTest {

    @Test
    void a_subject_with_one_cn_in_an_rdn_of_its_own_names_that_charger() {
        assertEquals(Optional.of("CP001"), CertificateNames.commonName(new X500Name("CN=CP001")));
        // the OCPP 1.6 security whitepaper puts the CPO's name in O: allowed beside the CN
        assertEquals(Optional.of("CP001"), CertificateNames.commonName(new X500Name("O=Example CPO,CN=CP001")));
    }

    @Test
    void a_multi_valued_rdn_names_nobody_whichever_cn_comes_first() {
        for (String[] cns : new String[][] {{"Z1", "CP001"}, {"CP001", "Z1"}, {"ZZZ", "CP001"}}) {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addMultiValuedRDN(
                            new ASN1ObjectIdentifier[] {BCStyle.CN, BCStyle.CN}, new String[] {cns[0], cns[1]})
                    .build();
            assertEquals(Optional.empty(), CertificateNames.commonName(subject), subject.toString());
        }
        X500Name cnWithO = new X500NameBuilder(BCStyle.INSTANCE)
                .addMultiValuedRDN(
                        new ASN1ObjectIdentifier[] {BCStyle.O, BCStyle.CN}, new String[] {"Example", "CP001"})
                .build();
        assertEquals(Optional.empty(), CertificateNames.commonName(cnWithO), "a CN in a multi-valued RDN");
    }

    @Test
    void two_cns_or_none_name_nobody() {
        assertEquals(Optional.empty(), CertificateNames.commonName(new X500Name("CN=CP001,CN=CP002")));
        assertEquals(Optional.empty(), CertificateNames.commonName(new X500Name("O=Example")));
    }

    @Test
    void the_same_subject_reads_the_same_from_a_certificate_principal() {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addMultiValuedRDN(
                        new ASN1ObjectIdentifier[] {BCStyle.CN, BCStyle.CN},
                        new ASN1Encodable[] {new DERUTF8String("Z1"), new DERUTF8String("CP001")})
                .build();
        javax.security.auth.x500.X500Principal principal;
        try {
            principal = new javax.security.auth.x500.X500Principal(subject.getEncoded());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(Optional.empty(), CertificateNames.commonName(principal));
        assertEquals(
                Optional.of("CP001"),
                CertificateNames.commonName(new javax.security.auth.x500.X500Principal("CN=CP001, O=Example")));
    }
}
