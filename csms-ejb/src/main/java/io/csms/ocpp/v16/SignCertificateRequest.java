package io.csms.ocpp.v16;

/** OCPP 1.6 security extension SignCertificate.req: a PEM-encoded PKCS#10 request. */
public record SignCertificateRequest(
        @Required @MaxLength(5500) String csr) {}
