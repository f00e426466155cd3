package io.csms.roaming.sessions;

import io.csms.location.LocationData;
import io.csms.location.LocationJson;
import io.csms.location.Locations;
import io.csms.platform.OurParty;
import io.csms.roaming.tokens.RoamingTokens;
import io.csms.tariff.Pricing;
import io.csms.tariff.TariffData;
import io.csms.tariff.Tariffs;
import io.csms.transaction.ChargingTransaction;
import io.csms.transaction.EnergyRegister;
import io.csms.transaction.MeterReading;
import io.csms.transaction.Transactions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Partners' drivers' sessions as partners see them: assembled from the transaction, its meter
 * values, the token and the location of the connector, and priced under the connector's first
 * tariff ({@link Pricing}), both as they were at the session's start ({@link #snapshot}).
 */
@Stateless
public class RoamingSessions {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    Transactions transactions;

    @Inject
    RoamingTokens tokens;

    @Inject
    Locations locations;

    @Inject
    Tariffs tariffs;

    @Inject
    OurParty ours;

    /** The currency of sessions at connectors without a tariff. */
    @Inject
    @ConfigProperty(name = "csms.ocpi.currency", defaultValue = "EUR")
    String currency;

    /** A page of a partner's sessions and how many there are in all. */
    public record Page(List<SessionData> sessions, long total) {}

    /**
     * The session of a transaction, when it is a partner's driver's at a connector a location
     * described at its start: described and priced as the location and tariff were then.
     */
    public Optional<SessionData> find(int transactionId) {
        return row(transactionId).flatMap(r -> assemble(transactionId, r, true));
    }

    /**
     * The session described and priced under the location and tariff as they are now (a credited
     * CDR's replacement, after the operator corrected them); empty when the connector is no longer
     * described.
     */
    public Optional<SessionData> findAsNow(int transactionId) {
        return row(transactionId).flatMap(r -> assemble(transactionId, r, false));
    }

