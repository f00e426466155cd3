package io.csms.tariff;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a charging session costs under a tariff, by the rules of OCPI 2.2.1 (module Tariffs): a pure
 * function of the tariff, the location's time zone and the session's slices (stretches in which it
 * charged or stood parked, with their energy and, where known, power and current).
 *
 * <ul>
 *   <li>A slice is cut wherever a restriction could change: times of day and dates of the elements,
 *       midnight (day of week), the durations and the energy amounts they name (the energy of a
 *       slice is taken as flowing evenly through it).
 *   <li>For each piece and dimension, the first element that has a price component of that
 *       dimension and whose restrictions all hold at the piece's start prices it: ENERGY (kWh) and
 *       TIME (hours charging) while charging, PARKING_TIME (hours not charging) while parked. FLAT is
 *       charged once: from the first piece at which an element with a FLAT component holds, by the
 *       first such element then.
 *   <li>Restrictions: times of day (end exclusive, an end before the start spans midnight), dates
 *       (end exclusive), days of week, min (inclusive) and max (exclusive) of energy so far, of session
 *       duration so far, of power and of current; a power or current restriction does not hold where
 *       the slice does not know it; a reservation restriction never holds (sessions here carry no
 *       reservation time).
 *   <li>{@code step_size}: the energy billed is rounded up to the step of the last ENERGY component
 *       used; of the time-based dimensions, the one billed last (TIME or PARKING_TIME) is rounded up
 *       to the step of its last component, the other is not (OCPI: only the last time-based period
 *       is rounded). What rounding adds is billed at the last period's price.
 *   <li>VAT per component ({@code vat} absent: none applies); {@code min_price}/{@code max_price}
 *       bound the total. Amounts are exact decimals, rounded to 4 places at the end.
 * </ul>
 */
public final class Pricing {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal WH_PER_KWH = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext PRECISE = MathContext.DECIMAL64;

    private Pricing() {}

    /**
     * One stretch of a session: from {@code start} to {@code end}, charging or parked, the energy
     * delivered in it (kWh), the highest power (kW) and current (A, all phases) in it, each null when
     * unknown.
     */
    public record Slice(
            Instant start,
            Instant end,
            BigDecimal energyKwh,
            boolean charging,
            BigDecimal maxPowerKw,
            BigDecimal maxCurrentA) {

        public Slice {
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("A slice ends before it starts");
            }
            energyKwh = energyKwh == null ? BigDecimal.ZERO : energyKwh;
        }

