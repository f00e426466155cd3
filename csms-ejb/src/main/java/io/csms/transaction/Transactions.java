package io.csms.transaction;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.authorization.Authorizations;
import io.csms.authorization.IdTags;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts and stops charging transactions and keeps their meter values. Each method is one database
 * transaction, committed before the charger gets its answer; what chargers send comes in batches
 * ({@link TransactionWriter}, {@link MeterValueWriter}), several chargers' messages per transaction.
 */
@Stateless
public class Transactions {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Event<TransactionEvent> events;

    /** How long an open transaction counts as charging for its tag (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "csms.charging.open-transaction-limit", defaultValue = "PT24H")
    Duration openLimit;

    /** The transaction id to answer with, and the verdict on the id tag. */
    public record Started(int transactionId, IdTags.Verdict verdict) {}

    /** A StartTransaction, with the verdict on its tag reached before. */
    public record Start(
            String chargerId,
            int connectorId,
            String idTag,
            int meterStart,
            Instant at,
            Integer reservationId,
            Authorizations.Decision decision) {}

    /** Several StartTransactions in one database transaction, in order (see {@link TransactionWriter}). */
    public List<Started> startAll(List<Start> starts) {
        List<Started> started = new ArrayList<>(starts.size());
        for (Start start : starts) {
            started.add(start(start));
        }
        return started;
    }

    /**
     * OCPP 1.6 StartTransaction. The charger has started already, so the transaction is stored
     * whatever the verdict; the verdict tells it whether to go on. A retry of the same start (same
     * charger, connector, tag, meter and time: the reply was lost) gets the same id. The verdict on the
     * tag was reached before ({@link Authorizations}: it may have asked a partner).
     */
    private Started start(Start start) {
        String chargerId = start.chargerId();
        int connectorId = start.connectorId();
        String idTag = start.idTag();
        int meterStart = start.meterStart();
        Instant at = start.at();
        Authorizations.Decision decision = start.decision();
        Optional<ChargingTransaction> retried = em.createNamedQuery(
                        ChargingTransaction.RETRY, ChargingTransaction.class)
                .setParameter("charger", chargerId)
                .setParameter("connector", connectorId)
                .setParameter("idTag", idTag)
                .setParameter("meterStart", meterStart)
                .setParameter("startTime", at)
                .getResultStream()
                .findFirst();
        IdTags.Verdict verdict = decision.verdict();
        if (retried.isPresent()) {
            return new Started(retried.get().id(), verdict);
        }
        closeAbandoned(chargerId, connectorId, meterStart, at);
        // OCPP 1.6: a tag already charging elsewhere is ConcurrentTx
        if (verdict.accepted() && activeForTag(idTag)) {
            verdict = new IdTags.Verdict(
                    "ConcurrentTx", verdict.expiryDate(), verdict.parentIdTag(), verdict.accountId());
        }
        ChargingTransaction transaction = new ChargingTransaction(
                chargerId, connectorId, idTag, meterStart, at, start.reservationId(), verdict.accountId());
        if (decision.roaming() != null) {
            transaction.roaming(
                    decision.roaming().tokenId(),
                    decision.roaming().authMethod(),
                    decision.roaming().authorizationReference());
        }
        em.persist(transaction);
        em.flush();
        if (verdict.accountId() != null || (transaction.ocpiTokenId() != null && verdict.accepted())) {
            events.fire(new TransactionEvent.Started(
                    transaction.id(), chargerId, connectorId, idTag, verdict.accountId(), transaction.ocpiTokenId()));
        }
        return new Started(transaction.id(), verdict);
    }

    /**
     * A connector has one session at a time: one still open where a new one starts lost its
     * StopTransaction. It is closed now (reason Other), at the new start, with the new start's meter
     * reading as its end when that is not below its own start; so that one lost message does not
     * leave a tag "charging" forever.
     */
    private void closeAbandoned(String chargerId, int connectorId, int meterStart, Instant at) {
        em.createNamedQuery(ChargingTransaction.ACTIVE_ON_CONNECTOR, ChargingTransaction.class)
                .setParameter("charger", chargerId)
                .setParameter("connector", connectorId)
                .getResultList()
                .forEach(old -> {
                    int meterStop = Math.max(old.meterStart(), meterStart);
                    old.stop(meterStop, at.isBefore(old.startTime()) ? old.startTime() : at, "Other", null);
                    audit.record(new AuditEvent(
                            AuditEvent.ActorType.CHARGER,
                            chargerId,
                            "ocpp.transaction.abandoned",
                            Integer.toString(old.id()),
                            AuditEvent.Outcome.SUCCESS,
                            null,
                            "a new transaction started on connector " + connectorId + " while it was open"));
                    stopped(old, meterStop, old.stopTime());
                });
    }

