package io.csms.ocpp.v16;

/** A {@code .conf} that only carries a status (SignCertificate.conf and the like). */
public record StatusResponse(String status) {}
