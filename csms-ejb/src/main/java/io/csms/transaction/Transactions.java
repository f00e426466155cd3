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
import java.time.temporal.ChronoUnit;
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
    IdTags idTags;

    @Inject
    Event<TransactionEvent> events;

    /** How long an open transaction counts as charging for its tag (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "csms.charging.open-transaction-limit", defaultValue = "PT24H")
    Duration openLimit;

    /**
     * The transaction id to answer with, and the verdict on the id tag; or, for a start handed in
     * without a decision whose tag is not registered here, {@link #undecided()}.
     */
    public record Started(int transactionId, IdTags.Verdict verdict) {

        private static final Started UNDECIDED = new Started(0, null);

        /** Not stored: its tag is not one of ours, so the decision must be reached first (it may ask a partner). */
        public static Started undecided() {
            return UNDECIDED;
        }

        public boolean decided() {
            return verdict != null;
        }
    }

    /**
     * A StartTransaction, with the verdict on its tag reached before; or, when {@code decision} is
     * null, to be decided here if its tag is registered here (see {@link Started#undecided()}).
     */
    public record Start(
            String chargerId,
            int connectorId,
            String idTag,
            int meterStart,
            Instant at,
            Integer reservationId,
            Authorizations.Decision decision) {}

    /**
     * Several StartTransactions in one database transaction, in order (see {@link TransactionWriter}).
     * What each needs to know (a retry of a stored start, a transaction left open on its connector, its
     * tag charging elsewhere, the tag itself) is read for the whole batch by a few queries.
     */
    public List<Started> startAll(List<Start> starts) {
        Set<String> undecidedTags = new HashSet<>();
        starts.forEach(start -> {
            if (start.decision() == null) {
                undecidedTags.add(start.idTag());
            }
        });
        Map<String, IdTags.Verdict> registered = idTags.registeredAll(undecidedTags);
        StartBatch batch = new StartBatch(starts);
        List<Started> started = new ArrayList<>(starts.size());
        for (Start start : starts) {
            if (start.decision() == null && !registered.containsKey(start.idTag())) {
                started.add(Started.undecided());
            } else {
                Authorizations.Decision decision = start.decision() != null
                        ? start.decision()
                        : new Authorizations.Decision(registered.get(start.idTag()), null);
                started.add(start(start, decision, batch));
            }
        }
        return started;
    }

    /**
     * The stored transactions a batch of starts must know about: those that may be retried (same
     * charger and start time) and those open on its chargers or for its tags; kept up to date as the
     * batch's starts are stored, so that two starts in one batch see each other.
     */
    private final class StartBatch {

        final List<ChargingTransaction> retries = new ArrayList<>();
        final List<ChargingTransaction> open = new ArrayList<>();

        @SuppressWarnings("unchecked")
        StartBatch(List<Start> starts) {
            // arrays, not IN lists: one statement text for any batch size, planned once
            retries.addAll(em.createNativeQuery("""
                            select t.* from charging_transaction t
                            join unnest(?1, ?2, ?3, ?4, cast(?5 as text[])::timestamptz[])
                              as k(charger_id, connector_id, id_tag, meter_start, start_time)
                              on t.charger_id = k.charger_id and t.connector_id = k.connector_id
                              and t.id_tag = k.id_tag and t.meter_start = k.meter_start
                              and t.start_time = k.start_time""", ChargingTransaction.class)
                    .setParameter(1, starts.stream().map(Start::chargerId).toArray(String[]::new))
                    .setParameter(2, starts.stream().map(Start::connectorId).toArray(Integer[]::new))
                    .setParameter(3, starts.stream().map(Start::idTag).toArray(String[]::new))
                    .setParameter(4, starts.stream().map(Start::meterStart).toArray(Integer[]::new))
                    .setParameter(
                            5,
                            starts.stream()
                                    .map(start -> micros(start.at()).toString())
                                    .toArray(String[]::new))
                    .getResultList());
            open.addAll(em.createNativeQuery("""
                            select * from charging_transaction
                            where stop_time is null and (charger_id = any(?1) or id_tag = any(?2))""", ChargingTransaction.class)
                    .setParameter(
                            1, starts.stream().map(Start::chargerId).distinct().toArray(String[]::new))
                    .setParameter(
                            2, starts.stream().map(Start::idTag).distinct().toArray(String[]::new))
                    .getResultList());
        }

        Optional<ChargingTransaction> retried(Start start) {
            Instant at = micros(start.at());
            return retries.stream()
                    .filter(t -> t.chargerId().equals(start.chargerId())
                            && t.connectorId() == start.connectorId()
                            && t.idTag().equals(start.idTag())
                            && t.meterStart() == start.meterStart()
                            && micros(t.startTime()).equals(at))
                    .findFirst();
        }

        List<ChargingTransaction> openOn(String chargerId, int connectorId) {
            return open.stream()
                    .filter(t -> t.active() && t.chargerId().equals(chargerId) && t.connectorId() == connectorId)
                    .toList();
        }

        /**
         * OCPP 1.6: a tag already charging elsewhere (within the open-transaction limit) is ConcurrentTx;
         * the rule of {@link #activeForTag}, applied to the batch's open transactions in memory.
         */
        boolean charging(String idTag) {
            Instant since = Instant.now().minus(openLimit);
            return open.stream()
                    .anyMatch(t -> t.active()
                            && t.idTag().equals(idTag)
                            && t.startTime().isAfter(since));
        }

        void stored(ChargingTransaction transaction) {
            retries.add(transaction);
            open.add(transaction);
        }
    }

    /** A time as the database keeps it: to the microsecond, rounded as the JDBC driver rounds. */
    private static Instant micros(Instant at) {
        return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * OCPP 1.6 StartTransaction. The charger has started already, so the transaction is stored
     * whatever the verdict; the verdict tells it whether to go on. A retry of the same start (same
     * charger, connector, tag, meter and time: the reply was lost) gets the same id. The verdict on the
     * tag was reached before ({@link Authorizations}: it may have asked a partner).
     */
    private Started start(Start start, Authorizations.Decision decision, StartBatch batch) {
        String chargerId = start.chargerId();
        int connectorId = start.connectorId();
        String idTag = start.idTag();
        IdTags.Verdict verdict = decision.verdict();
        Optional<ChargingTransaction> retried = batch.retried(start);
        if (retried.isPresent()) {
            return new Started(retried.get().id(), verdict);
        }
        batch.openOn(chargerId, connectorId).forEach(old -> closeAbandoned(old, start.meterStart(), start.at()));
        if (verdict.accepted() && batch.charging(idTag)) {
            verdict = new IdTags.Verdict(
                    "ConcurrentTx", verdict.expiryDate(), verdict.parentIdTag(), verdict.accountId());
        }
        ChargingTransaction transaction = new ChargingTransaction(
                chargerId,
                connectorId,
                idTag,
                start.meterStart(),
                start.at(),
                start.reservationId(),
                verdict.accountId());
        if (decision.roaming() != null) {
            transaction.roaming(
                    decision.roaming().tokenId(),
                    decision.roaming().authMethod(),
                    decision.roaming().authorizationReference());
        }
        em.persist(transaction);
        batch.stored(transaction);
        if (verdict.accountId() != null || (transaction.ocpiTokenId() != null && verdict.accepted())) {
            em.flush(); // the observers write rows that refer to it
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
    private void closeAbandoned(ChargingTransaction old, int meterStart, Instant at) {
        int meterStop = Math.max(old.meterStart(), meterStart);
        old.stop(meterStop, at.isBefore(old.startTime()) ? old.startTime() : at, "Other", null);
        audit.record(new AuditEvent(
                AuditEvent.ActorType.CHARGER,
                old.chargerId(),
                "ocpp.transaction.abandoned",
                Integer.toString(old.id()),
                AuditEvent.Outcome.SUCCESS,
                null,
                "a new transaction started on connector " + old.connectorId() + " while it was open"));
        stopped(old, meterStop, old.stopTime());
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

    /**
     * Several StopTransactions in one database transaction, in order (see {@link TransactionWriter}):
     * their transactions and tags read by one query each. Each stop's result is the verdict on the tag
     * it named (null when it named none), for its answer.
     */
    public List<IdTags.Verdict> stopAll(List<Stop> stops) {
        em.createNativeQuery("select * from charging_transaction where id = any(?1)", ChargingTransaction.class)
                .setParameter(
                        1, stops.stream().map(Stop::transactionId).distinct().toArray(Integer[]::new))
                .getResultList(); // now in the persistence context, where each stop finds its own
        Set<String> tags = new HashSet<>();
        stops.forEach(stop -> {
            if (stop.idTag() != null) {
                tags.add(stop.idTag());
            }
        });
        Map<String, IdTags.Verdict> registered = idTags.registeredAll(tags);
        List<IdTags.Verdict> verdicts = new ArrayList<>(stops.size());
        for (Stop stop : stops) {
            stop(stop);
            String idTag = stop.idTag();
            verdicts.add(
                    idTag == null
                            ? null
                            : registered.containsKey(idTag) ? registered.get(idTag) : idTags.verdict(idTag));
        }
        return verdicts;
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