    /**
     * An operator closes a transaction that stays open although the charger will never stop it (its
     * StopTransaction was lost, the charger was replaced): ended now, reason Other, with the last
     * energy register reading as its end (or its start, when there is none).
     */
    public ChargingTransaction close(int transactionId, String actor, String clientAddress) {
        ChargingTransaction transaction = find(transactionId)
                .orElseThrow(() ->
                        new Refusal(Refusal.Kind.NOT_FOUND, "unknown-transaction", "No transaction " + transactionId));
        if (!transaction.active()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "transaction-closed", "The transaction has ended");
        }
        Integer register = EnergyRegister.latestWh(
                meterValues(transactionId).stream().map(MeterReading::sample).toList());
        int meterStop = register == null ? transaction.meterStart() : Math.max(transaction.meterStart(), register);
        Instant now = Instant.now();
        transaction.stop(meterStop, now, "Other", null);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "transaction.close",
                Integer.toString(transactionId),
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                "closed by an operator; meterStop " + meterStop));
        stopped(transaction, meterStop, now);
        return transaction;
    }

    private void stopped(ChargingTransaction transaction, int meterStop, Instant at) {
        if (transaction.accountId() != null || transaction.ocpiTokenId() != null) {
            events.fire(new TransactionEvent.Stopped(
                    transaction.id(),
                    transaction.accountId(),
                    meterStop,
                    transaction.energyWh(),
                    at,
                    transaction.stopReason(),
                    transaction.ocpiTokenId()));
        }
    }

    /** A StopTransaction, with the meter values that came with it. */
    public record Stop(
            String chargerId,
            int transactionId,
            int meterStop,
            Instant at,
            String reason,
            String idTag,
            List<MeterReading.Sample> transactionData) {}

    /** Several StopTransactions in one database transaction, in order (see {@link TransactionWriter}). */
    public void stopAll(List<Stop> stops) {
        stops.forEach(this::stop);
    }

    /**
     * OCPP 1.6 StopTransaction, with the meter values that came with it. A stop for a transaction we
     * do not know is acknowledged and recorded in the audit trail: refusing it would only make the
     * charger retry forever.
     */
    private void stop(Stop stop) {
        String chargerId = stop.chargerId();
        int transactionId = stop.transactionId();
        int meterStop = stop.meterStop();
        Instant at = stop.at();
        String reason = stop.reason();
        ChargingTransaction transaction = em.find(ChargingTransaction.class, transactionId);
        if (transaction == null || !transaction.chargerId().equals(chargerId)) {
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.CHARGER,
                    chargerId,
                    "ocpp.stop-unknown-transaction",
                    Integer.toString(transactionId),
                    AuditEvent.Outcome.FAILURE,
                    null,
                    "meterStop=" + meterStop + " timestamp=" + at + " reason=" + reason));
            return;
        }
        boolean wasActive = transaction.active();
        transaction.stop(meterStop, at, reason, stop.idTag());
        if (!stop.transactionData().isEmpty()) {
            recordAll(
                    List.of(new Metering(chargerId, transaction.connectorId(), transactionId, stop.transactionData())));
        }
        if (wasActive) {
            stopped(transaction, meterStop, at);
        }
    }

    /** One MeterValues message: its charger, connector, transaction (null when none) and samples. */
    public record Metering(
            String chargerId, int connectorId, Integer transactionId, List<MeterReading.Sample> samples) {}

    /**
     * Several MeterValues messages in one database transaction (see {@link MeterValueWriter}): the
     * transactions they name are looked up in one query. A transaction id we do not know, or one of
     * another charger (a charger touches only its own data), is stored as none.
     */
    public void recordAll(List<Metering> batch) {
        Set<Integer> named = new HashSet<>();
        batch.forEach(m -> {
            if (m.transactionId() != null) {
                named.add(m.transactionId());
            }
        });
        Map<Integer, Long> accounts = new HashMap<>();
        Map<Integer, Long> roaming = new HashMap<>();
        Map<Integer, String> chargers = new HashMap<>();
        if (!named.isEmpty()) {
            // an array, not an IN list: one statement text for any batch size, planned once
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select id, account_id, charger_id, ocpi_token_id from charging_transaction where id = any(?1)")
                    .setParameter(1, named.toArray(Integer[]::new))
                    .getResultList();
            rows.forEach(row -> {
                Integer id = ((Number) row[0]).intValue();
                accounts.put(id, row[1] == null ? null : ((Number) row[1]).longValue());
                chargers.put(id, (String) row[2]);
                roaming.put(id, row[3] == null ? null : ((Number) row[3]).longValue());
            });
        }
        for (Metering m : batch) {
            boolean known = m.transactionId() != null && m.chargerId().equals(chargers.get(m.transactionId()));
            for (MeterReading.Sample sample : m.samples()) {
                em.persist(new MeterReading(m.chargerId(), m.connectorId(), known ? m.transactionId() : null, sample));
            }
            if (known
                    && (accounts.get(m.transactionId()) != null || roaming.get(m.transactionId()) != null)
                    && !m.samples().isEmpty()) {
                events.fire(new TransactionEvent.Metered(
                        m.transactionId(),
                        accounts.get(m.transactionId()),
                        List.copyOf(m.samples()),
                        roaming.get(m.transactionId())));
            }
        }
    }

    /** A charger's transactions, newest first. */
    public List<ChargingTransaction> ofCharger(String chargerId, int offset, int limit) {
        return em.createQuery(
                        "select t from ChargingTransaction t where t.chargerId = :charger order by t.startTime desc",
                        ChargingTransaction.class)
                .setParameter("charger", chargerId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long countOfCharger(String chargerId) {
        return em.createQuery("select count(t) from ChargingTransaction t where t.chargerId = :charger", Long.class)
                .setParameter("charger", chargerId)
                .getSingleResult();
    }

    /** The sessions started on one UTC day, and the energy of those that ended (Wh). */
    public record Day(LocalDate day, long sessions, long energyWh) {}

    /** The last {@code days} UTC days, today included, oldest first; a day without sessions is there with zeros. */
    public List<Day> perDay(int days) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Day> found = new HashMap<>();
        List<?> rows = em.createNativeQuery("""
                select cast(start_time at time zone 'UTC' as date), count(*),
                       coalesce(sum(meter_stop - meter_start) filter (where meter_stop >= meter_start), 0)
                from charging_transaction where start_time >= ?1 group by 1""")
                .setParameter(1, first.atStartOfDay(ZoneOffset.UTC).toInstant())
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
            found.put(day, new Day(day, ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        List<Day> result = new ArrayList<>(days);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            result.add(found.getOrDefault(day, new Day(day, 0, 0)));
        }
        return result;
    }

    /** An account's sessions, newest first. */
    public List<ChargingTransaction> ofAccount(long accountId, int offset, int limit) {
        return em.createQuery(
                        "select t from ChargingTransaction t where t.accountId = :account order by t.startTime desc, t.id desc",
                        ChargingTransaction.class)
                .setParameter("account", accountId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long countOfAccount(long accountId) {
        return em.createQuery("select count(t) from ChargingTransaction t where t.accountId = :account", Long.class)
                .setParameter("account", accountId)
                .getSingleResult();
    }

    /** At most this many of a session's meter values are read at once: the latest ones. */
    static final int MAX_METER_VALUES = 10_000;

    /** The meter values recorded for a transaction, in the order they were sampled (the latest {@value #MAX_METER_VALUES}). */
    public List<MeterReading> meterValues(int transactionId) {
        List<MeterReading> latest = new ArrayList<>(em.createQuery(
                        "select m from MeterReading m where m.transactionId = :tx order by m.sampledAt desc, m.id desc",
                        MeterReading.class)
                .setParameter("tx", transactionId)
                .setMaxResults(MAX_METER_VALUES)
                .getResultList());
        Collections.reverse(latest);
        return latest;
    }

    /**
     * Whether the tag is charging somewhere right now: an open transaction younger than
     * {@code csms.charging.open-transaction-limit} (a lost or forged stop does not lock a tag out
     * forever; an operator can close the stale one).
     */
    public boolean activeForTag(String idTag) {
        return !em.createNamedQuery(ChargingTransaction.ACTIVE_FOR_TAG, Integer.class)
                .setParameter("idTag", idTag)
                .setParameter("since", Instant.now().minus(openLimit))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public Optional<ChargingTransaction> find(int transactionId) {
        return Optional.ofNullable(em.find(ChargingTransaction.class, transactionId));
    }

    public Optional<ChargingTransaction> activeOn(String chargerId, int connectorId) {
        return em.createNamedQuery(ChargingTransaction.ACTIVE_ON_CONNECTOR, ChargingTransaction.class)
                .setParameter("charger", chargerId)
                .setParameter("connector", connectorId)
                .getResultStream()
                .findFirst();
    }
}
