package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.MaxLength;
import io.csms.ocpp.v16.Required;

/** OCPP 1.6 CertificateSigned.req, sent by the CSMS to a charger. */
public record CertificateSignedRequest(
        @Required @MaxLength(10000) String certificateChain) {}
