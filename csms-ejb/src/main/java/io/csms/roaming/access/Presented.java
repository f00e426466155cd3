package io.csms.roaming.access;

/**
 * What an OCPI request shows, read by the door: its Authorization and TOTP headers, whether it came
 * over TLS (itself or at a trusted proxy), the SHA-256 of its client certificate (or null), the TLS
 * exporter material of its connection when the platform can derive it (null otherwise), the client
 * address, the HTTP method, and the routing headers.
 */
public record Presented(
        ModuleRef module,
        String method,
        String authorization,
        String totp,
        boolean tls,
        String clientCertificateSha256,
        byte[] tlsExporterMaterial,
        String clientAddress,
        String toCountry,
        String toParty,
        String fromCountry,
        String fromParty) {}
