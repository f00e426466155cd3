package io.csms.authorization;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

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
     * The verdicts on those of {@code idTags} registered here, read with their accounts and parents
     * by one query on the transaction's connection (a batch of StartTransactions or
     * StopTransactions); a tag not registered here has no entry.
     */
    public Map<String, Verdict> registeredAll(Collection<String> idTags) {
        Map<String, Verdict> verdicts = new HashMap<>();
        if (idTags.isEmpty()) {
            return verdicts;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select t.id_tag, t.status, t.owner_blocked, t.expiry_date, t.parent_id_tag, t.account_id,
                           t.account_id is null or a.status = 'ACTIVE', p.status
                    from id_tag t
                    left join account a on a.id = t.account_id
                    left join id_tag p on p.id_tag = t.parent_id_tag
                    where t.id_tag = any(?)""")) {
                select.setArray(1, connection.createArrayOf("varchar", idTags.toArray(String[]::new)));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        OffsetDateTime expiry = rows.getObject(4, OffsetDateTime.class);
                        verdicts.put(
                                rows.getString(1),
                                verdict(
                                        rows.getString(2),
                                        rows.getBoolean(3),
                                        rows.getBoolean(7),
                                        expiry == null ? null : expiry.toInstant(),
                                        rows.getString(5),
                                        rows.getString(8),
                                        rows.getObject(6, Long.class)));
                    }
                }
            }
        });
        return verdicts;
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
        IdTag parent = tag.parentIdTag() == null ? null : em.find(IdTag.class, tag.parentIdTag());
        return verdict(
                tag.status(),
                tag.ownerBlocked(),
                accountActive(tag.accountId()),
                tag.expiryDate(),
                tag.parentIdTag(),
                parent == null ? null : parent.status(),
                tag.accountId());
    }

    /** The rule of {@link #verdict(String)}, on what was read of a registered tag. */
    private static Verdict verdict(
            String status,
            boolean ownerBlocked,
            boolean accountActive,
            Instant expiryDate,
            String parentIdTag,
            String parentStatus,
            Long accountId) {
        if (status.equals("Accepted") && (ownerBlocked || !accountActive)) {
            status = "Blocked";
        }
        if (status.equals("Accepted") && expiryDate != null && expiryDate.isBefore(Instant.now())) {
            status = "Expired";
        }
        if (status.equals("Accepted") && parentStatus != null && !parentStatus.equals("Accepted")) {
            status = parentStatus;
        }
        return new Verdict(status, expiryDate, parentIdTag, accountId);
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

    /** How an import went: tags registered and tags changed. */
    public record Imported(int registered, int changed) {}

    /** At most this many lines are imported at once. */
    static final int MAX_IMPORT = 10_000;

    /**
     * Operator tags from CSV (RFC 4180; a header line {@code id_tag,status,expiry_date,parent_id_tag,label},
     * every column after {@code id_tag} optional): a tag not known is registered, a known one changed.
     * Every line is checked first; when one is wrong, nothing is imported and the wrong lines are named.
     */
    public Imported importCsv(String csv, String operator, String clientAddress) {
        List<org.apache.commons.csv.CSVRecord> records;
        try {
            records = org.apache.commons.csv.CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .get()
                    .parse(new java.io.StringReader(csv == null ? "" : csv))
                    .getRecords();
        } catch (java.io.IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-csv", "Not a CSV file: " + e.getMessage());
        }
        if (records.isEmpty() || !records.get(0).isMapped("id_tag")) {
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "invalid-csv",
                    "The first line names the columns: id_tag,status,expiry_date,parent_id_tag,label");
        }
        if (records.size() > MAX_IMPORT) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid-csv", "At most " + MAX_IMPORT + " tags at once");
        }
        List<String> wrong = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (var r : records) {
            String line = "line " + (r.getRecordNumber() + 1) + ": ";
            String tag = column(r, "id_tag");
            if (tag == null || !tag.matches(ID_TOKEN)) {
                wrong.add(line + "an id tag is " + ID_TOKEN_RULE);
                continue;
            }
            if (!seen.add(tag.toLowerCase(java.util.Locale.ROOT))) {
                wrong.add(line + tag + " is on an earlier line too");
            }
            String problem = problem(settings(r), tag);
            if (problem != null) {
                wrong.add(line + problem);
            }
            if (find(tag).isEmpty() && existsIgnoringCase(tag)) {
                wrong.add(line + tag + " is registered with other upper and lower case");
            }
        }
        if (!wrong.isEmpty()) {
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "invalid-csv",
                    "Nothing imported: " + String.join("; ", wrong.subList(0, Math.min(10, wrong.size())))
                            + (wrong.size() > 10 ? "; and " + (wrong.size() - 10) + " more" : ""));
        }
        int registered = 0;
        int changed = 0;
        for (var r : records) {
            String tag = column(r, "id_tag");
            Settings settings = settings(r);
            if (find(tag).isPresent()) {
                change(tag, settings, operator, clientAddress);
                changed++;
            } else {
                register(
                        tag,
                        new Settings(
                                settings.status() == null ? "Accepted" : settings.status(),
                                settings.expiryDate(),
                                settings.parentIdTag(),
                                settings.label()),
                        operator,
                        clientAddress);
                registered++;
            }
        }
        return new Imported(registered, changed);
    }

    private static Settings settings(org.apache.commons.csv.CSVRecord r) {
        return new Settings(
                column(r, "status"), column(r, "expiry_date"), column(r, "parent_id_tag"), column(r, "label"));
    }

    /** A column's value; absent or empty is none (left as it is). */
    private static String column(org.apache.commons.csv.CSVRecord r, String name) {
        if (!r.isMapped(name) || !r.isSet(name)) {
            return null;
        }
        String value = r.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** What is wrong with settings for {@code idTag}, or null. */
    private static String problem(Settings s, String idTag) {
        if (s.status() != null
                && !List.of("Accepted", "Blocked", "Expired", "Invalid").contains(s.status())) {
            return "status: Accepted, Blocked, Expired or Invalid";
        }
        if (s.expiryDate() != null) {
            try {
                java.time.OffsetDateTime.parse(s.expiryDate());
            } catch (java.time.format.DateTimeParseException e) {
                return "expiry_date: a date-time with zone, such as 2027-12-31T23:59:59Z";
            }
        }
        if (s.parentIdTag() != null
                && (!s.parentIdTag().matches(ID_TOKEN) || s.parentIdTag().equals(idTag))) {
            return "parent_id_tag: another id tag";
        }
        if (s.label() != null && s.label().length() > 64) {
            return "a label is at most 64 characters";
        }
        return null;
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
        return list(prefix, true, offset, limit);
    }

    /** Tags in id order ({@code ascending} or not), optionally those starting with {@code prefix}. */
    public List<IdTag> list(String prefix, boolean ascending, int offset, int limit) {
        return em.createQuery(
                        "select t from IdTag t where t.idTag like :prefix escape '!' order by t.idTag"
                                + (ascending ? "" : " desc"),
                        IdTag.class)
                .setParameter("prefix", startingWith(prefix))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count(String prefix) {
        return em.createQuery("select count(t) from IdTag t where t.idTag like :prefix escape '!'", Long.class)
                .setParameter("prefix", startingWith(prefix))
                .getSingleResult();
    }

    private static String startingWith(String prefix) {
        return prefix == null
                ? "%"
                : prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
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
