package io.csms.authorization;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Answers "may this id tag charge?" the way OCPP 1.6 IdTagInfo expresses it. */
@Stateless
public class IdTags {

    /** OCPP 1.6 IdToken: CiString20; printable ASCII without spaces, as cards and apps use it. */
    public static final String ID_TOKEN = "[\\x21-\\x7E]{1,20}";

    public static final String ID_TOKEN_RULE = "1 to 20 printable ASCII characters without spaces";

    /** OCPP 1.6 AuthorizationStatus and what goes with it. */
    public record Verdict(String status, Instant expiryDate, String parentIdTag, Long accountId) {

        public boolean accepted() {
            return status.equals("Accepted");
        }
    }

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    CardClaims claims;

    @Inject
    AuditTrail audit;

    /**
     * The verdict on a tag presented at a charger (Authorize, StartTransaction): a tag nobody
     * registered that a driver has claimed for this charger becomes that driver's now (the tap proves
     * the card, {@link CardClaims}).
     */
    public Verdict verdictAt(String idTag, String chargerId) {
        if (em.find(IdTag.class, idTag) == null) {
            claims.tapped(idTag, chargerId);
        }
        return verdict(idTag);
    }

    /** The verdict on a tag registered here (an operator's or a driver's), empty when none is. */
    public java.util.Optional<Verdict> registered(String idTag) {
        return em.find(IdTag.class, idTag) == null ? java.util.Optional.empty() : java.util.Optional.of(verdict(idTag));
    }

    /**
     * Unknown tags are Invalid; a tag past its expiry is Expired; a Blocked tag (or parent) stays
     * Blocked, and so does one its owner blocked or whose account is not active.
     */
    public Verdict verdict(String idTag) {
        IdTag tag = em.find(IdTag.class, idTag);
        if (tag == null) {
            return new Verdict("Invalid", null, null, null);
        }
        String status = tag.status();
        if (status.equals("Accepted") && (tag.ownerBlocked() || !accountActive(tag.accountId()))) {
            status = "Blocked";
        }
        if (status.equals("Accepted")
                && tag.expiryDate() != null
                && tag.expiryDate().isBefore(Instant.now())) {
            status = "Expired";
        }
        if (status.equals("Accepted") && tag.parentIdTag() != null) {
            IdTag parent = em.find(IdTag.class, tag.parentIdTag());
            if (parent != null && !parent.status().equals("Accepted")) {
                status = parent.status();
            }
        }
        return new Verdict(status, tag.expiryDate(), tag.parentIdTag(), tag.accountId());
    }

    /** A tag of no account counts as active; one of a locked, disabled or unverified account does not. */
    private boolean accountActive(Long accountId) {
        if (accountId == null) {
            return true;
        }
        List<?> status = em.createNativeQuery("select status from account where id = ?1")
                .setParameter(1, accountId)
                .getResultList();
        return !status.isEmpty() && "ACTIVE".equals(status.get(0));
    }

    /** What an operator sets on a tag; null leaves a setting unchanged ({@code ""} clears parent or expiry). */
    public record Settings(String status, String expiryDate, String parentIdTag, String label) {}

