package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.MaxLength;
import io.csms.ocpp.v16.OneOf;
import io.csms.ocpp.v16.Required;

/** OCPP 1.6 InstallCertificate.req, sent by the CSMS to a charger. */
public record InstallCertificateRequest(
        @Required @OneOf({"CentralSystemRootCertificate", "ManufacturerRootCertificate"})
        String certificateType,

        @Required @MaxLength(5500) String certificate) {}
