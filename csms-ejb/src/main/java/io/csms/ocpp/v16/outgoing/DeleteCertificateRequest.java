package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.MaxLength;
import io.csms.ocpp.v16.OneOf;
import io.csms.ocpp.v16.Required;

/** OCPP 1.6 DeleteCertificate.req, sent by the CSMS to a charger. */
public record DeleteCertificateRequest(@Required CertificateHashData certificateHashData) {

    /** OCPP 1.6 CertificateHashData. */
    public record CertificateHashData(
            @Required @OneOf({"SHA256", "SHA384", "SHA512"}) String hashAlgorithm,
            @Required @MaxLength(128) String issuerNameHash,
            @Required @MaxLength(128) String issuerKeyHash,
            @Required @MaxLength(40) String serialNumber) {}
}
