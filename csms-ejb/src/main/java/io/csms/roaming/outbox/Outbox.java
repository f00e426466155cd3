package io.csms.roaming.outbox;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code ocpi_outbox} table: per partner and object, that the partner must be told of its
 * current state. Repeated changes of one object coalesce into its one row (a whole-object push
 * absorbs EVSE-status pushes); a worker claims a partner's due rows with {@code for update skip
 * locked} and a lease, so workers on several nodes never send one object twice at once, and rows of a
 * worker that died are claimed again when the lease ends. A push settles only the changes it saw.
 */
@Stateless
public class Outbox {

    public enum ObjectType {
        LOCATION,
        TARIFF,
        /** A charging session of a partner's driver (object id: the transaction id); whole: PUT, else PATCH. */
        SESSION,
        /** A CDR to POST (object id: the CDR id). */
        CDR,
        /** A partner's command concluded: its CommandResult to POST (object id: the command id). */
        COMMAND
    }

    /**
     * A claimed row: send the object's current state ({@code whole}), or only the named EVSEs'
     * statuses; {@code changes} is what {@link #delivered} settles.
     */
    public record Claimed(
            long id,
            long partnerId,
            ObjectType type,
            String objectId,
            boolean whole,
            List<String> evseUids,
            int changes,
            int attempts) {}

    /** A partner's queue as the admin sees it. */
    public record Queue(long pending, Instant oldest, Instant lastPushAt, String lastError, Instant lastErrorAt) {}

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @jakarta.inject.Inject
    io.csms.location.Locations locations;

