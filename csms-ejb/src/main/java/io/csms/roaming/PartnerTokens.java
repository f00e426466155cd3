package io.csms.roaming;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.AddressRange;
import io.csms.platform.RandomTokens;
import io.csms.platform.SecretBox;
import io.csms.roaming.access.PartnerPrincipal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tokens between us and each partner, named by direction: server tokens the partner presents to
 * us (token A for registering, which expires after {@code csms.ocpi.registration-token-lifetime};
 * then C), kept as SHA-256 only; client tokens we present to it (its B), sealed. Issuing, proving a
 * rotated token, discarding one after a failed handshake, and recognising a presented one.
 */
@Stateless
public class PartnerTokens {

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

    /** How long a token A handed out may wait to be used (security review M11). */
    @Inject
    @ConfigProperty(name = "csms.ocpi.registration-token-lifetime", defaultValue = "P7D")
    Duration registrationLifetime;

    /** A new token A for the partner; any earlier one stops working. */
    public String issueRegistrationToken(Partner partner, Instant now) {
        credentials(
                        partner.id(),
                        PartnerCredential.Direction.SERVER,
                        PartnerCredential.Status.ACTIVE,
                        PartnerCredential.Status.PENDING)
                .stream()
                .filter(PartnerCredential::registration)
                .forEach(c -> c.retire(now));
        String token = RandomTokens.random();
        PartnerCredential credential = PartnerCredential.server(
                partner.id(), true, RandomTokens.sha256(token), PartnerCredential.Status.ACTIVE, now);
        credential.supersede(now.plus(registrationLifetime));
        em.persist(credential);
        return token;
    }

    /**
     * The partner a token belongs to, if the token may be used now. Using a token that was issued in a
     * rotation proves it: its predecessor stops working there and then.
     */
    public Optional<PartnerPrincipal> authenticate(String token) {
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
                    Partners.target(partner),
                    "ocpi.token.proven",
                    Partners.target(partner),
                    AuditEvent.Outcome.SUCCESS,
                    null,
                    "the rotated token was used; its predecessor is retired"));
        }
        if (partner.lastContactAt() == null || partner.lastContactAt().isBefore(now.minusSeconds(60))) {
            partner.contact("CONNECTED", now);
        }
        return Optional.of(new PartnerPrincipal(
                partner.id(),
                partner.name(),
                credential.registration(),
                partner.status(),
                partner.allowedModules(),
                // before registering, the roles the admin named (what it will register as)
                credential.registration()
                        ? partner.parties().stream()
                                .map(p -> new Partner.PartyRole(p.role(), p.countryCode(), p.partyId(), null))
                                .toList()
                        : partner.roles(),
                box.open(partner.totpIncomingSecret(), TOTP_INCOMING),
                partner.totpTlsBound(),
                partner.clientCertificateSha256(),
                AddressRange.parseList(partner.allowedAddresses()),
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
            String endpoints) {

        /** How to present token B in the agreed version: never base64 towards 2.1.1. */
        public OcpiClient.Credentials credentials() {
            return new OcpiClient.Credentials(token, base64 && !OcpiVersion.is211(version), totpSecret);
        }
    }

    public Optional<Outgoing> outgoing(long id) {
        Partner partner = em.find(Partner.class, id);
        if (partner == null) {
            return Optional.empty();
        }
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
        Partner partner = em.find(Partner.class, id);
        return partner == null ? null : box.open(partner.totpOutgoingSecret(), TOTP_OUTGOING);
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

    /** Registered: token A is spent, the partner's new token B replaces the one we held. */
    public void registered(long id, String clientToken, Instant now) {
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
    }

    /** Every token of the partner stops working: retired (unregistered) or revoked. */
    public void endAll(long id, boolean revoke, Instant now) {
        for (PartnerCredential.Direction direction : PartnerCredential.Direction.values()) {
            credentials(id, direction, PartnerCredential.Status.ACTIVE, PartnerCredential.Status.PENDING)
                    .forEach(c -> {
                        if (revoke) {
                            c.revoke(now);
                        } else {
                            c.retire(now);
                        }
                    });
        }
    }

    public void deleteAll(long id) {
        em.createQuery("delete from PartnerCredential c where c.partnerId = :id")
                .setParameter("id", id)
                .executeUpdate();
    }

    public String seal(String secret, String purpose) {
        return box.seal(secret, purpose);
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
