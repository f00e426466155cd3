package io.csms.authorization;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

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

    /** Unknown tags are Invalid; a tag past its expiry is Expired; a Blocked tag (or parent) stays Blocked. */
    public Verdict verdict(String idTag) {
        IdTag tag = em.find(IdTag.class, idTag);
        if (tag == null) {
            return new Verdict("Invalid", null, null, null);
        }
        String status = tag.status();
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
