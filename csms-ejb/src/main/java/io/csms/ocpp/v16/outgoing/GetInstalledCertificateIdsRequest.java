package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.OneOf;
import io.csms.ocpp.v16.Required;

/** OCPP 1.6 GetInstalledCertificateIds.req, sent by the CSMS to a charger. */
public record GetInstalledCertificateIdsRequest(
        @Required @OneOf({"CentralSystemRootCertificate", "ManufacturerRootCertificate"})
        String certificateType) {}
