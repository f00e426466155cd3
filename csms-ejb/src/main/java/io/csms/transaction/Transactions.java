package io.csms.transaction;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.authorization.Authorizations;
import io.csms.authorization.IdTags;
import io.csms.platform.ArrayInsert;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

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

    /** What a batch of starts reads of a stored transaction. */
    private record Known(
            int id, String chargerId, int connectorId, String idTag, int meterStart, Instant startTime, boolean open) {

        static Known of(ResultSet row) throws SQLException {
            return new Known(
                    row.getInt(1),
                    row.getString(2),
                    row.getInt(3),
                    row.getString(4),
                    row.getInt(5),
                    row.getObject(6, OffsetDateTime.class).toInstant(),
                    row.getBoolean(7));
        }

        static Known of(ChargingTransaction stored) {
            return new Known(
                    stored.id(),
                    stored.chargerId(),
                    stored.connectorId(),
                    stored.idTag(),
                    stored.meterStart(),
                    stored.startTime(),
                    stored.active());
        }
    }

    /** The columns {@link Known#of(ResultSet)} reads. */
    private static final String KNOWN =
            "t.id, t.charger_id, t.connector_id, t.id_tag, t.meter_start, t.start_time, t.stop_time is null";

    /**
     * The stored transactions a batch of starts must know about: those that may be retried (same
     * charger and start time) and those open on its chargers or for its tags, read by two queries on
     * the transaction's connection; kept up to date as the batch's starts are stored, so that two
     * starts in one batch see each other. Only a transaction the batch closes is loaded as an entity.
     */
    private final class StartBatch {

        final List<Known> retries = new ArrayList<>();
        final List<Known> open = new ArrayList<>();
        final Set<Integer> closed = new HashSet<>();

        StartBatch(List<Start> starts) {
            em.unwrap(Session.class).doWork(connection -> {
                // arrays, not IN lists: one statement text for any batch size, planned once
                try (PreparedStatement select = connection.prepareStatement("select " + KNOWN + """
                         from charging_transaction t
                        join unnest(?, ?, ?, ?, cast(? as text[])::timestamptz[])
                          as k(charger_id, connector_id, id_tag, meter_start, start_time)
                          on t.charger_id = k.charger_id and t.connector_id = k.connector_id
                          and t.id_tag = k.id_tag and t.meter_start = k.meter_start
                          and t.start_time = k.start_time""")) {
                    select.setArray(1, texts(connection, starts.stream().map(Start::chargerId)));
                    select.setArray(
                            2,
                            connection.createArrayOf(
                                    "int4",
                                    starts.stream().map(Start::connectorId).toArray()));
                    select.setArray(3, texts(connection, starts.stream().map(Start::idTag)));
                    select.setArray(
                            4,
                            connection.createArrayOf(
                                    "int4",
                                    starts.stream().map(Start::meterStart).toArray()));
                    select.setArray(
                            5,
                            texts(
                                    connection,
                                    starts.stream()
                                            .map(start -> micros(start.at()).toString())));
                    read(select, retries);
                }
                try (PreparedStatement select = connection.prepareStatement("select " + KNOWN
                        + " from charging_transaction t where t.stop_time is null"
                        + " and (t.charger_id = any(?) or t.id_tag = any(?))")) {
                    select.setArray(
                            1,
                            texts(
                                    connection,
                                    starts.stream().map(Start::chargerId).distinct()));
                    select.setArray(
                            2,
                            texts(connection, starts.stream().map(Start::idTag).distinct()));
                    read(select, open);
                }
            });
        }

        private static java.sql.Array texts(Connection connection, Stream<String> values) throws SQLException {
            return connection.createArrayOf("varchar", values.toArray(String[]::new));
        }

        private static void read(PreparedStatement select, List<Known> into) throws SQLException {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    into.add(Known.of(rows));
                }
            }
        }

        Optional<Known> retried(Start start) {
            Instant at = micros(start.at());
            return retries.stream()
                    .filter(t -> t.chargerId().equals(start.chargerId())
                            && t.connectorId() == start.connectorId()
                            && t.idTag().equals(start.idTag())
                            && t.meterStart() == start.meterStart()
                            && micros(t.startTime()).equals(at))
                    .findFirst();
        }

        List<Known> openOn(String chargerId, int connectorId) {
            return open.stream()
                    .filter(t -> t.open()
                            && !closed.contains(t.id())
                            && t.chargerId().equals(chargerId)
                            && t.connectorId() == connectorId)
                    .toList();
        }

        /**
         * OCPP 1.6: a tag already charging elsewhere (within the open-transaction limit) is ConcurrentTx;
         * the rule of {@link #activeForTag}, applied to the batch's open transactions in memory.
         */
        boolean charging(String idTag) {
            Instant since = Instant.now().minus(openLimit);
            return open.stream()
                    .anyMatch(t -> t.open()
                            && !closed.contains(t.id())
                            && t.idTag().equals(idTag)
                            && t.startTime().isAfter(since));
        }

        /** Closes a transaction left open where a new one starts (see {@link #closeAbandoned}). */
        void close(Known abandoned, Start start) {
            closed.add(abandoned.id());
            closeAbandoned(em.find(ChargingTransaction.class, abandoned.id()), start.meterStart(), start.at());
        }

        void stored(ChargingTransaction transaction) {
            Known known = Known.of(transaction);
            retries.add(known);
            open.add(known);
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
        Optional<Known> retried = batch.retried(start);
        if (retried.isPresent()) {
            return new Started(retried.get().id(), verdict);
        }
        batch.openOn(chargerId, connectorId).forEach(old -> batch.close(old, start));
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
        // the values that came with the stops first, in one statement: a session's end (its CDR) is built from them
        List<Metering> transactionData = new ArrayList<>();
        for (Stop stop : stops) {
            ChargingTransaction transaction = transactionOf(stop);
            if (transaction != null && !stop.transactionData().isEmpty()) {
                transactionData.add(new Metering(
                        stop.chargerId(), transaction.connectorId(), stop.transactionId(), stop.transactionData()));
            }
        }
        recordAll(transactionData);
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
     * OCPP 1.6 StopTransaction (the meter values that came with it are stored before: see {@link
     * #stopAll}). A stop for a transaction we do not know is acknowledged and recorded in the audit
     * trail: refusing it would only make the charger retry forever.
     */
    private void stop(Stop stop) {
        String chargerId = stop.chargerId();
        int transactionId = stop.transactionId();
        int meterStop = stop.meterStop();
        Instant at = stop.at();
        String reason = stop.reason();
        ChargingTransaction transaction = transactionOf(stop);
        if (transaction == null) {
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
        if (wasActive) {
            stopped(transaction, meterStop, at);
        }
    }

    /** The transaction a stop names, when it is one of its charger's (a charger touches only its own data); else null. */
    private ChargingTransaction transactionOf(Stop stop) {
        ChargingTransaction transaction = em.find(ChargingTransaction.class, stop.transactionId());
        return transaction != null && transaction.chargerId().equals(stop.chargerId()) ? transaction : null;
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
        if (batch.isEmpty()) {
            return;
        }
        Map<Integer, Named> transactions = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            transactions.putAll(named(connection, batch));
            readings(batch, transactions).execute(connection);
        });
        for (Metering m : batch) {
            Named transaction = known(m, transactions);
            if (transaction != null
                    && (transaction.accountId() != null || transaction.ocpiTokenId() != null)
                    && !m.samples().isEmpty()) {
                events.fire(new TransactionEvent.Metered(
                        m.transactionId(),
                        transaction.accountId(),
                        List.copyOf(m.samples()),
                        transaction.ocpiTokenId()));
            }
        }
    }

    /** What a batch of meter values needs to know of a transaction it names. */
    private record Named(String chargerId, Long accountId, Long ocpiTokenId) {}

    /** The transactions the batch names, by id: one query (an array, not an IN list: one statement text, planned once). */
    private static Map<Integer, Named> named(Connection connection, List<Metering> batch) throws SQLException {
        Integer[] ids = batch.stream()
                .map(Metering::transactionId)
                .filter(Objects::nonNull)
                .distinct()
                .toArray(Integer[]::new);
        Map<Integer, Named> found = new HashMap<>();
        if (ids.length == 0) {
            return found;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select id, charger_id, account_id, ocpi_token_id from charging_transaction where id = any(?)")) {
            select.setArray(1, connection.createArrayOf("int4", ids));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(
                            rows.getInt(1),
                            new Named(rows.getString(2), rows.getObject(3, Long.class), rows.getObject(4, Long.class)));
                }
            }
        }
        return found;
    }

    /** The transaction a message names, when it is one we know of its own charger (a charger touches only its own data). */
    private static Named known(Metering m, Map<Integer, Named> transactions) {
        Named transaction = m.transactionId() == null ? null : transactions.get(m.transactionId());
        return transaction != null && transaction.chargerId().equals(m.chargerId()) ? transaction : null;
    }

    /** The batch's sampled values as rows of {@code meter_value}: one statement for all of them. */
    private static ArrayInsert readings(List<Metering> batch, Map<Integer, Named> transactions) {
        int samples = batch.stream().mapToInt(m -> m.samples().size()).sum();
        String[] chargerIds = new String[samples];
        Integer[] connectorIds = new Integer[samples];
        Integer[] transactionIds = new Integer[samples];
        Instant[] sampledAt = new Instant[samples];
        String[] values = new String[samples];
        String[] contexts = new String[samples];
        String[] formats = new String[samples];
        String[] measurands = new String[samples];
        String[] phases = new String[samples];
        String[] locations = new String[samples];
        String[] units = new String[samples];
        int i = 0;
        for (Metering m : batch) {
            Integer transactionId = known(m, transactions) == null ? null : m.transactionId();
            for (MeterReading.Sample sample : m.samples()) {
                chargerIds[i] = m.chargerId();
                connectorIds[i] = m.connectorId();
                transactionIds[i] = transactionId;
                sampledAt[i] = sample.at();
                values[i] = sample.value();
                contexts[i] = sample.context();
                formats[i] = sample.format();
                measurands[i] = sample.measurand();
                phases[i] = sample.phase();
                locations[i] = sample.location();
                units[i] = sample.unit();
                i++;
            }
        }
        return ArrayInsert.into("meter_value")
                .text("charger_id", chargerIds)
                .integer("connector_id", connectorIds)
                .integer("transaction_id", transactionIds)
                .timestamp("sampled_at", sampledAt)
                .text("value", values)
                .text("context", contexts)
                .text("format", formats)
                .text("measurand", measurands)
                .text("phase", phases)
                .text("location", locations)
                .text("unit", units);
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
