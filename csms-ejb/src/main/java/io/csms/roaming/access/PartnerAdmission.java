package io.csms.roaming.access;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.AddressRange;
import io.csms.platform.Environment;
import io.csms.roaming.PartnerTokens;
import io.csms.roaming.Totp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides every OCPI request, in this order: TLS where required ({@code csms.ocpi.require-tls}), the
 * address throttle, the credentials token ({@code Token <base64>}, or plain, as many peers send; or
 * HTTP Basic with the token as user and the TOTP as password), the partner's throttle, token A's
 * confinement to versions and credentials, the partner's address allow-list (right after the token
 * says who it is, before anything else), its TOTP second secret and client certificate, the version
 * and module rights, and on the function modules the routing headers ({@link Routes}).
 * Authentication failures are 401 with status 2000, audited (with the module, not the raw path) and
 * counted; too many are 429.
 */
@ApplicationScoped
public class PartnerAdmission {

    @Inject
    PartnerTokens tokens;

    @Inject
    PartnerThrottle throttle;

    @Inject
    Routes routes;

    @Inject
    AuditTrail audit;

    @Inject
    Environment environment;

    /** Anonymous read access to the open-data modules (versions, locations, tariffs) for regulators. */
    @Inject
    @ConfigProperty(name = "csms.ocpi.open-data", defaultValue = "false")
    boolean openData;

    /** Seconds per TOTP slot (the format's default is 30); a value is accepted in its slot and the ones either side. */
    @Inject
    @ConfigProperty(name = "csms.ocpi.totp.validity-seconds", defaultValue = "30")
    int totpValiditySeconds;

    private record Credentials(List<String> tokens, String basicPassword) {}

    public PartnerAccess admit(Presented request) {
        ModuleRef module = request.module();
        String address = request.clientAddress();
        if (!request.tls() && environment.flag(Environment.Safeguard.OCPI_REQUIRE_TLS)) {
            return new PartnerAccess.Refused(403, 2000, "OCPI is served over TLS (https) only");
        }
        Optional<Duration> blocked = throttle.blocked(address, null);
        if (blocked.isPresent()) {
            return new PartnerAccess.Throttled(blocked.get());
        }
        if (request.authorization() == null || request.authorization().isBlank()) {
            if (openData && module.openData() && request.method().equals("GET")) {
                return throttle.anonymousRequest(address)
                        .<PartnerAccess>map(PartnerAccess.Throttled::new)
                        .orElseGet(PartnerAccess.Anonymous::new);
            }
            return refuse(request, null, "no Authorization header");
        }
        Credentials presented = parse(request.authorization());
        PartnerPrincipal partner = null;
        String token = null;
        for (String candidate : presented.tokens()) {
            Optional<PartnerPrincipal> found = tokens.authenticate(candidate);
            if (found.isPresent()) {
                partner = found.get();
                token = candidate;
                break;
            }
        }
        if (partner == null) {
            return refuse(request, null, "unknown token");
        }
        blocked = throttle.blocked(address, partner.partnerId());
        if (blocked.isPresent()) {
            return new PartnerAccess.Throttled(blocked.get());
        }
        if (partner.registrationToken() && !module.configuration()) {
            return refuse(request, partner, "registration token used outside versions and credentials");
        }
        if (!partner.allowedAddresses().isEmpty() && !AddressRange.any(partner.allowedAddresses(), address)) {
            audit.record(event(partner, module, AuditEvent.Outcome.DENIED, address, "address not allowed"));
            return new PartnerAccess.Refused(403, 2000, "Your requests are not accepted from this address");
        }
        if (partner.totpSecret() != null) {
            Optional<String> wrong = totpProblem(request, presented, partner);
            if (wrong.isPresent()) {
                return refuse(request, partner, wrong.get());
            }
        }
        if (partner.clientCertificateSha256() != null
                && !partner.clientCertificateSha256().equals(request.clientCertificateSha256())) {
            return refuse(request, partner, "no client certificate, or not the one bound to the partner");
        }
        if (!module.versionAllowed(partner.versions())) {
            return new PartnerAccess.Refused(
                    404, 2000, "Version " + module.version().text() + " is not available to you");
        }
        if (!ModuleRights.allowed(module, partner)) {
            audit.record(event(partner, module, AuditEvent.Outcome.DENIED, address, "module not allowed"));
            return new PartnerAccess.Refused(403, 2000, "The " + module.id().id() + " module is not available to you");
        }
        if (module.configuration()) {
            return new PartnerAccess.Granted(partner, token, Route.NONE);
        }
        PartnerAccess routed = routes.check(request, partner);
        return routed instanceof PartnerAccess.Granted granted
                ? new PartnerAccess.Granted(partner, token, granted.route())
                : routed;
    }