    /**
     * Records that each of {@code partners} must be told of the object: the whole of it, or (when
     * {@code whole} is false) the status of EVSE {@code evseUid}. A row already pending for the object
     * is merged; one in backoff keeps its time.
     */
    public void enqueue(Collection<Long> partners, ObjectType type, String objectId, boolean whole, String evseUid) {
        if (partners.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                insert into ocpi_outbox (partner_id, object_type, object_id, whole, evse_uids, due_at, created_at)
                select p.id, ?1, ?2, ?3, string_to_array(?4, ','), now(), now()
                from ocpi_partner p where p.id = any(string_to_array(?5, ',')::bigint[])
                on conflict (partner_id, object_type, object_id) do update set
                    whole = ocpi_outbox.whole or excluded.whole,
                    evse_uids = case when ocpi_outbox.whole or excluded.whole then '{}'
                                     else array(select distinct u from unnest(ocpi_outbox.evse_uids || excluded.evse_uids) u) end,
                    changes = ocpi_outbox.changes + 1,
                    due_at = case when ocpi_outbox.attempts > 0 then ocpi_outbox.due_at else now() end""")
                .setParameter(1, type.name())
                .setParameter(2, objectId)
                .setParameter(3, whole)
                .setParameter(4, whole || evseUid == null ? "" : evseUid)
                .setParameter(5, partners.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .executeUpdate();
    }

    /**
     * Records that the partner must be told of the session: the whole of it at once, or (not
     * {@code whole}) its progress no earlier than {@code notBefore}. A row pending for the session is
     * merged and falls due at the earlier of the two times (unless it is in backoff).
     */
    public void enqueueSession(long partnerId, int transactionId, boolean whole, Instant notBefore) {
        em.createNativeQuery("""
                insert into ocpi_outbox (partner_id, object_type, object_id, whole, evse_uids, due_at, created_at)
                values (?1, 'SESSION', ?2, ?3, '{}', ?4, now())
                on conflict (partner_id, object_type, object_id) do update set
                    whole = ocpi_outbox.whole or excluded.whole,
                    changes = ocpi_outbox.changes + 1,
                    due_at = case when ocpi_outbox.attempts > 0 then ocpi_outbox.due_at
                                  else least(ocpi_outbox.due_at, excluded.due_at) end""")
                .setParameter(1, partnerId)
                .setParameter(2, Integer.toString(transactionId))
                .setParameter(3, whole)
                .setParameter(4, Timestamp.from(whole || notBefore == null ? Instant.now() : notBefore))
                .executeUpdate();
    }

    /** Whether the partner is still owed a push of the object (a row for it waits or is under way). */
    public boolean pending(long partnerId, ObjectType type, String objectId) {
        return !em.createNativeQuery(
                        "select 1 from ocpi_outbox where partner_id = ?1 and object_type = ?2 and object_id = ?3")
                .setParameter(1, partnerId)
                .setParameter(2, type.name())
                .setParameter(3, objectId)
                .getResultList()
                .isEmpty();
    }

    /** The partners with rows due now and not claimed by anyone. */
    public List<Long> partnersDue() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                select p.id from ocpi_partner p
                where exists (select 1 from ocpi_outbox o
                              where o.partner_id = p.id and o.due_at <= now()
                                and (o.leased_until is null or o.leased_until < now()))""").getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Claims up to {@code max} of the partner's due rows, oldest first, for {@code lease}; rows
     * another worker holds are skipped. Commits at once, so the claim holds no lock while sending.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Claimed> claim(long partnerId, int max, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, partner_id, object_type, object_id, whole, array_to_string(evse_uids, ','), changes, attempts
                from ocpi_outbox
                where partner_id = ?1 and due_at <= now() and (leased_until is null or leased_until < now())
                order by created_at, id
                limit ?2
                for update skip locked""")
                .setParameter(1, partnerId)
                .setParameter(2, max)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Claimed> claimed = rows.stream()
                .map(r -> new Claimed(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        ObjectType.valueOf((String) r[2]),
                        (String) r[3],
                        (Boolean) r[4],
                        r[5] == null || ((String) r[5]).isEmpty()
                                ? List.of()
                                : Arrays.asList(((String) r[5]).split(",")),
                        ((Number) r[6]).intValue(),
                        ((Number) r[7]).intValue()))
                .toList();
        em.createNativeQuery(
                        "update ocpi_outbox set leased_until = ?1 where id = any(string_to_array(?2, ',')::bigint[])")
                .setParameter(1, Timestamp.from(Instant.now().plus(lease)))
                .setParameter(
                        2, claimed.stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(",")))
                .executeUpdate();
        return claimed;
    }

    /**
     * How one claimed batch of a partner went: rows the partner now has (as of the claim), rows with
     * nothing to tell it, the row whose push failed (with the error), rows not tried after it, and
     * rows that wait for another row of the partner to go first.
     */
    public record Settlement(
            List<Claimed> delivered,
            List<Claimed> dropped,
            java.util.Map<Claimed, String> refused,
            Claimed failed,
            String error,
            List<Claimed> unsent,
            List<String> locationsTold,
            List<String> locationsForgotten,
            List<Behind> behind) {}

    /**
     * A row that cannot go before the partner's row for ({@code type}, {@code objectId}) has (a CDR
     * after its session's last push). Waiting is no failure: it costs the row no attempt and no
     * backoff, it is due again when that row is, and a second later at the earliest.
     */
    public record Behind(Claimed row, ObjectType type, String objectId) {}

    /**
     * Records a batch's outcome in one transaction: delivered and dropped rows go, unless they
     * changed again meanwhile (then they are due again at once, and their current state is sent);
     * a failure postpones the partner's rows ({@link #failed}); rows not tried are free again; and
     * which locations the partner now holds or was told to forget (one commit for the batch).
     * Answers the failure's backoff, or null.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Duration settle(long partnerId, Settlement batch) {
        if (!batch.locationsTold().isEmpty() || !batch.locationsForgotten().isEmpty()) {
            locations.held(partnerId, batch.locationsTold(), batch.locationsForgotten());
        }
        List<Claimed> done = new java.util.ArrayList<>(batch.delivered());
        done.addAll(batch.dropped());
        if (!done.isEmpty()) {
            em.createNativeQuery("""
                    delete from ocpi_outbox o
                    using unnest(string_to_array(?1, ',')::bigint[], string_to_array(?2, ',')::int[]) as d(id, changes)
                    where o.id = d.id and o.changes = d.changes""")
                    .setParameter(1, ids(done))
                    .setParameter(
                            2,
                            done.stream().map(c -> String.valueOf(c.changes())).collect(Collectors.joining(",")))
                    .executeUpdate();
            em.createNativeQuery("""
                    update ocpi_outbox set leased_until = null, attempts = 0, due_at = now()
                    where id = any(string_to_array(?1, ',')::bigint[])""").setParameter(1, ids(done)).executeUpdate();
        }
        if (!batch.delivered().isEmpty()) {
            em.createNativeQuery("update ocpi_partner set last_push_at = now() where id = ?1")
                    .setParameter(1, batch.delivered().get(0).partnerId())
                    .executeUpdate();
        }
        release(batch.unsent());
        // the partner answered and refused these objects: each waits on its own, the others go on
        batch.refused().forEach((row, error) -> failed(row, error, false));
        Duration backoff = batch.failed() == null ? null : failed(batch.failed(), batch.error(), true);
        batch.behind().forEach(this::behind);
        return backoff;
    }

    private void behind(Behind waiting) {
        em.createNativeQuery("""
                update ocpi_outbox w set leased_until = null,
                    due_at = greatest(w.due_at, now() + interval '1 second',
                                      (select f.due_at from ocpi_outbox f
                                       where f.partner_id = w.partner_id and f.object_type = ?2 and f.object_id = ?3))
                where w.id = ?1""")
                .setParameter(1, waiting.row().id())
                .setParameter(2, waiting.type().name())
                .setParameter(3, waiting.objectId())
                .executeUpdate();
    }

    private static String ids(List<Claimed> rows) {
        return rows.stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(","));
    }

    /**
     * The push failed: the row is tried again after a backoff that grows with its attempts (1 s, 2 s,
     * 4 s ... at most 10 min), the error kept for the admin. When the partner is down (no answer,
     * 5xx, our token refused) its other rows wait as long (it is not called for each of them); when
     * it answered and refused this one object, only this row waits, so one object the partner will
     * not take never holds up the others.
     */
    private Duration failed(Claimed row, String error, boolean partnerDown) {
        Duration backoff = backoff(row.attempts() + 1);
        String message = error == null ? "failed" : error.length() > 500 ? error.substring(0, 500) : error;
        Timestamp retry = Timestamp.from(Instant.now().plus(backoff));
        em.createNativeQuery("""
                update ocpi_outbox set attempts = attempts + 1, last_error = ?1, leased_until = null, due_at = ?2
                where id = ?3""")
                .setParameter(1, message)
                .setParameter(2, retry)
                .setParameter(3, row.id())
                .executeUpdate();
        if (partnerDown) {
            em.createNativeQuery("""
                    update ocpi_outbox set due_at = greatest(due_at, ?1) where partner_id = ?2""")
                    .setParameter(1, retry)
                    .setParameter(2, row.partnerId())
                    .executeUpdate();
        }
        em.createNativeQuery("update ocpi_partner set last_push_error = ?1, last_push_error_at = now() where id = ?2")
                .setParameter(1, message)
                .setParameter(2, row.partnerId())
                .executeUpdate();
        return backoff;
    }

    /** Claimed rows not pushed (an earlier one failed, or the worker stops): free for the next claim, when due. */
    private void release(List<Claimed> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.createNativeQuery(
                        "update ocpi_outbox set leased_until = null where id = any(string_to_array(?1, ',')::bigint[])")
                .setParameter(1, rows.stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(",")))
                .executeUpdate();
    }

    /**
     * The node starts: every row waiting for a later time (a backoff grown while the partner or this
     * node was away, or a session's coalescing delay) falls due now, so what partners were owed
     * across a restart is tried at once. A partner still away fails once and backs off again; the
     * attempts and the last error are kept. Answers how many rows were brought forward.
     */
    public int dueNowAfterStart() {
        return em.createNativeQuery("update ocpi_outbox set due_at = now() where due_at > now()")
                .executeUpdate();
    }

    /** 2^(attempts-1) seconds, at most 10 minutes. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(600, 1L << Math.min(attempts - 1, 10)));
    }

    public Queue queue(long partnerId) {
        Object[] row =
                (Object[]) em.createNativeQuery("""
                select (select count(*) from ocpi_outbox o where o.partner_id = p.id),
                       (select min(created_at) from ocpi_outbox o where o.partner_id = p.id),
                       p.last_push_at, p.last_push_error, p.last_push_error_at
                from ocpi_partner p where p.id = ?1""").setParameter(1, partnerId).getSingleResult();
        return new Queue(
                ((Number) row[0]).longValue(),
                io.csms.platform.SqlTimes.instant(row[1]),
                io.csms.platform.SqlTimes.instant(row[2]),
                (String) row[3],
                io.csms.platform.SqlTimes.instant(row[4]));
    }
}
