package io.csms.authorization;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Linking an RFID card to an account needs proof that the driver holds it (security review M9): the
 * driver claims the uid and names a charger, then taps the card there within
 * {@code csms.cards.claim-window} (the Authorize or StartTransaction that the tap sends confirms the
 * claim); or an operator approves the claim. Until then the card is not the driver's.
 */
@Stateless
public class CardClaims {

    private static final Pattern ID_TOKEN = Pattern.compile(IdTags.ID_TOKEN);

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** How long a tap at the named charger may take. */
    @Inject
    @ConfigProperty(name = "csms.cards.claim-window", defaultValue = "PT5M")
    Duration tapWindow;

    /** How long a claim without a charger waits for an operator. */
    @Inject
    @ConfigProperty(name = "csms.cards.approval-window", defaultValue = "P7D")
    Duration approvalWindow;

    /** A claim to {@code idTag}; {@code chargerId} names where the card will be tapped (null: an operator decides). */
    public CardClaim claim(long accountId, String idTag, String label, String chargerId, String clientAddress) {
        if (idTag == null || !ID_TOKEN.matcher(idTag).matches()) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-id-tag", "An id tag is " + IdTags.ID_TOKEN_RULE);
        }
        if (label != null && label.length() > 64) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-label", "A label is at most 64 characters");
        }
        // OCPP compares id tags case-insensitively: one card must not be claimable twice by changing case
        if (em.createQuery("select count(t) from IdTag t where lower(t.idTag) = lower(:tag)", Long.class)
                        .setParameter("tag", idTag)
                        .getSingleResult()
                > 0) {
            throw new Refusal(Refusal.Kind.CONFLICT, "id-tag-taken", "This card is already registered");
        }
        if (chargerId != null
                && em.createQuery("select count(c) from Charger c where c.id = :id", Long.class)
                                .setParameter("id", chargerId)
                                .getSingleResult()
                        == 0) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "unknown-charger", "No charger " + chargerId);
        }
        Instant now = Instant.now();
        CardClaim claim = new CardClaim(
                accountId, idTag, label, chargerId, now, now.plus(chargerId == null ? approvalWindow : tapWindow));
        em.persist(claim);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                Long.toString(accountId),
                "card.claim",
                idTag,
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                chargerId == null ? "awaiting an operator" : "awaiting a tap at " + chargerId));
        return claim;
    }

    /**
     * The card {@code idTag}, not registered, was presented at {@code chargerId}: the oldest claim
     * waiting for a tap there is confirmed and the card becomes that account's. False when no claim waits.
     */
    public boolean tapped(String idTag, String chargerId) {
        Instant now = Instant.now();
        Optional<CardClaim> waiting = em.createNamedQuery(CardClaim.WAITING_AT, CardClaim.class)
                .setParameter("idTag", idTag)
                .setParameter("charger", chargerId)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
        waiting.ifPresent(claim -> confirm(claim, "tap at " + chargerId, now));
        return waiting.isPresent();
    }

    /** An operator approves or refuses a claim. */
    public CardClaim decide(UUID claimId, boolean approve, String operator, String clientAddress) {
        Instant now = Instant.now();
        CardClaim claim = Optional.ofNullable(em.find(CardClaim.class, claimId))
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-claim", "No claim " + claimId));
        if (claim.state(now) != CardClaim.State.WAITING) {
            throw new Refusal(Refusal.Kind.CONFLICT, "claim-decided", "The claim is " + claim.state(now));
        }
        if (approve) {
            confirm(claim, "approved by " + operator, now);
        } else {
            claim.decide(CardClaim.State.REFUSED, operator, now);
        }
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                operator,
                approve ? "card.claim.approve" : "card.claim.refuse",
                claim.idTag(),
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                "account " + claim.accountId()));
        return claim;
    }

    /** One of the account's claims; another account's is not found. */
    public CardClaim own(long accountId, UUID claimId) {
        return Optional.ofNullable(em.find(CardClaim.class, claimId))
                .filter(c -> c.accountId() == accountId)
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-claim", "No such claim"));
    }

    public List<CardClaim> waiting(int offset, int limit) {
        return em.createNamedQuery(CardClaim.IN_STATE, CardClaim.class)
                .setParameter("state", CardClaim.State.WAITING)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    private void confirm(CardClaim claim, String how, Instant now) {
        if (em.createQuery("select count(t) from IdTag t where lower(t.idTag) = lower(:tag)", Long.class)
                        .setParameter("tag", claim.idTag())
                        .getSingleResult()
                > 0) {
            claim.decide(CardClaim.State.REFUSED, "already registered", now);
            return;
        }
        em.persist(new IdTag(claim.idTag(), claim.accountId(), "RFID", claim.label()));
        claim.decide(CardClaim.State.CONFIRMED, how, now);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                Long.toString(claim.accountId()),
                "card.add",
                claim.idTag(),
                AuditEvent.Outcome.SUCCESS,
                null,
                how));
    }
}
