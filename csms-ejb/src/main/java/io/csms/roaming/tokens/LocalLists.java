package io.csms.roaming.tokens;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Partners' tokens on chargers' local authorization lists, per charger as the admin switches it:
 * what each list should hold, what it holds, and the differences to send ({@link LocalListSync}
 * sends them). A list holds the valid tokens that may be accepted without asking the eMSP:
 * {@code ALWAYS} ones on any charger, {@code ALLOWED} and {@code ALLOWED_OFFLINE} ones only on a
 * charger whose {@code LocalPreAuthorize} is false (it then uses the list only while offline, and asks
 * us first while online, so real-time authorization stays first); never {@code NEVER} ones, nor a
 * uid that is also a tag registered here (that tag decides alone). The switch hands the charger's
 * local list to the CSMS: entries it did not put there are replaced by the first full update.
 */
@Stateless
public class LocalLists {

    /** One list entry as OCPP 1.6 sends it (status Accepted for what we put there). */
    public record Entry(String idTag, String status, String parentIdTag) {}

    /** A charger's list as the admin sees it. */
    public record State(
            boolean roamingTokens,
            Integer listVersion,
            int entries,
            boolean pending,
            Instant lastSyncAt,
            String lastResult) {}

    /**
     * What to send a charger: the entries to add or change and the id tags to remove (a
     * differential update), or with {@code full} the whole list; {@code version} is the list's
     * version now (null: never set).
     */
    public record Plan(Integer version, boolean full, List<Entry> upserts, List<String> removals) {

        public boolean empty() {
            return !full && upserts.isEmpty() && removals.isEmpty();
        }
    }

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @jakarta.inject.Inject
    AuditTrail audit;