    /** An operator's tag (OTHER: a fleet card, a service card), of no driver's account. */
    public IdTag register(String idTag, Settings settings, String operator, String clientAddress) {
        if (idTag == null || !idTag.matches(ID_TOKEN)) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-id-tag", "An id tag is " + ID_TOKEN_RULE);
        }
        if (find(idTag).isPresent() || existsIgnoringCase(idTag)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "id-tag-taken", "This id tag is registered");
        }
        IdTag tag = create(idTag, null, "OTHER", null);
        apply(tag, settings);
        audit(operator, "id-tag.register", idTag, clientAddress, describe(tag));
        return tag;
    }

    /** An operator changes a tag: blocks it (also a driver's: its owner cannot undo that), sets its expiry or parent. */
    public IdTag change(String idTag, Settings settings, String operator, String clientAddress) {
        IdTag tag = find(idTag)
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-id-tag", "No id tag " + idTag));
        String before = describe(tag);
        apply(tag, settings);
        audit(operator, "id-tag.change", idTag, clientAddress, "before: " + before + "; after: " + describe(tag));
        return tag;
    }

    public void delete(String idTag, String operator, String clientAddress) {
        IdTag tag = find(idTag)
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-id-tag", "No id tag " + idTag));
        if (tag.kind().equals("APP")) {
            throw new Refusal(Refusal.Kind.CONFLICT, "app-tag", "An account's app tag cannot be deleted; block it");
        }
        remove(tag);
        audit(operator, "id-tag.delete", idTag, clientAddress, describe(tag));
    }

    /** Tags in id order, optionally those starting with {@code prefix}. */
    public List<IdTag> list(String prefix, int offset, int limit) {
        var query = prefix == null || prefix.isEmpty()
                ? em.createQuery("select t from IdTag t order by t.idTag", IdTag.class)
                : em.createQuery(
                                "select t from IdTag t where t.idTag like :prefix escape '!' order by t.idTag",
                                IdTag.class)
                        .setParameter(
                                "prefix",
                                prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private void apply(IdTag tag, Settings s) {
        if (s.status() != null) {
            if (!List.of("Accepted", "Blocked", "Expired", "Invalid").contains(s.status())) {
                throw new Refusal(
                        Refusal.Kind.INVALID, "invalid-status", "status: Accepted, Blocked, Expired or Invalid");
            }
            tag.status(s.status());
        }
        if (s.expiryDate() != null) {
            try {
                tag.expiry(
                        s.expiryDate().isEmpty()
                                ? null
                                : java.time.OffsetDateTime.parse(s.expiryDate()).toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                throw new Refusal(Refusal.Kind.INVALID, "invalid-expiry", "expiryDate: a date-time with zone");
            }
        }
        if (s.parentIdTag() != null) {
            if (!s.parentIdTag().isEmpty()
                    && (!s.parentIdTag().matches(ID_TOKEN) || s.parentIdTag().equals(tag.idTag()))) {
                throw new Refusal(Refusal.Kind.INVALID, "invalid-parent", "parentIdTag: another id tag");
            }
            tag.parent(s.parentIdTag().isEmpty() ? null : s.parentIdTag());
        }
        if (s.label() != null) {
            if (s.label().length() > 64) {
                throw new Refusal(Refusal.Kind.INVALID, "invalid-label", "A label is at most 64 characters");
            }
            tag.label(s.label().isEmpty() ? null : s.label());
        }
    }

    private static String describe(IdTag tag) {
        return "status=" + tag.status() + " expiry=" + tag.expiryDate() + " parent=" + tag.parentIdTag();
    }

    private void audit(String operator, String action, String idTag, String clientAddress, String detail) {
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                operator,
                action,
                idTag,
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                detail));
    }

    public IdTag create(String idTag, Long accountId, String kind, String label) {
        IdTag tag = new IdTag(idTag, accountId, kind, label);
        em.persist(tag);
        return tag;
    }

    public java.util.Optional<IdTag> find(String idTag) {
        return java.util.Optional.ofNullable(em.find(IdTag.class, idTag));
    }

    /** An account's tags, oldest first (the app tag created at sign-up comes first). */
    public java.util.List<IdTag> ofAccount(long accountId) {
        return em.createQuery(
                        "select t from IdTag t where t.accountId = :account order by t.createdAt, t.idTag", IdTag.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    public boolean existsIgnoringCase(String idTag) {
        return em.createQuery("select count(t) from IdTag t where lower(t.idTag) = lower(:tag)", Long.class)
                        .setParameter("tag", idTag)
                        .getSingleResult()
                > 0;
    }

    public void remove(IdTag tag) {
        em.remove(em.contains(tag) ? tag : em.merge(tag));
    }
}
