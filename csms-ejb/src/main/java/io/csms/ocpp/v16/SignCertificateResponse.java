package io.csms.ocpp.v16;

import jakarta.json.bind.annotation.JsonbTransient;

/** OCPP 1.6 SignCertificate.conf; {@code chain} is what CertificateSigned will carry, never sent here. */
public record SignCertificateResponse(
        String status, @JsonbTransient String chain) {}