    /** The location (with only the session's EVSE) as the session kept it from its start, if it did. */
    public Optional<LocationData> locationAtStart(int transactionId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery(
                        "select place::text from ocpi_session where transaction_id = ?1 and place is not null")
                .setParameter(1, transactionId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(json -> LocationJson.<Locations.Place>stored(json, Locations.Place.class)
                        .location());
    }

    /** The totals of the last session update given to the partner: energy (kWh) and cost without VAT. */
    public record Reported(BigDecimal kwh, BigDecimal cost) {}

    /** What the partner was last told of the session, if anything. */
    public Optional<Reported> reported(int transactionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select reported_kwh, reported_cost from ocpi_session where transaction_id = ?1")
                .setParameter(1, transactionId)
                .getResultList();
        return rows.stream()
                .filter(r -> r[0] != null)
                .findFirst()
                .map(r -> new Reported((BigDecimal) r[0], (BigDecimal) r[1]));
    }

    private static final String COLUMNS = "partner_id, status, last_updated, place::text, tariff::text";

    private Optional<Object[]> row(int transactionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from ocpi_session where transaction_id = ?1")
                .setParameter(1, transactionId)
                .getResultList();
        return rows.stream().findFirst();
    }

    /** The partner's sessions, oldest change first, within {@code [from, to)} of {@code last_updated}. */
    public Page page(long partnerId, Instant from, Instant to, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where partner_id = :partner");
        if (from != null) {
            where.append(" and last_updated >= :from");
        }
        if (to != null) {
            where.append(" and last_updated < :to");
        }
        var count = em.createNativeQuery("select count(*) from ocpi_session" + where);
        var select = em.createNativeQuery("select transaction_id, " + COLUMNS + " from ocpi_session" + where
                + " order by last_updated, transaction_id");
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
        List<SessionData> sessions = new ArrayList<>();
        for (Object[] r : rows) {
            assemble(((Number) r[0]).intValue(), java.util.Arrays.copyOfRange(r, 1, r.length), true)
                    .ifPresent(sessions::add);
        }
        return new Page(sessions, total);
    }

    /**
     * A push of {@code session} is under way: meter values wait {@code
     * csms.ocpi.sessions.update-interval} from now, and its totals are what the partner was last told.
     */
    public void pushed(SessionData session) {
        em.createNativeQuery("""
                        update ocpi_session set last_pushed_at = now(), reported_kwh = ?1, reported_cost = ?2
                        where transaction_id = ?3""")
                .setParameter(1, session.kwh())
                .setParameter(
                        2,
                        session.totalCost() == null ? null : session.totalCost().exclVat())
                .setParameter(3, Integer.parseInt(session.id()))
                .executeUpdate();
    }

    /**
     * Keeps the location (with only the connector's EVSE) and the connector's tariff of a session that
     * just started, so that it is described and priced as they were at its start.
     */
    public void snapshot(int transactionId, String chargerId, int connectorId) {
        Optional<Locations.Place> place = locations.placeOf(chargerId, connectorId);
        if (place.isEmpty()) {
            return;
        }
        Locations.Place kept = new Locations.Place(
                place.get().location().withEvses(List.of(place.get().evse())),
                place.get().evse());
        em.createNativeQuery("""
                        update ocpi_session set place = cast(?1 as jsonb), tariff = cast(?2 as jsonb)
                        where transaction_id = ?3""")
                .setParameter(1, LocationJson.write(kept))
                .setParameter(2, tariffOf(kept.evse()).map(LocationJson::write).orElse(null))
                .setParameter(3, transactionId)
                .executeUpdate();
    }

    /**
     * The session from its row ({@link #COLUMNS}): under the location and tariff kept at its start
     * when {@code asStarted} and it has them, otherwise as they are now.
     */
    private Optional<SessionData> assemble(int transactionId, Object[] row, boolean asStarted) {
        Optional<ChargingTransaction> found = transactions.find(transactionId);
        if (found.isEmpty() || found.get().ocpiTokenId() == null) {
            return Optional.empty();
        }
        ChargingTransaction t = found.get();
        long partnerId = ((Number) row[0]).longValue();
        String status = (String) row[1];
        Instant lastUpdated = io.csms.platform.SqlTimes.instant(row[2]);
        Optional<RoamingTokens.Stored> token = tokens.byId(t.ocpiTokenId());
        boolean kept = asStarted && row[3] != null;
        Optional<Locations.Place> place = kept
                ? Optional.of(LocationJson.stored((String) row[3], Locations.Place.class))
                : locations.placeOf(t.chargerId(), t.connectorId());
        if (token.isEmpty() || place.isEmpty()) {
            return Optional.empty();
        }
        List<Pricing.Slice> slices = slices(t, transactions.meterValues(transactionId));
        BigDecimal kwh = slices.stream()
                .map(Pricing.Slice::energyKwh)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .stripTrailingZeros();
        Optional<TariffData> tariff = kept
                ? Optional.ofNullable((String) row[4]).map(json -> LocationJson.stored(json, TariffData.class))
                : tariffOf(place.get().evse());
        Pricing.Priced priced = tariff.map(
                        tf -> Pricing.price(tf, ZoneId.of(place.get().location().timeZone()), slices))
                .orElse(null);
        return Optional.of(new SessionData(
                partnerId,
                ours.countryCode(),
                ours.partyId(),
                Integer.toString(transactionId),
                t.startTime(),
                t.stopTime(),
                kwh,
                token.get().token(),
                t.authMethod() == null ? "WHITELIST" : t.authMethod(),
                t.authorizationReference(),
                place.get().location(),
                place.get().evse(),
                tariff.map(TariffData::currency).orElse(currency),
                priced == null || priced.periods().isEmpty()
                        ? Pricing.periods(t.startTime(), slices)
                        : priced.periods(),
                priced == null ? null : priced.total(),
                status,
                lastUpdated,
                tariff.orElse(null),
                priced));
    }

    private Optional<TariffData> tariffOf(LocationData.Evse evse) {
        return evse.connectors().stream()
                .filter(c -> c.tariffIds() != null && !c.tariffIds().isEmpty())
                .findFirst()
                .flatMap(c -> tariffs.find(c.tariffIds().get(0)));
    }

    /**
     * The transaction as slices between its energy register readings (from its start to its stop, or
     * to the latest reading): charging while energy flowed, parked while it did not; the highest power
     * sampled in each, where one was.
     */
    static List<Pricing.Slice> slices(ChargingTransaction t, List<MeterReading> readings) {
        List<Instant> times = new ArrayList<>();
        List<Integer> registers = new ArrayList<>();
        times.add(t.startTime());
        registers.add(t.meterStart());
        for (MeterReading reading : readings) {
            MeterReading.Sample sample = reading.sample();
            Integer wh = EnergyRegister.wh(sample);
            if (wh != null
                    && sample.at().isAfter(times.get(times.size() - 1))
                    && (t.stopTime() == null || sample.at().isBefore(t.stopTime()))) {
                times.add(sample.at());
                registers.add(Math.max(wh, registers.get(registers.size() - 1)));
            }
        }
        if (t.stopTime() != null && t.meterStop() != null && t.stopTime().isAfter(times.get(times.size() - 1))) {
            times.add(t.stopTime());
            registers.add(Math.max(t.meterStop(), registers.get(registers.size() - 1)));
        }
        List<Pricing.Slice> slices = new ArrayList<>();
        for (int i = 0; i + 1 < times.size(); i++) {
            Instant from = times.get(i);
            Instant to = times.get(i + 1);
            int wh = registers.get(i + 1) - registers.get(i);
            slices.add(new Pricing.Slice(
                    from,
                    to,
                    BigDecimal.valueOf(wh).movePointLeft(3),
                    wh > 0,
                    maxPowerKw(readings, from, to),
                    maxCurrentA(readings, from, to)));
        }
        return slices;
    }

    /**
     * The highest current imported in {@code (from, to]}, summed over the phases sampled at one time
     * (OCPI restrictions name the sum over all phases), in A, or null when none was sampled.
     */
    private static BigDecimal maxCurrentA(List<MeterReading> readings, Instant from, Instant to) {
        java.util.Map<Instant, BigDecimal> sums = new java.util.HashMap<>();
        for (MeterReading reading : readings) {
            MeterReading.Sample s = reading.sample();
            if ("Current.Import".equals(s.measurand())
                    && s.at().isAfter(from)
                    && !s.at().isAfter(to)
                    && (s.phase() == null || s.phase().matches("L[123]"))
                    && s.value().matches("\\d{1,9}(\\.\\d{1,6})?")) {
                sums.merge(s.at(), new BigDecimal(s.value()), BigDecimal::add);
            }
        }
        return sums.values().stream().max(BigDecimal::compareTo).orElse(null);
    }

    /** The highest active power imported in {@code (from, to]}, in kW, or null when none was sampled. */
    private static BigDecimal maxPowerKw(List<MeterReading> readings, Instant from, Instant to) {
        BigDecimal max = null;
        for (MeterReading reading : readings) {
            MeterReading.Sample s = reading.sample();
            if (!"Power.Active.Import".equals(s.measurand())
                    || s.phase() != null
                    || !s.at().isAfter(from)
                    || s.at().isAfter(to)
                    || !s.value().matches("\\d{1,9}(\\.\\d{1,6})?")) {
                continue;
            }
            BigDecimal kw = new BigDecimal(s.value());
            if (!"kW".equals(s.unit())) {
                kw = kw.movePointLeft(3);
            }
            max = max == null || kw.compareTo(max) > 0 ? kw : max;
        }
        return max;
    }
}
