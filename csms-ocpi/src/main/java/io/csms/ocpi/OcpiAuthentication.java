package io.csms.ocpi;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.roaming.Partners;
import io.csms.roaming.Totp;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every OCPI request: the credentials token ({@code Token <base64>}, or plain, as many peers send;
 * or HTTP Basic with the token as user and the TOTP as password), the partner's TOTP and client
 * certificate when it has them, then whether that partner may use this module and version, and on the
 * function modules the routing headers ({@link OcpiRouting}). Authentication failures answer 401
 * with status 2000 and are audited and counted; too many answer 429.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class OcpiAuthentication implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servlet;

    @Inject
    Partners partners;

    @Inject
    OcpiCaller caller;

    @Inject
    OcpiGuard guard;

    @Inject
    AuditTrail audit;

    @Inject
    OcpiRouting routing;

    /** Anonymous read access to the open-data modules (versions, locations, tariffs) for regulators. */
    @Inject
    @ConfigProperty(name = "csms.ocpi.open-data", defaultValue = "false")
    boolean openData;

    /** Seconds per TOTP slot (the format's default is 30); a value is accepted once, in its slot or the next or previous one. */
    @Inject
    @ConfigProperty(name = "csms.ocpi.totp.validity-seconds", defaultValue = "30")
    int totpValiditySeconds;

    private record Presented(List<String> tokens, String basicPassword) {}

    @Override
    public void filter(ContainerRequestContext request) {
        OcpiModule module =
                resource.getResourceClass() == null ? null : OcpiModules.moduleOf(resource.getResourceClass());
        if (module == null) {
            return;
        }
        String address = servlet.getRemoteAddr();
        throttled(guard.blocked(address, null));
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            if (openData && module.openData() && request.getMethod().equals("GET")) {
                throttled(guard.anonymousRequest(address));
                return;
            }
            throw refuse(address, null, "no Authorization header");
        }
        Presented presented = parse(header);
        Partners.Authenticated partner = null;
        String token = null;
        for (String candidate : presented.tokens()) {
            Optional<Partners.Authenticated> found = partners.authenticate(candidate);
            if (found.isPresent()) {
                partner = found.get();
                token = candidate;
                break;
            }
        }
        if (partner == null) {
            throw refuse(address, null, "unknown token");
        }
        throttled(guard.blocked(address, partner.partnerId()));
        boolean registrationModule =
                module.id().equals(OcpiModule.VERSIONS) || module.id().equals(OcpiModule.CREDENTIALS);
        if (partner.registrationToken() && !registrationModule) {
            throw refuse(address, partner, "registration token used outside versions and credentials");
        }
        if (partner.totpSecret() != null) {
            checkTotp(request, presented, partner, address);
        }
        if (partner.clientCertificateSha256() != null
                && !partner.clientCertificateSha256().equals(certificateSha256())) {
            throw refuse(address, partner, "no client certificate, or not the one bound to the partner");
        }
        if (!module.version().isEmpty() && !partner.versions().contains(module.version())) {
            throw new OcpiException(
                    404, OcpiStatus.CLIENT_ERROR, "Version " + module.version() + " is not available to you");
        }
        if (!OcpiModules.allowed(module, partner)) {
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.PARTNER,
                    "partner:" + partner.partnerId(),
                    "ocpi.access",
                    module.id(),
                    AuditEvent.Outcome.DENIED,
                    address,
                    "module not allowed"));
            throw new OcpiException(
                    403, OcpiStatus.CLIENT_ERROR, "The " + module.id() + " module is not available to you");
        }
        OcpiRouting.Route route =
                OcpiModules.functional(module) ? routing.check(request, partner, address) : OcpiRouting.Route.NONE;
        caller.authenticated(partner, token, route);
    }

    private void checkTotp(
            ContainerRequestContext request, Presented presented, Partners.Authenticated partner, String address) {
        String value = presented.basicPassword();
        if (value == null) {
            String header = request.getHeaderString("TOTP");
            // "0 <value>", "1 <value>" (TLS-bound), or the bare value older peers send
            value = header == null ? null : header.strip().replaceFirst("^[01]\\s+", "");
        }
        if (value == null || value.isEmpty()) {
            throw refuse(address, partner, "TOTP missing");
        }
        Totp totp = Totp.of(partner.totpSecret(), totpValiditySeconds, null, null, null);
        long slot = totp.slotOf(value, System.currentTimeMillis());
        if (slot < 0) {
            throw refuse(address, partner, "TOTP wrong");
        }
        if (!guard.firstUse(partner.partnerId(), slot, value, totp.validitySeconds())) {
            throw refuse(address, partner, "TOTP replayed");
        }
    }

    private static Presented parse(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? "" : value.substring(0, space);
        String credentials = space < 0 ? value : value.substring(space + 1).strip();
        List<String> tokens = new ArrayList<>(2);
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded = decode(credentials);
            int colon = decoded == null ? -1 : decoded.indexOf(':');
            if (colon > 0) {
                tokens.add(decoded.substring(0, colon));
                return new Presented(tokens, decoded.substring(colon + 1));
            }
            return new Presented(tokens, null);
        }
        if (!scheme.equalsIgnoreCase("Token")) {
            return new Presented(tokens, null);
        }
        // OCPI 2.2.x sends base64 of the token, 2.1.1 and many 2.2.x peers the token itself
        String decoded = decode(credentials);
        if (decoded != null && !decoded.equals(credentials)) {
            tokens.add(decoded);
        }
        tokens.add(credentials);
        return new Presented(tokens, null);
    }

    private static String decode(String base64) {
        try {
            String decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            return decoded.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String certificateSha256() {
        Object attribute = servlet.getAttribute("jakarta.servlet.request.X509Certificate");
        if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    private OcpiException refuse(String address, Partners.Authenticated partner, String reason) {
        Long partnerId = partner == null ? null : partner.partnerId();
        guard.failed(address, partnerId);
        audit.record(new AuditEvent(
                partner == null ? AuditEvent.ActorType.ANONYMOUS : AuditEvent.ActorType.PARTNER,
                partner == null ? null : "partner:" + partnerId,
                "ocpi.authenticate",
                servlet.getRequestURI(),
                AuditEvent.Outcome.DENIED,
                address,
                reason));
        return OcpiException.unauthorized("Not authorized: " + reason);
    }

    private static void throttled(Optional<Duration> wait) {
        if (wait.isPresent()) {
            throw new OcpiException(
                    Response.status(429)
                            .header(HttpHeaders.RETRY_AFTER, wait.get().toSeconds()),
                    OcpiStatus.CLIENT_ERROR,
                    "Too many failed attempts; retry after " + wait.get().toSeconds() + " s");
        }
    }
}
