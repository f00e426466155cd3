package io.csms.roaming;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.RandomTokens;
import io.csms.platform.Refusal;
import io.csms.platform.SecretBox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Roaming partners and their tokens: what an admin does (create with a registration token, change
 * rights and secrets, revoke, delete) and how a presented token is recognised. The credentials
 * handshake itself, which talks to the partner, is {@link Registrations}; it keeps its state here.
 */
@Stateless
public class Partners {

    /** What an admin may set; null leaves a setting unchanged, "" removes a secret or binding. */
    public record Settings(
            String name,
            Set<String> allowedModules,
            List<String> versions,
            Boolean sendTokenBase64,
            String totpIncomingSecret,
            String totpOutgoingSecret,
            String clientCertificateSha256) {}

    public record Created(Partner partner, String registrationToken) {}

    /** Who a presented token belongs to, and what the request must show besides. */
    public record Authenticated(
            long partnerId,
            String name,
            boolean registrationToken,
            Partner.Status status,
            Set<String> allowedModules,
            List<Partner.PartyRole> roles,
            String totpSecret,
            String clientCertificateSha256,
            List<String> versions) {}

    /** The OCPI versions we speak, newest first. */
    public static final List<String> VERSIONS = List.of("2.2.1", "2.1.1");

    /** What each sealed secret is for (authenticated with it, see {@link SecretBox}). */
    static final String CLIENT_TOKEN = "ocpi.client-token";

    static final String TOTP_INCOMING = "ocpi.totp-incoming";
    static final String TOTP_OUTGOING = "ocpi.totp-outgoing";

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    AuditTrail audit;

    /** How long a superseded token keeps working if its successor is never used. */
    @Inject
    @ConfigProperty(name = "csms.ocpi.rotation-grace", defaultValue = "PT24H")
    Duration rotationGrace;

