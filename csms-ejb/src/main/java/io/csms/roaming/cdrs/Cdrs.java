package io.csms.roaming.cdrs;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.location.LocationData;
import io.csms.location.LocationJson;
import io.csms.roaming.outbox.Outbox;
import io.csms.roaming.sessions.RoamingSessions;
import io.csms.roaming.sessions.SessionData;
import io.csms.tariff.Pricing;
import io.csms.tariff.TariffData;
import io.csms.transaction.ChargingTransaction;
import io.csms.transaction.EnergyRegister;
import io.csms.transaction.MeterReading;
import io.csms.transaction.Transactions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CDRs of partners' drivers' sessions. At the stop a session's CDR is made once and frozen; the
 * business rules are checked before anything is sent, and a CDR that breaks one is HELD (audited)
 * for an operator instead of being sent or dropped:
 *
 * <ul>
 *   <li>the stop is not before the start, and the meter stop not below the meter start;
 *   <li>the energy is not more than the connector could deliver in the time (its {@code
 *       max_electric_power}, or voltage × amperage × phases, with 10 % to spare);
 *   <li>no energy register reading of the session is above the stop reading, and the energy the meter
 *       values add up to is the meter stop less the meter start (the stored meter values agree);
 *   <li>the CDR bills no less energy and no lower cost than the last session update the partner was
 *       given (reconciliation);
 *   <li>one CDR per transaction (a second stop makes none).
 * </ul>
 *
 * A session's CDR describes and prices it as its location and tariff were at its start.
 *
 * A DUE CDR is owed to the partner through the outbox; it is POSTed with the same id on every retry.
 */
@Stateless
public class Cdrs {

    public enum State {
        DUE,
        HELD,
        SENT,
        VOID,
        /** Sent, then found wrong: a credit CDR and a new CDR follow it. */
        CREDITED
    }

    /** A stored CDR: whose, in what state (and why held), the CDR itself and where the partner keeps it. */
    public record Stored(
            String id,
            long partnerId,
            int transactionId,
            State state,
            String holdReason,
            CdrData cdr,
            String locationUrl) {}

    /** A page of a partner's CDRs and how many there are in all. */
    public record Page(List<CdrData> cdrs, long total) {}

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    RoamingSessions sessions;

    @Inject
    Transactions transactions;

    @Inject
    Outbox outbox;

    @Inject
    io.csms.location.Locations locations;

    @Inject
    AuditTrail audit;

