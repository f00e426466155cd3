package io.csms.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the audit trail for operators: newest first, filtered by time, actor, kind of action and
 * target, a page at a time (the indexes by time and by actor serve these).
 */
@Stateless
public class AuditLog {

    /** One audit event as an operator reads it. */
    public record Entry(
            long id,
            Instant at,
            String actorType,
            String actorId,
            String action,
            String target,
            String outcome,
            String clientAddress,
            String detail) {}

    /**
     * What to show: events in {@code [from, to)}, by an actor (its id), of actions starting with
     * {@code action} (e.g. {@code auth.} or {@code ocpi.partner.}), on a target; null matches all.
     */
    public record Filter(Instant from, Instant to, String actor, String action, String target) {

        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    public List<Entry> page(Filter filter, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        var query = em.createNativeQuery("""
                select id, occurred_at, actor_type, actor_id, action, target, outcome, client_address, detail
                from audit_event""" + where + " order by occurred_at desc, id desc");
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(AuditLog::entry).toList();
    }

    /** The latest events that were refused or failed (logins, partners, chargers), newest first. */
    public List<Entry> recentProblems(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, occurred_at, actor_type, actor_id, action, target, outcome, client_address, detail
                        from audit_event where outcome in ('DENIED', 'FAILURE')
                          and occurred_at > now() - interval '7 days'
                        order by occurred_at desc, id desc""").setMaxResults(limit).getResultList();
        return rows.stream().map(AuditLog::entry).toList();
    }

    private static Entry entry(Object[] r) {
        return new Entry(
                ((Number) r[0]).longValue(),
                io.csms.platform.SqlTimes.instant(r[1]),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                (String) r[6],
                (String) r[7],
                (String) r[8]);
    }

    public long count(Filter filter) {
        List<Object> parameters = new ArrayList<>();
        var query = em.createNativeQuery("select count(*) from audit_event" + where(filter, parameters));
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String where(Filter f, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (f.from() != null) {
            parameters.add(Timestamp.from(f.from()));
            conditions.add("occurred_at >= ?" + parameters.size());
        }
        if (f.to() != null) {
            parameters.add(Timestamp.from(f.to()));
            conditions.add("occurred_at < ?" + parameters.size());
        }
        if (blank(f.actor()) != null) {
            parameters.add(f.actor().strip());
            conditions.add("actor_id = ?" + parameters.size());
        }
        if (blank(f.action()) != null) {
            parameters.add(like(f.action().strip()) + "%");
            conditions.add("action like ?" + parameters.size() + " escape '\\'");
        }
        if (blank(f.target()) != null) {
            parameters.add(f.target().strip());
            conditions.add("target = ?" + parameters.size());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String like(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