    /**
     * The second secret is time-bound, not a nonce: a value works for every request within its slot
     * (a busy partner sends dozens). {@code TOTP: 1 <value>} is bound to the TLS connection: checked
     * with the connection's exporter material, refused where that cannot be derived (never checked
     * as an unbound value instead); a partner set to TLS-bound values must send those.
     */
    private Optional<String> totpProblem(Presented request, Credentials presented, PartnerPrincipal partner) {
        String value = presented.basicPassword();
        boolean bound = false;
        if (value == null && request.totp() != null) {
            String header = request.totp().strip();
            bound = header.startsWith("1 ");
            // "0 <value>", "1 <value>" (TLS-bound), or the bare value older peers send
            value = header.replaceFirst("^[01]\\s+", "");
        }
        if (value == null || value.isEmpty()) {
            return Optional.of("TOTP missing");
        }
        if (partner.totpTlsBound() && !bound) {
            return Optional.of("TOTP must be bound to the TLS connection");
        }
        byte[] material = null;
        if (bound) {
            material = request.tlsExporterMaterial();
            if (material == null || material.length == 0) {
                return Optional.of("TLS-bound TOTP cannot be verified on this connection");
            }
        }
        Totp totp = Totp.of(partner.totpSecret(), totpValiditySeconds, null, null, null);
        return totp.slotOf(value, System.currentTimeMillis(), material) < 0
                ? Optional.of("TOTP wrong")
                : Optional.empty();
    }

    private static Credentials parse(String header) {
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
                return new Credentials(tokens, decoded.substring(colon + 1));
            }
            return new Credentials(tokens, null);
        }
        if (!scheme.equalsIgnoreCase("Token")) {
            return new Credentials(tokens, null);
        }
        // OCPI 2.2.x sends base64 of the token, 2.1.1 and many 2.2.x peers the token itself
        String decoded = decode(credentials);
        if (decoded != null && !decoded.equals(credentials)) {
            tokens.add(decoded);
        }
        tokens.add(credentials);
        return new Credentials(tokens, null);
    }

    private static String decode(String base64) {
        try {
            String decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            return decoded.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private PartnerAccess refuse(Presented request, PartnerPrincipal partner, String reason) {
        Long partnerId = partner == null ? null : partner.partnerId();
        throttle.failed(request.clientAddress(), partnerId);
        audit.record(new AuditEvent(
                partner == null ? AuditEvent.ActorType.ANONYMOUS : AuditEvent.ActorType.PARTNER,
                partner == null ? null : partner.actor(),
                "ocpi.authenticate",
                target(request.module()),
                AuditEvent.Outcome.DENIED,
                request.clientAddress(),
                reason));
        return new PartnerAccess.Refused(401, 2000, "Not authorized: " + reason);
    }

    private static AuditEvent event(
            PartnerPrincipal partner, ModuleRef module, AuditEvent.Outcome outcome, String address, String detail) {
        return new AuditEvent(
                AuditEvent.ActorType.PARTNER, partner.actor(), "ocpi.access", target(module), outcome, address, detail);
    }

    /** The module, not the path the caller chose (review M13). */
    private static String target(ModuleRef module) {
        return module.version() == null
                ? module.id().id()
                : module.version().text() + "/" + module.id().id();
    }
}