    /** The session of {@code transactionId} stopped: its CDR, unless it has one or is no partner's. */
    public Optional<Stored> stopped(int transactionId) {
        boolean exists = !em.createNativeQuery(
                        "select 1 from ocpi_cdr where transaction_id = ?1 and not credit and state <> 'CREDITED'")
                .setParameter(1, transactionId)
                .getResultList()
                .isEmpty();
        if (exists) {
            return Optional.empty();
        }
        Optional<Stored> made = make(transactionId, Integer.toString(transactionId), false);
        if (made.isEmpty()
                && sessions.reported(transactionId).isPresent()
                && sessions.find(transactionId).isEmpty()) {
            // a partner's session (it was pushed) that can no longer be described: one started before
            // sessions kept their location, whose connector is described no more; an operator must know
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.SYSTEM,
                    "cdrs",
                    "ocpi.cdr.unmade",
                    "transaction:" + transactionId,
                    AuditEvent.Outcome.FAILURE,
                    null,
                    "the session's connector is no longer described by a location"));
        }
        return made;
    }

    /**
     * The CDR of a stopped session, under {@code id}: checked, stored, owed to the partner unless held.
     * A first CDR describes and prices the session as its start did, and is reconciled with what the
     * partner was last told; a credited CDR's replacement ({@code asNow}) uses the data as they are now.
     */
    private Optional<Stored> make(int transactionId, String id, boolean asNow) {
        Optional<SessionData> session = asNow ? sessions.findAsNow(transactionId) : sessions.find(transactionId);
        Optional<ChargingTransaction> transaction = transactions.find(transactionId);
        if (session.isEmpty()
                || transaction.isEmpty()
                || transaction.get().stopTime() == null
                || !allowedCdrs(session.get().partnerId())) {
            return Optional.empty();
        }
        SessionData s = session.get();
        List<MeterReading> readings = transactions.meterValues(transactionId);
        CdrData cdr = of(s, id, signed(readings), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String problem =
                broken(transaction.get(), s.kwh(), s.evse().connectors().get(0), readings);
        if (problem == null && !asNow) {
            problem = unreconciled(
                    cdr.totalEnergy(), cdr.totalCost().exclVat(), cdr.currency(), sessions.reported(transactionId));
        }
        State state = problem == null ? State.DUE : State.HELD;
        insert(cdr, s.partnerId(), transactionId, state, problem);
        if (problem != null) {
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.SYSTEM,
                    "cdrs",
                    "ocpi.cdr.held",
                    "cdr:" + cdr.id(),
                    AuditEvent.Outcome.FAILURE,
                    null,
                    problem));
        }
        return Optional.of(new Stored(cdr.id(), s.partnerId(), transactionId, state, problem, cdr, null));
    }

    /**
     * Where the CDR disagrees with the last session update the partner was given, or null: it may
     * not bill less energy or a lower cost than the partner's driver was last shown (the session only
     * grows), so a CDR below either is held.
     */
    static String unreconciled(
            BigDecimal kwh, BigDecimal cost, String currency, Optional<RoamingSessions.Reported> reported) {
        if (reported.isEmpty()) {
            return null;
        }
        RoamingSessions.Reported last = reported.get();
        if (last.kwh() != null && kwh.compareTo(last.kwh()) < 0) {
            return "the CDR's " + kwh.toPlainString() + " kWh is less than the "
                    + last.kwh().stripTrailingZeros().toPlainString() + " kWh of the last session update";
        }
        if (last.cost() != null && cost.compareTo(last.cost()) < 0) {
            return "the CDR's cost " + cost.toPlainString() + " " + currency + " is less than the "
                    + last.cost().stripTrailingZeros().toPlainString() + " of the last session update";
        }
        return null;
    }

    private void insert(CdrData cdr, long partnerId, int transactionId, State state, String problem) {
        em.createNativeQuery("""
                insert into ocpi_cdr (id, partner_id, transaction_id, credit, state, hold_reason, body, last_updated)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8)""")
                .setParameter(1, cdr.id())
                .setParameter(2, partnerId)
                .setParameter(3, transactionId)
                .setParameter(4, Boolean.TRUE.equals(cdr.credit()))
                .setParameter(5, state.name())
                .setParameter(6, problem)
                .setParameter(7, LocationJson.write(cdr))
                .setParameter(8, Timestamp.from(cdr.lastUpdated()))
                .executeUpdate();
        if (state == State.DUE) {
            outbox.enqueue(List.of(partnerId), Outbox.ObjectType.CDR, cdr.id(), true, null);
        }
    }

    /** A credit CDR and the new CDR that follow a credited one. */
    public record Credited(Stored credit, Stored replacement) {}

    /**
     * A sent CDR was wrong (the operator corrected the tariff, the location or the transaction): it is
     * credited the OCPI way, by a credit CDR ({@code <id>-C}: its data, {@code total_cost} negative)
     * and a new CDR made from the data as they are now ({@code <transaction>-<n>}), which is checked
     * like any other. Both are owed to the partner; the original is CREDITED.
     */
    public Credited credit(String id, String actor, String clientAddress) {
        Stored original = find(id).orElseThrow(() ->
                new io.csms.platform.Refusal(io.csms.platform.Refusal.Kind.NOT_FOUND, "unknown-cdr", "No CDR " + id));
        if (original.state() != State.SENT || Boolean.TRUE.equals(original.cdr().credit())) {
            throw new io.csms.platform.Refusal(
                    io.csms.platform.Refusal.Kind.CONFLICT,
                    "cdr-not-sent",
                    "Only a sent CDR that is no credit CDR is credited; " + id + " is " + original.state());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CdrData credit = original.cdr().credit(id + "-C", now);
        em.createNativeQuery("update ocpi_cdr set state = 'CREDITED' where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        insert(credit, original.partnerId(), original.transactionId(), State.DUE, null);
        long made = ((Number)
                        em.createNativeQuery("select count(*) from ocpi_cdr where transaction_id = ?1 and not credit")
                                .setParameter(1, original.transactionId())
                                .getSingleResult())
                .longValue();
        Stored replacement = make(original.transactionId(), original.transactionId() + "-" + (made + 1), true)
                .orElseThrow(() -> new io.csms.platform.Refusal(
                        io.csms.platform.Refusal.Kind.CONFLICT,
                        "cdr-not-remade",
                        "The session can no longer be made a CDR (its location, token or partner is gone)"));
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "ocpi.cdr.credit",
                "cdr:" + id,
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                "credit " + credit.id() + ", new " + replacement.id() + " (" + replacement.state() + ")"));
        return new Credited(
                new Stored(credit.id(), original.partnerId(), original.transactionId(), State.DUE, null, credit, null),
                replacement);
    }

    /**
     * The whole location a CDR took place at (OCPI 2.1.1 CDRs carry it): as its session kept it from
     * its start, or, for a session from before sessions kept it, as the location is now.
     */
    public Optional<LocationData> location(CdrData cdr) {
        Optional<LocationData> kept = cdr.sessionId().matches("\\d{1,9}")
                ? sessions.locationAtStart(Integer.parseInt(cdr.sessionId()))
                : Optional.empty();
        return kept.or(() -> locations.find(cdr.cdrLocation().id()));
    }

    private boolean allowedCdrs(long partnerId) {
        return !em.createNativeQuery("""
                        select 1 from ocpi_partner where id = ?1 and status = 'REGISTERED'
                          and (',' || allowed_modules || ',') like '%,cdrs,%'""")
                .setParameter(1, partnerId)
                .getResultList()
                .isEmpty();
    }

    public Optional<Stored> find(String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, partner_id, transaction_id, state, hold_reason, body::text, location_url
                        from ocpi_cdr where id = ?1""").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(Cdrs::stored);
    }

    /** The partner took the CDR; {@code location} is the URL its answer named, if any. */
    public void delivered(String id, String location) {
        em.createNativeQuery("""
                update ocpi_cdr set state = 'SENT', location_url = coalesce(?1, location_url)
                where id = ?2 and state = 'DUE'""")
                .setParameter(1, location == null || location.length() > 255 ? null : location)
                .setParameter(2, id)
                .executeUpdate();
    }

    /** CDRs in {@code state}, newest first (for the operator). */
    public List<Stored> list(State state, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, partner_id, transaction_id, state, hold_reason, body::text, location_url
                        from ocpi_cdr where state = ?1 order by created_at desc, id desc""")
                .setParameter(1, state.name())
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(Cdrs::stored).toList();
    }

    /** An operator sends a held CDR after all (it was right): owed to the partner from now on. */
    public Stored release(String id, String actor, String clientAddress) {
        Stored cdr = held(id);
        decided(cdr, State.DUE, "ocpi.cdr.release", actor, clientAddress);
        outbox.enqueue(List.of(cdr.partnerId()), Outbox.ObjectType.CDR, id, true, null);
        return find(id).orElseThrow();
    }

    /** An operator voids a held CDR (it was wrong): never sent. */
    public Stored voided(String id, String actor, String clientAddress) {
        decided(held(id), State.VOID, "ocpi.cdr.void", actor, clientAddress);
        return find(id).orElseThrow();
    }

    private Stored held(String id) {
        Stored cdr = find(id).orElseThrow(() ->
                new io.csms.platform.Refusal(io.csms.platform.Refusal.Kind.NOT_FOUND, "unknown-cdr", "No CDR " + id));
        if (cdr.state() != State.HELD) {
            throw new io.csms.platform.Refusal(
                    io.csms.platform.Refusal.Kind.CONFLICT,
                    "cdr-not-held",
                    "CDR " + id + " is " + cdr.state() + ", not HELD");
        }
        return cdr;
    }

    private void decided(Stored cdr, State to, String action, String actor, String clientAddress) {
        em.createNativeQuery("update ocpi_cdr set state = ?1 where id = ?2 and state = 'HELD'")
                .setParameter(1, to.name())
                .setParameter(2, cdr.id())
                .executeUpdate();
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                action,
                "cdr:" + cdr.id(),
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                "held because " + cdr.holdReason()));
    }

    /** The partner's CDRs it may see (not held or void), oldest first, within {@code [from, to)}. */
    public Page page(long partnerId, Instant from, Instant to, int offset, int limit) {
        StringBuilder where =
                new StringBuilder(" where partner_id = :partner and state in ('DUE', 'SENT', 'CREDITED')");
        if (from != null) {
            where.append(" and last_updated >= :from");
        }
        if (to != null) {
            where.append(" and last_updated < :to");
        }
        var count = em.createNativeQuery("select count(*) from ocpi_cdr" + where);
        var select = em.createNativeQuery("""
                select id, partner_id, transaction_id, state, hold_reason, body::text, location_url
                from ocpi_cdr""" + where + " order by last_updated, id");
        for (var query : List.of(count, select)) {
            query.setParameter("partner", partnerId);
            if (from != null) {
                query.setParameter("from", Timestamp.from(from));
            }
            if (to != null) {
                query.setParameter("to", Timestamp.from(to));
            }
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(offset).setMaxResults(limit).getResultList();
        return new Page(rows.stream().map(r -> stored(r).cdr()).toList(), total);
    }

    private static Stored stored(Object[] r) {
        return new Stored(
                (String) r[0],
                ((Number) r[1]).longValue(),
                ((Number) r[2]).intValue(),
                State.valueOf((String) r[3]),
                (String) r[4],
                LocationJson.stored((String) r[5], CdrData.class),
                (String) r[6]);
    }

    /** The CDR of a stopped session, as OCPI 2.2.1 has it. */
    static CdrData of(SessionData s, String id, CdrData.SignedData signed, Instant now) {
        LocationData l = s.location();
        LocationData.Connector connector = s.evse().connectors().get(0);
        Pricing.Priced p = s.priced();
        TariffData tariff = s.tariff();
        List<CdrData.ChargingPeriod> periods = new ArrayList<>();
        for (Pricing.Period period : s.chargingPeriods()) {
            periods.add(new CdrData.ChargingPeriod(
                    period.start(),
                    period.dimensions().stream()
                            .map(d -> new CdrData.Dimension(d.type(), d.volume()))
                            .toList(),
                    tariff == null ? null : tariff.id()));
        }
        BigDecimal hours = BigDecimal.valueOf(
                        Duration.between(s.startDateTime(), s.endDateTime()).getSeconds())
                .divide(BigDecimal.valueOf(3600), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return new CdrData(
                s.countryCode(),
                s.partyId(),
                id,
                s.startDateTime(),
                s.endDateTime(),
                s.id(),
                new CdrData.CdrToken(
                        s.token().countryCode(),
                        s.token().partyId(),
                        s.token().uid(),
                        s.token().type().name(),
                        s.token().contractId()),
                s.authMethod(),
                s.authorizationReference(),
                new CdrData.CdrLocation(
                        l.id(),
                        l.name(),
                        l.address(),
                        l.city(),
                        l.postalCode(),
                        l.state(),
                        l.country(),
                        l.coordinates(),
                        s.evse().uid(),
                        s.evse().evseId(),
                        connector.id(),
                        connector.standard().name(),
                        connector.format().name(),
                        connector.powerType().name()),
                s.currency(),
                tariff == null ? List.of() : List.of(tariff),
                periods,
                signed,
                p == null ? price(Pricing.Cost.ZERO) : price(p.total()),
                p == null || p.fixedCost().exclVat().signum() == 0 ? null : price(p.fixedCost()),
                s.kwh(),
                p == null ? null : price(p.energyCost()),
                p == null ? hours : p.totalTimeHours(),
                p == null ? null : price(p.timeCost()),
                p == null ? null : p.totalParkingHours(),
                p == null ? null : price(p.parkingCost()),
                null,
                null,
                now);
    }

    /**
     * The session's signed meter values (format SignedData), or null when there are none: the
     * reading at Transaction.Begin is the Start, at Transaction.End the End, any other Intermediate.
     * An OCMF document ({@code OCMF|payload|signature}) is carried whole as {@code signed_data}, its
     * payload as {@code plain_data} (readable only, so at most its first 512 characters); a signed
     * value longer than OCPI allows (5000 characters) is left out, never cut.
     */
    static CdrData.SignedData signed(List<MeterReading> readings) {
        List<CdrData.SignedValue> values = new ArrayList<>();
        boolean ocmf = true;
        for (MeterReading reading : readings) {
            MeterReading.Sample sample = reading.sample();
            if (!"SignedData".equals(sample.format()) || sample.value().length() > 5000) {
                continue;
            }
            String value = sample.value();
            String[] parts = value.split("\\|", 3);
            boolean isOcmf = parts.length == 3 && parts[0].equals("OCMF");
            ocmf &= isOcmf;
            String plain = isOcmf ? parts[1] : value;
            plain = plain.length() > 512 ? plain.substring(0, 512) : plain;
            String nature = "Transaction.Begin".equals(sample.context())
                    ? "Start"
                    : "Transaction.End".equals(sample.context()) ? "End" : "Intermediate";
            values.add(new CdrData.SignedValue(nature, plain, value));
        }
        return values.isEmpty() ? null : new CdrData.SignedData(ocmf ? "OCMF" : "OCPP 1.6 SignedData", values);
    }

    private static TariffData.Price price(Pricing.Cost cost) {
        return new TariffData.Price(cost.exclVat(), cost.inclVat());
    }

    /** The business rule the session breaks, or null. */
    static String broken(
            ChargingTransaction t, BigDecimal kwh, LocationData.Connector connector, List<MeterReading> readings) {
        if (t.stopTime().isBefore(t.startTime())) {
            return "the stop is before the start";
        }
        if (t.meterStop() < t.meterStart()) {
            return "the meter stop (" + t.meterStop() + " Wh) is below the meter start (" + t.meterStart() + " Wh)";
        }
        for (MeterReading reading : readings) {
            Integer wh = EnergyRegister.wh(reading.sample());
            if (wh != null && wh > t.meterStop()) {
                return "a meter value (" + wh + " Wh) is above the meter stop (" + t.meterStop() + " Wh)";
            }
        }
        BigDecimal metered = BigDecimal.valueOf(t.meterStop() - t.meterStart()).movePointLeft(3);
        if (kwh.compareTo(metered) != 0) {
            return "the meter values add up to " + kwh.toPlainString() + " kWh, the meter start and stop to "
                    + metered.stripTrailingZeros().toPlainString() + " kWh";
        }
        BigDecimal kw = maxKw(connector);
        BigDecimal hours = BigDecimal.valueOf(
                        Duration.between(t.startTime(), t.stopTime()).toMillis())
                .divide(BigDecimal.valueOf(3_600_000), 6, RoundingMode.HALF_UP);
        BigDecimal possible = kw.multiply(hours).multiply(new BigDecimal("1.1")).add(new BigDecimal("0.01"));
        if (kwh.compareTo(possible) > 0) {
            return kwh.toPlainString() + " kWh in " + hours.setScale(3, RoundingMode.HALF_UP) + " h is more than "
                    + kw.stripTrailingZeros().toPlainString() + " kW can deliver";
        }
        return null;
    }

    /** The connector's power: {@code max_electric_power}, or voltage × amperage × phases. */
    private static BigDecimal maxKw(LocationData.Connector c) {
        if (c.maxElectricPower() != null && c.maxElectricPower() > 0) {
            return BigDecimal.valueOf(c.maxElectricPower()).movePointLeft(3);
        }
        int phases = c.powerType().name().equals("AC_3_PHASE") ? 3 : 1;
        return BigDecimal.valueOf((long) c.maxVoltage() * c.maxAmperage() * phases)
                .movePointLeft(3);
    }
}