    /** The admin switches partners' tokens on the charger's list on or off; the next sync applies it. */
    public State roamingTokens(String chargerId, boolean on, String actor, String clientAddress) {
        if (em.find(io.csms.chargepoint.Charger.class, chargerId) == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "unknown-charger", "No charger " + chargerId);
        }
        em.createNativeQuery("""
                insert into local_list (charger_id, roaming_tokens, dirty) values (?1, ?2, true)
                on conflict (charger_id) do update set roaming_tokens = excluded.roaming_tokens, dirty = true""").setParameter(1, chargerId).setParameter(2, on).executeUpdate();
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "charger.local-list",
                chargerId,
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                "partners' tokens on the local list: " + (on ? "on" : "off")));
        return state(chargerId).orElseThrow();
    }

    public Optional<State> state(String chargerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        select l.roaming_tokens, l.list_version,
                               (select count(*) from local_list_entry e where e.charger_id = l.charger_id),
                               l.dirty, l.last_sync_at, l.last_result
                        from local_list l where l.charger_id = ?1""").setParameter(1, chargerId).getResultList();
        if (rows.isEmpty()) {
            return em.find(io.csms.chargepoint.Charger.class, chargerId) == null
                    ? Optional.empty()
                    : Optional.of(new State(false, null, 0, false, null, null));
        }
        Object[] r = rows.get(0);
        return Optional.of(new State(
                (Boolean) r[0],
                r[1] == null ? null : ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue(),
                (Boolean) r[3],
                io.csms.platform.SqlTimes.instant(r[4]),
                (String) r[5]));
    }

    /** Chargers whose list must be brought up to date. */
    public List<String> due() {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select charger_id from local_list where dirty order by charger_id")
                .getResultList();
        return ids;
    }

    /** Partners' tokens changed: every list that holds or may hold them is brought up to date. */
    public void tokensChanged() {
        // every such row, also one already pending: a sync that began meanwhile (and cleared the mark
        // in begin) waits for this row lock, so it cannot miss the change
        em.createNativeQuery("""
                update local_list set dirty = true
                where roaming_tokens or exists (select 1 from local_list_entry e
                                                where e.charger_id = local_list.charger_id)""").executeUpdate();
    }

    /**
     * What to send {@code chargerId} now, given its {@code LocalPreAuthorize} setting; {@code full}
     * asks for the whole list (the charger's version is unknown or not ours).
     */
    public Plan plan(String chargerId, boolean localPreAuthorize, boolean full) {
        Object[] row = (Object[])
                em.createNativeQuery("select roaming_tokens, list_version from local_list where charger_id = ?1")
                        .setParameter(1, chargerId)
                        .getSingleResult();
        boolean on = (Boolean) row[0];
        Integer version = row[1] == null ? null : ((Number) row[1]).intValue();
        Map<String, Entry> wanted = on ? wanted(localPreAuthorize) : Map.of();
        if (full || version == null) {
            return new Plan(version, true, new ArrayList<>(wanted.values()), List.of());
        }
        Map<String, Entry> held = new HashMap<>();
        for (Entry e : entries(chargerId)) {
            held.put(e.idTag(), e);
        }
        List<Entry> upserts = wanted.values().stream()
                .filter(e -> !Objects.equals(held.get(e.idTag()), e))
                .toList();
        List<String> removals = held.keySet().stream()
                .filter(tag -> !wanted.containsKey(tag))
                .sorted()
                .toList();
        return new Plan(version, false, upserts, removals);
    }

    /** The charger accepted an update to {@code version}: its list is now as sent. */
    public void applied(String chargerId, int version, boolean full, List<Entry> upserts, List<String> removals) {
        if (full) {
            em.createNativeQuery("delete from local_list_entry where charger_id = ?1")
                    .setParameter(1, chargerId)
                    .executeUpdate();
        }
        for (String tag : removals) {
            em.createNativeQuery("delete from local_list_entry where charger_id = ?1 and id_tag = ?2")
                    .setParameter(1, chargerId)
                    .setParameter(2, tag)
                    .executeUpdate();
        }
        for (Entry e : upserts) {
            em.createNativeQuery("""
                    insert into local_list_entry (charger_id, id_tag, status, parent_id_tag) values (?1, ?2, ?3, ?4)
                    on conflict (charger_id, id_tag) do update set status = excluded.status,
                        parent_id_tag = excluded.parent_id_tag""")
                    .setParameter(1, chargerId)
                    .setParameter(2, e.idTag())
                    .setParameter(3, e.status())
                    .setParameter(4, e.parentIdTag())
                    .executeUpdate();
        }
        em.createNativeQuery("update local_list set list_version = ?1 where charger_id = ?2")
                .setParameter(1, version)
                .setParameter(2, chargerId)
                .executeUpdate();
    }

    /** A sync begins: changes of tokens from now on mark the list pending again. */
    public void begin(String chargerId) {
        em.createNativeQuery("update local_list set dirty = false where charger_id = ?1")
                .setParameter(1, chargerId)
                .executeUpdate();
    }

    /** A sync ended; one that could not finish ({@code done} false) is tried again. The result is kept for the admin. */
    public void synced(String chargerId, boolean done, String result) {
        em.createNativeQuery("""
                update local_list set last_sync_at = now(), last_result = ?1, dirty = dirty or not ?2
                where charger_id = ?3""")
                .setParameter(1, result.length() > 200 ? result.substring(0, 200) : result)
                .setParameter(2, done)
                .setParameter(3, chargerId)
                .executeUpdate();
    }

    private List<Entry> entries(String chargerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select id_tag, status, parent_id_tag from local_list_entry where charger_id = ?1")
                .setParameter(1, chargerId)
                .getResultList();
        return rows.stream()
                .map(r -> new Entry((String) r[0], (String) r[1], (String) r[2]))
                .toList();
    }

    /**
     * The tokens a list should hold: valid, of a registered partner allowed the tokens module, with a
     * whitelist that allows it here, not a tag registered here; one entry per id tag (the rule of
     * {@link RoamingTokens#forIdTag}: the token stored first).
     */
    private Map<String, Entry> wanted(boolean localPreAuthorize) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select t.id_tag, t.country_code, t.party_id, t.group_id from ocpi_token t
                        join ocpi_partner p on p.id = t.partner_id
                        where t.valid and p.status = 'REGISTERED'
                          and (',' || p.allowed_modules || ',') like '%,tokens,%'
                          and t.whitelist = any(string_to_array(?1, ','))
                          and not exists (select 1 from id_tag i where i.id_tag = t.id_tag)
                        order by t.created_at, t.id""")
                .setParameter(1, localPreAuthorize ? "ALWAYS" : "ALWAYS,ALLOWED,ALLOWED_OFFLINE")
                .getResultList();
        Map<String, Entry> wanted = new LinkedHashMap<>();
        for (Object[] r : rows) {
            String idTag = (String) r[0];
            String parent = r[3] == null ? null : IdTagAlias.of((String) r[1], (String) r[2], (String) r[3]);
            wanted.putIfAbsent(idTag.toUpperCase(java.util.Locale.ROOT), new Entry(idTag, "Accepted", parent));
        }
        Map<String, Entry> byTag = new LinkedHashMap<>();
        wanted.values().forEach(e -> byTag.put(e.idTag(), e));
        return byTag;
    }
}