    public Created create(Settings settings, String actor) {
        if (settings.name() == null || settings.name().isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-partner", "A partner needs a name");
        }
        Instant now = Instant.now();
        Partner partner = new Partner(settings.name().strip(), now);
        apply(partner, settings);
        em.persist(partner);
        em.flush();
        String token = issueRegistrationToken(partner, now);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "ocpi.partner.create",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                null));
        return new Created(partner, token);
    }

    public List<Partner> list() {
        return em.createNamedQuery(Partner.ALL, Partner.class).getResultList();
    }

    public Optional<Partner> find(long id) {
        return Optional.ofNullable(em.find(Partner.class, id));
    }

    public Partner update(long id, Settings settings, String actor) {
        Partner partner = existing(id);
        apply(partner, settings);
        partner.touched(Instant.now());
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "ocpi.partner.update",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                changed(settings)));
        return partner;
    }

    /** A new token A (any earlier one stops working), to register or register again. */
    public String newRegistrationToken(long id, String actor) {
        Partner partner = existing(id);
        if (partner.status() == Partner.Status.REVOKED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "partner-revoked", "The partner is revoked");
        }
        String token = issueRegistrationToken(partner, Instant.now());
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "ocpi.token.issue",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                "registration token"));
        return token;
    }

    /** At once: every token the partner holds stops working, and we stop calling it. */
    public Partner revoke(long id, String actor) {
        Partner partner = existing(id);
        Instant now = Instant.now();
        credentials(id, PartnerCredential.Direction.SERVER, PartnerCredential.Status.values())
                .forEach(c -> c.revoke(now));
        credentials(id, PartnerCredential.Direction.CLIENT, PartnerCredential.Status.values())
                .forEach(c -> c.revoke(now));
        partner.revoked(now);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "ocpi.partner.revoke",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                null));
        return partner;
    }

    public void delete(long id, String actor) {
        Partner partner = existing(id);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "ocpi.partner.delete",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                null));
        em.createQuery("delete from PartnerCredential c where c.partnerId = :id")
                .setParameter("id", id)
                .executeUpdate();
        em.remove(partner);
    }

    /**
     * The partner a token belongs to, if the token may be used now. Using a token that was issued in a
     * rotation proves it: its predecessor stops working there and then.
     */
    public Optional<Authenticated> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        List<PartnerCredential> found = em.createNamedQuery(PartnerCredential.BY_HASH, PartnerCredential.class)
                .setParameter("hash", RandomTokens.sha256(token))
                .getResultList();
        if (found.isEmpty() || !found.get(0).usable(now)) {
            return Optional.empty();
        }
        PartnerCredential credential = found.get(0);
        Partner partner = em.find(Partner.class, credential.partnerId());
        if (partner == null || partner.status() == Partner.Status.REVOKED) {
            return Optional.empty();
        }
        if (credential.status() == PartnerCredential.Status.PENDING) {
            credentials(partner.id(), PartnerCredential.Direction.SERVER, PartnerCredential.Status.ACTIVE).stream()
                    .filter(c -> !c.registration() && !c.id().equals(credential.id()))
                    .forEach(c -> c.retire(now));
            credential.activate();
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.PARTNER,
                    target(partner),
                    "ocpi.token.proven",
                    target(partner),
                    AuditEvent.Outcome.SUCCESS,
                    null,
                    "the rotated token was used; its predecessor is retired"));
        }
        if (partner.lastContactAt() == null || partner.lastContactAt().isBefore(now.minusSeconds(60))) {
            partner.contact("CONNECTED", now);
        }
        return Optional.of(new Authenticated(
                partner.id(),
                partner.name(),
                credential.registration(),
                partner.status(),
                partner.allowedModules(),
                partner.roles(),
                box.open(partner.totpIncomingSecret(), TOTP_INCOMING),
                partner.clientCertificateSha256(),
                partner.ocpiVersions()));
    }

    /** What we need to call the partner: its token B (plain), and how to send it. */
    public record Outgoing(
            long partnerId,
            String token,
            boolean base64,
            String totpSecret,
            String version,
            String versionsUrl,
            String endpoints) {}

    public Optional<Outgoing> outgoing(long id) {
        Partner partner = existing(id);
        return credentials(id, PartnerCredential.Direction.CLIENT, PartnerCredential.Status.ACTIVE).stream()
                .reduce((a, b) -> b)
                .map(c -> new Outgoing(
                        id,
                        box.open(c.tokenSecret(), CLIENT_TOKEN),
                        partner.sendTokenBase64(),
                        box.open(partner.totpOutgoingSecret(), TOTP_OUTGOING),
                        partner.version(),
                        partner.versionsUrl(),
                        partner.endpoints()));
    }

    public String totpOutgoingSecret(long id) {
        return box.open(existing(id).totpOutgoingSecret(), TOTP_OUTGOING);
    }

    /**
     * A new token C for the partner, PENDING: it works at once, and the tokens it replaces keep working
     * until it is first used (at most for the rotation grace).
     */
    public String issueServerToken(long id) {
        Instant now = Instant.now();
        credentials(
                        id,
                        PartnerCredential.Direction.SERVER,
                        PartnerCredential.Status.ACTIVE,
                        PartnerCredential.Status.PENDING)
                .stream()
                .filter(c -> !c.registration())
                .forEach(c -> c.supersede(now.plus(rotationGrace)));
        String token = RandomTokens.random();
        em.persist(
                PartnerCredential.server(id, false, RandomTokens.sha256(token), PartnerCredential.Status.PENDING, now));
        return token;
    }

    /** Undoes {@link #issueServerToken} after a failed handshake: the previous tokens stay as they were. */
    public void discardServerToken(long id, String token) {
        Instant now = Instant.now();
        List<PartnerCredential> issued = em.createNamedQuery(PartnerCredential.BY_HASH, PartnerCredential.class)
                .setParameter("hash", RandomTokens.sha256(token))
                .getResultList();
        if (issued.stream().anyMatch(c -> c.status() == PartnerCredential.Status.ACTIVE)) {
            return; // the partner already uses it: it stays, its predecessor is already retired
        }
        issued.forEach(c -> c.revoke(now));
        credentials(
                        id,
                        PartnerCredential.Direction.SERVER,
                        PartnerCredential.Status.ACTIVE,
                        PartnerCredential.Status.PENDING)
                .stream()
                .filter(c -> !c.registration())
                .forEach(c -> c.supersede(null));
    }

    /** The handshake succeeded: the partner's identity, API and token B are stored; token A is spent. */
    public void registered(
            long id,
            String version,
            String versionsUrl,
            String endpoints,
            List<Partner.PartyRole> roles,
            String clientToken,
            String actor) {
        Partner partner = existing(id);
        Instant now = Instant.now();
        for (Partner.PartyRole role : roles) {
            List<Long> holders = em.createQuery("""
                    select p.id from Partner p join p.roles r
                    where r.countryCode = :cc and r.partyId = :pid and r.role = :role and p.id <> :id""", Long.class)
                    .setParameter("cc", role.countryCode())
                    .setParameter("pid", role.partyId())
                    .setParameter("role", role.role())
                    .setParameter("id", id)
                    .getResultList();
            if (!holders.isEmpty()) {
                throw new Refusal(
                        Refusal.Kind.CONFLICT,
                        "party-taken",
                        role.countryCode() + "*" + role.partyId() + " " + role.role()
                                + " is registered by another partner");
            }
        }
        if (partner.countryCode() != null
                && partner.status() == Partner.Status.REGISTERED
                && roles.stream()
                        .noneMatch(r -> r.countryCode().equals(partner.countryCode())
                                && r.partyId().equals(partner.partyId()))) {
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "party-changed",
                    "country_code and party_id cannot change after registration");
        }
        credentials(
                        id,
                        PartnerCredential.Direction.SERVER,
                        PartnerCredential.Status.ACTIVE,
                        PartnerCredential.Status.PENDING)
                .stream()
                .filter(PartnerCredential::registration)
                .forEach(c -> c.retire(now));
        credentials(id, PartnerCredential.Direction.CLIENT, PartnerCredential.Status.ACTIVE)
                .forEach(c -> c.retire(now));
        em.persist(PartnerCredential.client(id, box.seal(clientToken, CLIENT_TOKEN), now));
        partner.registered(version, versionsUrl, endpoints, roles, now);
        audit.record(new AuditEvent(
                actorType(actor),
                actor,
                "ocpi.credentials.register",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                "version " + version));
    }

    /** Unregistered (DELETE either way): its tokens stop working, we stop calling it. */
    public void unregistered(long id, String actor) {
        Partner partner = existing(id);
        Instant now = Instant.now();
        credentials(
                        id,
                        PartnerCredential.Direction.SERVER,
                        PartnerCredential.Status.ACTIVE,
                        PartnerCredential.Status.PENDING)
                .forEach(c -> c.retire(now));
        credentials(id, PartnerCredential.Direction.CLIENT, PartnerCredential.Status.ACTIVE)
                .forEach(c -> c.retire(now));
        partner.unregistered(now);
        audit.record(new AuditEvent(
                actorType(actor),
                actor,
                "ocpi.credentials.unregister",
                target(partner),
                AuditEvent.Outcome.SUCCESS,
                null,
                null));
    }

    public void contact(long id, String connectionStatus) {
        find(id).ifPresent(p -> p.contact(connectionStatus, Instant.now()));
    }

    public void failure(long id, String action, String actor, String detail) {
        find(id).ifPresent(p -> audit.record(
                new AuditEvent(actorType(actor), actor, action, target(p), AuditEvent.Outcome.FAILURE, null, detail)));
    }

    public Partner existing(long id) {
        return find(id).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-partner", "No partner " + id));
    }

    private String issueRegistrationToken(Partner partner, Instant now) {
        credentials(
                        partner.id(),
                        PartnerCredential.Direction.SERVER,
                        PartnerCredential.Status.ACTIVE,
                        PartnerCredential.Status.PENDING)
                .stream()
                .filter(PartnerCredential::registration)
                .forEach(c -> c.retire(now));
        String token = RandomTokens.random();
        em.persist(PartnerCredential.server(
                partner.id(), true, RandomTokens.sha256(token), PartnerCredential.Status.ACTIVE, now));
        return token;
    }

    private void apply(Partner partner, Settings s) {
        if (s.name() != null && !s.name().isBlank()) {
            partner.rename(s.name().strip());
        }
        if (s.allowedModules() != null) {
            partner.allowModules(s.allowedModules());
        }
        if (s.versions() != null) {
            if (s.versions().isEmpty() || !VERSIONS.containsAll(s.versions())) {
                throw new Refusal(Refusal.Kind.INVALID, "invalid-versions", "versions: one or more of " + VERSIONS);
            }
            partner.allowVersions(s.versions());
        }
        if (s.sendTokenBase64() != null) {
            partner.sendTokenBase64(s.sendTokenBase64());
        }
        if (s.totpIncomingSecret() != null) {
            partner.totpIncomingSecret(secret(s.totpIncomingSecret(), TOTP_INCOMING));
        }
        if (s.totpOutgoingSecret() != null) {
            partner.totpOutgoingSecret(secret(s.totpOutgoingSecret(), TOTP_OUTGOING));
        }
        if (s.clientCertificateSha256() != null) {
            String fingerprint =
                    s.clientCertificateSha256().replace(":", "").strip().toLowerCase();
            if (!fingerprint.isEmpty() && !fingerprint.matches("[0-9a-f]{64}")) {
                throw new Refusal(
                        Refusal.Kind.INVALID,
                        "invalid-certificate-binding",
                        "clientCertificateSha256: the certificate's SHA-256 fingerprint, 64 hex digits");
            }
            partner.clientCertificateSha256(fingerprint.isEmpty() ? null : fingerprint);
        }
    }

    private String secret(String value, String purpose) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            Totp.of(value);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-totp-secret", e.getMessage());
        }
        return box.seal(value.strip(), purpose);
    }

    private static String changed(Settings s) {
        StringBuilder out = new StringBuilder();
        if (s.allowedModules() != null)
            out.append("modules=").append(s.allowedModules()).append(' ');
        if (s.versions() != null) out.append("versions=").append(s.versions()).append(' ');
        if (s.sendTokenBase64() != null)
            out.append("tokenBase64=").append(s.sendTokenBase64()).append(' ');
        if (s.totpIncomingSecret() != null)
            out.append(s.totpIncomingSecret().isEmpty() ? "totp-in removed " : "totp-in set ");
        if (s.totpOutgoingSecret() != null)
            out.append(s.totpOutgoingSecret().isEmpty() ? "totp-out removed " : "totp-out set ");
        if (s.clientCertificateSha256() != null) out.append("certificate binding changed");
        return out.toString().strip();
    }

    /** Handshake steps are done by the partner itself ("partner:<id>") or by an admin's account. */
    private static AuditEvent.ActorType actorType(String actor) {
        return actor != null && actor.startsWith("partner:")
                ? AuditEvent.ActorType.PARTNER
                : AuditEvent.ActorType.ACCOUNT;
    }

    static String target(Partner partner) {
        return "partner:" + partner.id();
    }

    private List<PartnerCredential> credentials(
            long partnerId, PartnerCredential.Direction direction, PartnerCredential.Status... statuses) {
        return em.createNamedQuery(PartnerCredential.OF_PARTNER, PartnerCredential.class)
                .setParameter("partner", partnerId)
                .setParameter("direction", direction)
                .setParameter("statuses", List.of(statuses))
                .getResultList();
    }
}