        long seconds() {
            return Duration.between(start, end).getSeconds();
        }
    }

    /** An amount without and with VAT. */
    public record Cost(BigDecimal exclVat, BigDecimal inclVat) {

        public static final Cost ZERO = new Cost(BigDecimal.ZERO, BigDecimal.ZERO);

        Cost plus(Cost other) {
            return new Cost(exclVat.add(other.exclVat), inclVat.add(other.inclVat));
        }

        Cost rounded() {
            return new Cost(round(exclVat), round(inclVat));
        }
    }

    /** A CDR dimension of a charging period (OCPI CdrDimensionType and volume). */
    public record Dimension(String type, BigDecimal volume) {}

    /** A charging period: from its start until the next one's, what was measured and which tariff priced it. */
    public record Period(Instant start, List<Dimension> dimensions) {}

    /** The session priced: totals per dimension and in all, what was measured, and its periods. */
    public record Priced(
            Cost total,
            Cost energyCost,
            Cost timeCost,
            Cost parkingCost,
            Cost fixedCost,
            BigDecimal totalEnergyKwh,
            BigDecimal totalTimeHours,
            BigDecimal totalParkingHours,
            List<Period> periods) {}

    /** A piece of a slice, with what restrictions look at when it starts. */
    private record Piece(Slice slice, BigDecimal energyBefore, long secondsBefore) {}

    /** One dimension of one piece, billed by a price component. */
    private static final class Line {
        final TariffData.DimensionType type;
        final TariffData.PriceComponent component;
        BigDecimal volume; // Wh for energy, seconds for time

        Line(TariffData.DimensionType type, TariffData.PriceComponent component, BigDecimal volume) {
            this.type = type;
            this.component = component;
            this.volume = volume;
        }
    }

    public static Priced price(TariffData tariff, ZoneId zone, List<Slice> slices) {
        if (slices.isEmpty()) {
            return new Priced(
                    Cost.ZERO,
                    Cost.ZERO,
                    Cost.ZERO,
                    Cost.ZERO,
                    Cost.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    List.of());
        }
        Instant sessionStart = slices.get(0).start();
        List<Piece> pieces = pieces(tariff, zone, sessionStart, slices);
        List<Line> lines = new ArrayList<>();
        TariffData.PriceComponent flat = null;
        List<Period> periods = new ArrayList<>();
        List<List<TariffData.PriceComponent>> prices = new ArrayList<>();
        BigDecimal energy = BigDecimal.ZERO;
        long parkingSeconds = 0;
        for (Piece piece : pieces) {
            Slice s = piece.slice();
            energy = energy.add(s.energyKwh());
            if (!s.charging()) {
                parkingSeconds += s.seconds();
            }
            if (flat == null) {
                flat = component(tariff, TariffData.DimensionType.FLAT, piece, zone);
            }
            if (s.charging()) {
                bill(
                        lines,
                        tariff,
                        TariffData.DimensionType.ENERGY,
                        s.energyKwh().multiply(WH_PER_KWH),
                        piece,
                        zone);
                bill(lines, tariff, TariffData.DimensionType.TIME, BigDecimal.valueOf(s.seconds()), piece, zone);
            } else {
                bill(
                        lines,
                        tariff,
                        TariffData.DimensionType.PARKING_TIME,
                        BigDecimal.valueOf(s.seconds()),
                        piece,
                        zone);
            }
            periods.add(period(s));
            prices.add(java.util.Arrays.asList(
                    component(tariff, TariffData.DimensionType.ENERGY, piece, zone),
                    component(tariff, TariffData.DimensionType.TIME, piece, zone),
                    component(tariff, TariffData.DimensionType.PARKING_TIME, piece, zone)));
        }
        roundEnergy(lines);
        roundLastTimeBased(lines);
        Cost energyCost = cost(lines, TariffData.DimensionType.ENERGY);
        Cost timeCost = cost(lines, TariffData.DimensionType.TIME);
        Cost parkingCost = cost(lines, TariffData.DimensionType.PARKING_TIME);
        Cost fixedCost = flat == null ? Cost.ZERO : withVat(flat.price(), flat.vat());
        Cost total = bounded(tariff, energyCost.plus(timeCost).plus(parkingCost).plus(fixedCost));
        long totalSeconds = Duration.between(
                        sessionStart, slices.get(slices.size() - 1).end())
                .getSeconds();
        return new Priced(
                total.rounded(),
                energyCost.rounded(),
                timeCost.rounded(),
                parkingCost.rounded(),
                fixedCost.rounded(),
                energy.stripTrailingZeros(),
                hours(totalSeconds),
                hours(parkingSeconds),
                merged(periods, prices));
    }

    /**
     * The periods of a session priced by no tariff: what was measured, adjacent slices of the same
     * kind as one; a session without any slice (stopped as it started) is one period at its start.
     */
    public static List<Period> periods(Instant start, List<Slice> slices) {
        List<Period> periods = new ArrayList<>();
        List<List<TariffData.PriceComponent>> none = new ArrayList<>();
        for (Slice slice : slices) {
            periods.add(period(slice));
            none.add(List.of());
        }
        if (periods.isEmpty()) {
            return List.of(period(new Slice(start, start, BigDecimal.ZERO, true, null, null)));
        }
        return merged(periods, none);
    }

    /** The slices cut where a restriction of any element could begin or end to hold. */
    private static List<Piece> pieces(TariffData tariff, ZoneId zone, Instant sessionStart, List<Slice> slices) {
        List<Piece> pieces = new ArrayList<>();
        BigDecimal energyBefore = BigDecimal.ZERO;
        for (Slice slice : slices) {
            TreeSet<Instant> cuts = new TreeSet<>();
            cuts.add(slice.start());
            cuts.add(slice.end());
            LocalDate first = slice.start().atZone(zone).toLocalDate();
            LocalDate last = slice.end().atZone(zone).toLocalDate();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                cuts.add(day.atStartOfDay(zone).toInstant());
                for (TariffData.Element element : tariff.elements()) {
                    TariffData.Restrictions r = element.restrictions();
                    if (r == null) {
                        continue;
                    }
                    for (String time : new String[] {r.startTime(), r.endTime()}) {
                        if (time != null) {
                            cuts.add(ZonedDateTime.of(day, LocalTime.parse(time), zone)
                                    .toInstant());
                        }
                    }
                }
            }
            for (TariffData.Element element : tariff.elements()) {
                TariffData.Restrictions r = element.restrictions();
                if (r == null) {
                    continue;
                }
                for (String date : new String[] {r.startDate(), r.endDate()}) {
                    if (date != null) {
                        cuts.add(LocalDate.parse(date).atStartOfDay(zone).toInstant());
                    }
                }
                for (Integer seconds : new Integer[] {r.minDuration(), r.maxDuration()}) {
                    if (seconds != null) {
                        cuts.add(sessionStart.plusSeconds(seconds));
                    }
                }
                for (BigDecimal kwh : new BigDecimal[] {r.minKwh(), r.maxKwh()}) {
                    if (kwh != null
                            && slice.energyKwh().signum() > 0
                            && kwh.compareTo(energyBefore) > 0
                            && kwh.compareTo(energyBefore.add(slice.energyKwh())) < 0) {
                        BigDecimal share = kwh.subtract(energyBefore).divide(slice.energyKwh(), PRECISE);
                        long offset = share.multiply(BigDecimal.valueOf(slice.seconds()))
                                .setScale(0, RoundingMode.CEILING)
                                .longValue();
                        cuts.add(slice.start().plusSeconds(offset));
                    }
                }
            }
            List<Instant> points = new ArrayList<>(cuts.subSet(slice.start(), true, slice.end(), true));
            if (points.size() == 1) {
                // an instant (two readings at one time): its energy still counts
                pieces.add(new Piece(
                        slice,
                        energyBefore,
                        Duration.between(sessionStart, slice.start()).getSeconds()));
                energyBefore = energyBefore.add(slice.energyKwh());
                continue;
            }
            BigDecimal left = slice.energyKwh();
            for (int i = 0; i + 1 < points.size(); i++) {
                Instant from = points.get(i);
                Instant to = points.get(i + 1);
                BigDecimal part = i + 2 == points.size() || slice.seconds() == 0
                        ? left
                        : slice.energyKwh()
                                .multiply(BigDecimal.valueOf(
                                        Duration.between(from, to).getSeconds()))
                                .divide(BigDecimal.valueOf(slice.seconds()), PRECISE);
                left = left.subtract(part);
                pieces.add(new Piece(
                        new Slice(from, to, part, slice.charging(), slice.maxPowerKw(), slice.maxCurrentA()),
                        energyBefore,
                        Duration.between(sessionStart, from).getSeconds()));
                energyBefore = energyBefore.add(part);
            }
        }
        return pieces;
    }

    private static void bill(
            List<Line> lines,
            TariffData tariff,
            TariffData.DimensionType type,
            BigDecimal volume,
            Piece piece,
            ZoneId zone) {
        if (volume.signum() <= 0) {
            return;
        }
        TariffData.PriceComponent component = component(tariff, type, piece, zone);
        if (component != null) {
            lines.add(new Line(type, component, volume));
        }
    }

    /** The component of the first element with one of {@code type} whose restrictions hold for the piece. */
    private static TariffData.PriceComponent component(
            TariffData tariff, TariffData.DimensionType type, Piece piece, ZoneId zone) {
        for (TariffData.Element element : tariff.elements()) {
            for (TariffData.PriceComponent component : element.priceComponents()) {
                if (component.type() == type && holds(element.restrictions(), piece, zone)) {
                    return component;
                }
            }
        }
        return null;
    }

    private static boolean holds(TariffData.Restrictions r, Piece piece, ZoneId zone) {
        if (r == null) {
            return true;
        }
        Slice s = piece.slice();
        LocalDateTime at = s.start().atZone(zone).toLocalDateTime();
        if (r.reservation() != null) {
            return false;
        }
        if (r.startTime() != null || r.endTime() != null) {
            LocalTime time = at.toLocalTime();
            LocalTime from = r.startTime() == null ? LocalTime.MIN : LocalTime.parse(r.startTime());
            LocalTime to = r.endTime() == null ? null : LocalTime.parse(r.endTime());
            boolean within;
            if (to == null) {
                within = !time.isBefore(from);
            } else if (to.isAfter(from)) {
                within = !time.isBefore(from) && time.isBefore(to);
            } else {
                // the end is on the next day (equal: the whole day)
                within = to.equals(from) || !time.isBefore(from) || time.isBefore(to);
            }
            if (!within) {
                return false;
            }
        }
        LocalDate date = at.toLocalDate();
        if (r.startDate() != null && date.isBefore(LocalDate.parse(r.startDate()))) {
            return false;
        }
        if (r.endDate() != null && !date.isBefore(LocalDate.parse(r.endDate()))) {
            return false;
        }
        if (r.dayOfWeek() != null
                && !r.dayOfWeek().isEmpty()
                && r.dayOfWeek().stream()
                        .noneMatch(d -> d.name().equals(at.getDayOfWeek().name()))) {
            return false;
        }
        return within(piece.energyBefore(), r.minKwh(), r.maxKwh())
                && within(BigDecimal.valueOf(piece.secondsBefore()), decimal(r.minDuration()), decimal(r.maxDuration()))
                && known(s.maxPowerKw(), r.minPower(), r.maxPower())
                && known(s.maxCurrentA(), r.minCurrent(), r.maxCurrent());
    }

    private static BigDecimal decimal(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static boolean within(BigDecimal value, BigDecimal min, BigDecimal max) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) < 0);
    }

    /** A power or current restriction holds only where the value is known. */
    private static boolean known(BigDecimal value, BigDecimal min, BigDecimal max) {
        if (min == null && max == null) {
            return true;
        }
        return value != null && within(value, min, max);
    }

    /** The energy billed rounded up to the step of the last ENERGY component used, added to the last line. */
    private static void roundEnergy(List<Line> lines) {
        roundUp(lines, TariffData.DimensionType.ENERGY);
    }

    /** The time-based dimension billed last rounded up to the step of its last component. */
    private static void roundLastTimeBased(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            TariffData.DimensionType type = lines.get(i).type;
            if (type == TariffData.DimensionType.TIME || type == TariffData.DimensionType.PARKING_TIME) {
                roundUp(lines, type);
                return;
            }
        }
    }

    private static void roundUp(List<Line> lines, TariffData.DimensionType type) {
        Line last = null;
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : lines) {
            if (line.type == type) {
                total = total.add(line.volume);
                last = line;
            }
        }
        if (last == null || last.component.stepSize() == null || last.component.stepSize() <= 0) {
            return;
        }
        BigDecimal step = BigDecimal.valueOf(last.component.stepSize());
        BigDecimal rounded = total.divide(step, 0, RoundingMode.CEILING).multiply(step);
        last.volume = last.volume.add(rounded.subtract(total));
    }

    private static Cost cost(List<Line> lines, TariffData.DimensionType type) {
        Cost sum = Cost.ZERO;
        BigDecimal unit = type == TariffData.DimensionType.ENERGY ? WH_PER_KWH : SECONDS_PER_HOUR;
        for (Line line : lines) {
            if (line.type == type) {
                BigDecimal amount = line.volume.divide(unit, PRECISE).multiply(line.component.price());
                sum = sum.plus(withVat(amount, line.component.vat()));
            }
        }
        return sum;
    }

    private static Cost withVat(BigDecimal exclVat, BigDecimal vat) {
        return new Cost(
                exclVat,
                vat == null ? exclVat : exclVat.multiply(BigDecimal.ONE.add(vat.divide(HUNDRED, PRECISE)), PRECISE));
    }

    /** {@code min_price} and {@code max_price}: the total within them (incl. VAT as given, or at the total's own rate). */
    private static Cost bounded(TariffData tariff, Cost total) {
        if (tariff.minPrice() != null
                && total.exclVat().compareTo(tariff.minPrice().exclVat()) < 0) {
            return at(tariff.minPrice(), total);
        }
        if (tariff.maxPrice() != null
                && total.exclVat().compareTo(tariff.maxPrice().exclVat()) > 0) {
            return at(tariff.maxPrice(), total);
        }
        return total;
    }

    private static Cost at(TariffData.Price bound, Cost total) {
        if (bound.inclVat() != null) {
            return new Cost(bound.exclVat(), bound.inclVat());
        }
        BigDecimal rate =
                total.exclVat().signum() == 0 ? BigDecimal.ONE : total.inclVat().divide(total.exclVat(), PRECISE);
        return new Cost(bound.exclVat(), bound.exclVat().multiply(rate, PRECISE));
    }

    private static Period period(Slice s) {
        List<Dimension> dimensions = new ArrayList<>();
        if (s.charging()) {
            dimensions.add(new Dimension(
                    "ENERGY", s.energyKwh().setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()));
            dimensions.add(new Dimension("TIME", hours(s.seconds())));
        } else {
            dimensions.add(new Dimension("PARKING_TIME", hours(s.seconds())));
        }
        if (s.maxPowerKw() != null) {
            dimensions.add(new Dimension("MAX_POWER", s.maxPowerKw()));
        }
        if (s.maxCurrentA() != null) {
            dimensions.add(new Dimension("MAX_CURRENT", s.maxCurrentA()));
        }
        return new Period(s.start(), dimensions);
    }

    /**
     * Adjacent periods of the same kind (charging or parked, the same limits) and the same prices
     * become one: the cuts that changed nothing are not shown.
     */
    private static List<Period> merged(List<Period> periods, List<List<TariffData.PriceComponent>> prices) {
        List<Period> out = new ArrayList<>();
        List<TariffData.PriceComponent> previousPrices = null;
        for (int index = 0; index < periods.size(); index++) {
            Period p = periods.get(index);
            List<TariffData.PriceComponent> price = prices.get(index);
            if (!out.isEmpty() && sameKind(out.get(out.size() - 1), p) && samePrices(previousPrices, price)) {
                Period previous = out.remove(out.size() - 1);
                List<Dimension> sum = new ArrayList<>();
                for (int i = 0; i < p.dimensions().size(); i++) {
                    Dimension a = previous.dimensions().get(i);
                    Dimension b = p.dimensions().get(i);
                    sum.add(
                            a.type().startsWith("MAX_")
                                    ? a
                                    : new Dimension(a.type(), a.volume().add(b.volume())));
                }
                out.add(new Period(previous.start(), sum));
            } else {
                out.add(p);
            }
            previousPrices = price;
        }
        return out;
    }

    private static boolean samePrices(List<TariffData.PriceComponent> a, List<TariffData.PriceComponent> b) {
        if (a == null || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameKind(Period a, Period b) {
        if (a.dimensions().size() != b.dimensions().size()) {
            return false;
        }
        for (int i = 0; i < a.dimensions().size(); i++) {
            Dimension x = a.dimensions().get(i);
            Dimension y = b.dimensions().get(i);
            if (!x.type().equals(y.type())
                    || (x.type().startsWith("MAX_") && x.volume().compareTo(y.volume()) != 0)) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(seconds)
                .divide(SECONDS_PER_HOUR, 4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    private static BigDecimal round(BigDecimal amount) {
        return amount.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
