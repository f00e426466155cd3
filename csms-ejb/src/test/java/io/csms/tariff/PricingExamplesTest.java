package io.csms.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.SpecData;
import io.csms.location.LocationJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What {@link Pricing} charges, checked to the cent against sums done by hand from the rules in its
 * Javadoc (never from the prose examples of the OCPI text):
 *
 * <ul>
 *   <li>every example tariff of OCPI 2.2.1 ({@code tariff_*.json}) prices a session designed for
 *       what that tariff is about: its restrictions, step sizes, FLAT fee, VAT, min/max price,
 *       parking time; elements restricted to a reservation never apply here;
 *   <li>the spec's {@code cdr_example.json} comes out as the CDR says, priced with its own tariff;
 *   <li>single rules: step_size on energy, times of day across midnight in the location's zone, days
 *       of week, energy and duration thresholds inside one slice, an unknown power or current, a
 *       component without VAT, min_price and max_price without an amount incl. VAT.
 * </ul>
 *
 * Session times are wall-clock times in Berlin (the example tariffs are German), where restrictions
 * are evaluated; the dates chosen are clear of a change to or from summer time.
 */
class PricingExamplesTest {

    private static final Path EXAMPLES = SpecData.of("ocpi-2.2.1/examples");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The example tariffs the cases below price; the folder must hold exactly these. */
    private static final Set<String> PRICED = Set.of(
            "tariff_1_simple_2hour.json",
            "tariff_2_alt_text.json",
            "tariff_3_alt_url.json",
            "tariff_4_complex.json",
            "tariff_5_free_of_charge.json",
            "tariff_6_025kwh_start_max_price.json",
            "tariff_8_simple_025kwh.json",
            "tariff_9_025kwh_start.json",
            "tariff_10_025kwh_parking_start.json",
            "tariff_11_not_possible_alt_text.json",
            "tariff_12_025kwh_min_price.json",
            "tariff_13_simple_3hour_5parking.json",
            "tariff_14_step_size.json",
            "tariff_15_reservation_5_euro_per_hour.json",
            "tariff_16_reservation_2_euro_fee_5_euro_per_hour.json",
            "tariff_17_reservation_with_expire_fee.json",
            "tariff_18_reservation_with_expire_time.json",
            "tariff_put_example.json");

    @Test
    void every_example_tariff_of_the_spec_has_a_priced_case() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("tariff_") && name.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(PRICED), files);
    }

    // ---------------------------------------------------------------- the spec's example tariffs

    @Test
    void tariff_1_bills_charging_time_by_the_started_minute() throws IOException {
        TariffData tariff = example("tariff_1_simple_2hour.json");
        // TIME 2.00/h, vat 10, step 60 s: 10:00:00-11:30:20 = 5420 s -> 5460 s = 1.516667 h -> 3.033333
        // -> 3.03; VAT 10% -> 3.336667 -> 3.34. Energy has no price.
        Pricing.Priced p = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T11:30:20", "12.5"));
        assertCost("3.03", "3.34", p.total(), "total");
        assertCost("3.03", "3.34", p.timeCost(), "time");
        assertCost("0.00", "0.00", p.energyCost(), "energy");
        assertExact("12.5", p.totalEnergyKwh());
        // 5420 s = 1.50556 h (measured, not rounded up to the step)
        assertHours("1.506", p.totalTimeHours());
        assertHours("0.000", p.totalParkingHours());
    }

    @Test
    void tariff_2_is_1_90_per_hour_with_5_2_percent_vat_in_five_minute_steps() throws IOException {
        TariffData tariff = example("tariff_2_alt_text.json");
        // TIME 1.90/h, vat 5.2, step 300 s: 10:00-11:01 = 3660 s -> 3900 s = 1.083333 h -> 2.058333
        // -> 2.06; VAT 5.2% -> 2.165367 -> 2.17 (the alt text's "2.00 incl. VAT" per hour is 1.9988).
        Pricing.Priced p = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T11:01:00", "6"));
        assertCost("2.06", "2.17", p.total(), "total");
        assertCost("2.06", "2.17", p.timeCost(), "time");
    }

    @Test
    void tariff_3_bills_energy_by_the_started_100_wh_and_a_start_fee() throws IOException {
        TariffData tariff = example("tariff_3_alt_url.json");
        // ENERGY 0.25/kWh, vat 10, step 100 Wh: 12.345 kWh = 12345 Wh -> 12400 Wh -> 3.10; VAT -> 3.41.
        // FLAT 0.50, vat 20 -> 0.60. Total 3.60; incl 4.01. Time has no price.
        Pricing.Priced p = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T11:30:00", "12.345"));
        assertCost("3.60", "4.01", p.total(), "total");
        assertCost("3.10", "3.41", p.energyCost(), "energy");
        assertCost("0.50", "0.60", p.fixedCost(), "fixed");
        assertCost("0.00", "0.00", p.timeCost(), "time");
        assertExact("12.345", p.totalEnergyKwh());
    }

    @Test
    void tariff_4_on_a_saturday_charges_the_weekend_rate_at_32_a_and_saturday_parking() throws IOException {
        TariffData tariff = example("tariff_4_complex.json");
        // Saturday 2024-03-09. Charging 09:00:00-10:17:30 at 32 A: max_current 32 is exclusive, so the
        // 1.00/h element does not hold; min_current 32 on SATURDAY/SUNDAY does: TIME 1.25/h, vat 20.
        // Parked 10:17:30-11:00:00: PARKING 6.00/h, vat 10 (Saturday 10:00-17:00), step 300.
        // Parking is billed last, so it alone is rounded: 2550 s -> 2700 s = 0.75 h -> 4.50; incl 4.95.
        // TIME not rounded: 4650 s = 1.291667 h x 1.25 = 1.614583 -> 1.61; incl x1.2 = 1.9375 -> 1.94.
        // FLAT 2.50, vat 15 -> 2.875. Total 8.614583 -> 8.61; incl 9.7625 -> 9.76.
        Pricing.Slice charge = charging("2024-03-09T09:00:00", "2024-03-09T10:17:30", "11", null, "32");
        Pricing.Slice park = parked("2024-03-09T10:17:30", "2024-03-09T11:00:00");
        Pricing.Priced p = price(tariff, charge, park);
        assertCost("8.61", "9.76", p.total(), "total");
        assertCost("1.61", "1.94", p.timeCost(), "time");
        assertCost("4.50", "4.95", p.parkingCost(), "parking");
        assertCost("2.50", "2.88", p.fixedCost(), "fixed");
        assertCost("0.00", "0.00", p.energyCost(), "energy");
        // 2550 s parked = 0.70833 h; the session 7200 s = 2 h
        assertHours("0.708", p.totalParkingHours());
        assertHours("2.000", p.totalTimeHours());
    }

    @Test
    void tariff_4_on_a_weekday_charges_the_low_current_rate_and_no_parking_after_six() throws IOException {
        TariffData tariff = example("tariff_4_complex.json");
        // Monday 2024-03-11. Charging 16:00:00-17:46:40 at 16 A (< max_current 32): TIME 1.00/h, vat 20.
        // Parked 17:46:40-18:30:00: 17:46:40-18:00 = 800 s at PARKING 5.00/h, vat 10 (weekdays
        // 09:00-18:00, step 300); after 18:00 no parking element holds: free.
        // Parking billed last -> rounded: 800 s -> 900 s = 0.25 h -> 1.25; incl 1.375.
        // TIME not rounded: 6400 s = 1.777778 h -> 1.777778; incl 2.133333.
        // FLAT 2.50 -> 2.875. Total 5.527778 -> 5.53; incl 6.383333 -> 6.38.
        Pricing.Slice charge = charging("2024-03-11T16:00:00", "2024-03-11T17:46:40", "9", null, "16");
        Pricing.Slice park = parked("2024-03-11T17:46:40", "2024-03-11T18:30:00");
        Pricing.Priced p = price(tariff, charge, park);
        assertCost("5.53", "6.38", p.total(), "total");
        assertCost("1.78", "2.13", p.timeCost(), "time");
        assertCost("1.25", "1.38", p.parkingCost(), "parking");
        assertCost("2.50", "2.88", p.fixedCost(), "fixed");
        // 800 + 1800 s parked = 0.72222 h; the session 9000 s = 2.5 h
        assertHours("0.722", p.totalParkingHours());
        assertHours("2.500", p.totalTimeHours());
    }

    @Test
    void tariff_5_is_free_of_charge_whatever_the_session() throws IOException {
        TariffData tariff = example("tariff_5_free_of_charge.json");
        // FLAT 0.00, no vat: three hours charging 20 kWh and an hour parked cost 0.00.
        Pricing.Slice charge = charging("2024-03-04T18:00:00", "2024-03-04T21:00:00", "20");
        Pricing.Slice park = parked("2024-03-04T21:00:00", "2024-03-04T22:00:00");
        Pricing.Priced p = price(tariff, charge, park);
        assertCost("0.00", "0.00", p.total(), "total");
        assertCost("0.00", "0.00", p.fixedCost(), "fixed");
        assertExact("20", p.totalEnergyKwh());
        assertHours("4.000", p.totalTimeHours());
        assertHours("1.000", p.totalParkingHours());
    }

    @Test
    void tariff_6_caps_the_total_at_its_max_price() throws IOException {
        TariffData tariff = example("tariff_6_025kwh_start_max_price.json");
        // ENERGY 0.25/kWh vat 10, FLAT 0.50 vat 20, max_price 10.00 / 11.00.
        // 50 kWh -> 12.50 (incl 13.75) + 0.50 (0.60) = 13.00 (14.35) > 10.00 -> 10.00 / 11.00.
        Pricing.Priced capped = price(tariff, charging("2019-03-05T08:00:00", "2019-03-05T12:00:00", "50"));
        assertCost("10.00", "11.00", capped.total(), "capped total");
        assertCost("12.50", "13.75", capped.energyCost(), "energy (the dimension is not capped)");
        assertCost("0.50", "0.60", capped.fixedCost(), "fixed");
        // 20 kWh -> 5.00 (5.50) + 0.50 (0.60) = 5.50 / 6.10, below the cap.
        Pricing.Priced below = price(tariff, charging("2019-03-05T08:00:00", "2019-03-05T10:00:00", "20"));
        assertCost("5.50", "6.10", below.total(), "total below the cap");
    }

    @Test
    void tariff_8_bills_energy_only_by_the_watt_hour() throws IOException {
        TariffData tariff = example("tariff_8_simple_025kwh.json");
        // ENERGY 0.25/kWh, vat 10, step 1 Wh: 15.3417 kWh -> 15342 Wh -> 3.8355 -> 3.84;
        // incl 4.21905 -> 4.22. Nearly two hours of charging cost nothing for the time.
        Pricing.Priced p = price(tariff, charging("2024-03-04T21:39:09", "2024-03-04T23:37:32", "15.3417"));
        assertCost("3.84", "4.22", p.total(), "total");
        assertCost("3.84", "4.22", p.energyCost(), "energy");
        assertCost("0.00", "0.00", p.timeCost(), "time");
    }

    @Test
    void tariff_9_adds_a_start_fee_to_the_energy() throws IOException {
        TariffData tariff = example("tariff_9_025kwh_start.json");
        // ENERGY 0.25/kWh vat 10: 16 kWh -> 4.00 / 4.40; FLAT 0.50 vat 20 -> 0.60. Total 4.50 / 5.00.
        Pricing.Priced p = price(tariff, charging("2024-03-04T12:00:00", "2024-03-04T13:30:00", "16"));
        assertCost("4.50", "5.00", p.total(), "total");
        assertCost("4.00", "4.40", p.energyCost(), "energy");
        assertCost("0.50", "0.60", p.fixedCost(), "fixed");
    }

    @Test
    void tariff_10_charges_parking_by_the_started_quarter_but_not_charging_time() throws IOException {
        TariffData tariff = example("tariff_10_025kwh_parking_start.json");
        // Charging 10:00-12:00, 10 kWh: ENERGY 0.25 vat 10 -> 2.50 / 2.75 (time has no price).
        // Parked 12:00-12:40 = 2400 s, PARKING 2.00/h vat 20 step 900 -> 2700 s = 0.75 h -> 1.50 / 1.80.
        // FLAT 0.50 vat 20 -> 0.60. Total 4.50 / 5.15.
        Pricing.Slice charge = charging("2024-03-04T10:00:00", "2024-03-04T12:00:00", "10");
        Pricing.Slice park = parked("2024-03-04T12:00:00", "2024-03-04T12:40:00");
        Pricing.Priced p = price(tariff, charge, park);
        assertCost("4.50", "5.15", p.total(), "total");
        assertCost("2.50", "2.75", p.energyCost(), "energy");
        assertCost("1.50", "1.80", p.parkingCost(), "parking");
        assertCost("0.50", "0.60", p.fixedCost(), "fixed");
        assertCost("0.00", "0.00", p.timeCost(), "time");
        assertHours("0.667", p.totalParkingHours());
        assertHours("2.667", p.totalTimeHours());
    }

    @Test
    void tariff_11_charges_its_one_start_fee_and_time_in_five_minute_steps() throws IOException {
        TariffData tariff = example("tariff_11_not_possible_alt_text.json");
        // TIME 1.90/h vat 5.2 step 300: 10:00:00-11:30:10 = 5410 s -> 5700 s = 1.583333 h -> 3.008333
        // -> 3.01; incl x1.052 = 3.164767 -> 3.16. FLAT 0.40 vat 25 -> 0.50 (the one start fee the
        // tariff can say; the alt text's card-dependent fees are not expressible).
        // Total 3.408333 -> 3.41; incl 3.664767 -> 3.66.
        Pricing.Priced p = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T11:30:10", "14"));
        assertCost("3.41", "3.66", p.total(), "total");
        assertCost("3.01", "3.16", p.timeCost(), "time");
        assertCost("0.40", "0.50", p.fixedCost(), "fixed");
    }

    @Test
    void tariff_12_raises_a_small_total_to_its_min_price() throws IOException {
        TariffData tariff = example("tariff_12_025kwh_min_price.json");
        // ENERGY 0.25/kWh vat 10, min_price 0.50 / 0.55: 1.2 kWh -> 0.30 / 0.33 < 0.50 -> 0.50 / 0.55.
        Pricing.Priced small = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T10:20:00", "1.2"));
        assertCost("0.50", "0.55", small.total(), "total raised to the minimum");
        assertCost("0.30", "0.33", small.energyCost(), "energy (the dimension is not raised)");
        // 4 kWh -> 1.00 / 1.10, above the minimum.
        Pricing.Priced larger = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T11:00:00", "4"));
        assertCost("1.00", "1.10", larger.total(), "total above the minimum");
    }

    @Test
    void tariff_13_rounds_only_the_parking_billed_last_not_the_charging_time() throws IOException {
        TariffData tariff = example("tariff_13_simple_3hour_5parking.json");
        // Charging 10:00:00-11:20:40 = 4840 s, TIME 3.00/h vat 10 step 60; parked 11:20:40-11:30:50 =
        // 610 s, PARKING 5.00/h vat 20 step 300. Parking is billed last: 610 s -> 900 s = 0.25 h -> 1.25
        // / 1.50. TIME keeps 4840 s = 1.344444 h -> 4.033333 -> 4.03; incl 4.436667 -> 4.44 (rounded to
        // its step it would be 4860 s -> 4.05). Total 5.283333 -> 5.28; incl 5.936667 -> 5.94.
        Pricing.Slice charge = charging("2024-03-04T10:00:00", "2024-03-04T11:20:40", "20");
        Pricing.Slice park = parked("2024-03-04T11:20:40", "2024-03-04T11:30:50");
        Pricing.Priced p = price(tariff, charge, park);
        assertCost("5.28", "5.94", p.total(), "total");
        assertCost("4.03", "4.44", p.timeCost(), "time");
        assertCost("1.25", "1.50", p.parkingCost(), "parking");
        // 5450 s = 1.51389 h in all, 610 s = 0.16944 h parked
        assertHours("1.514", p.totalTimeHours());
        assertHours("0.169", p.totalParkingHours());
    }

    @Test
    void tariff_14_rounds_the_whole_charging_time_to_the_step_of_the_evening_price() throws IOException {
        TariffData tariff = example("tariff_14_step_size.json");
        // Charging 16:20:00-17:25:10 (no VAT anywhere: incl = excl):
        // 16:20-17:00 = 2400 s at TIME 1.20/h (00:00-17:00, step 1800);
        // 17:00-17:25:10 = 1510 s at TIME 2.40/h (17:00-20:00, step 900), the last component used.
        // All time 3910 s -> step 900 -> 4500 s; the 590 s added are billed at the last price:
        // 2400 s x 1.20 = 0.80; 2100 s x 2.40 = 1.40. Total 2.20.
        Pricing.Priced p = price(tariff, charging("2018-12-20T16:20:00", "2018-12-20T17:25:10", "8"));
        assertCost("2.20", "2.20", p.total(), "total");
        assertCost("2.20", "2.20", p.timeCost(), "time");
    }

    @Test
    void tariff_14_has_no_parking_price_after_eight_so_the_charging_time_is_rounded() throws IOException {
        TariffData tariff = example("tariff_14_step_size.json");
        // Charging 19:30-20:10: 19:30-20:00 = 1800 s at 2.40 (17:00-20:00), 20:00-20:10 = 600 s at 2.40
        // (20:00-00:00, step 900). Parked 20:10-21:00: the evening element has no PARKING_TIME: free, and
        // no parking line is billed, so TIME is billed last: 2400 s -> 2700 s = 0.75 h x 2.40 = 1.80.
        Pricing.Slice charge = charging("2018-12-20T19:30:00", "2018-12-20T20:10:00", "5");
        Pricing.Slice park = parked("2018-12-20T20:10:00", "2018-12-20T21:00:00");
        Pricing.Priced p = price(tariff, charge, park);
        assertCost("1.80", "1.80", p.total(), "total");
        assertCost("1.80", "1.80", p.timeCost(), "time");
        assertCost("0.00", "0.00", p.parkingCost(), "parking");
        assertHours("0.833", p.totalParkingHours());
        assertHours("1.500", p.totalTimeHours());
    }

    @Test
    void tariff_15_reservation_time_price_never_applies_to_a_session() throws IOException {
        TariffData tariff = example("tariff_15_reservation_5_euro_per_hour.json");
        // The TIME 5.00/h element is restricted to RESERVATION, which never holds here: charging time is
        // free. ENERGY 0.25 vat 10: 8 kWh -> 2.00 / 2.20; FLAT 0.50 vat 20 -> 0.60. Total 2.50 / 2.80.
        Pricing.Priced p = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T12:00:00", "8"));
        assertCost("2.50", "2.80", p.total(), "total");
        assertCost("0.00", "0.00", p.timeCost(), "time");
        assertCost("2.00", "2.20", p.energyCost(), "energy");
        assertCost("0.50", "0.60", p.fixedCost(), "fixed");
    }

    @Test
    void tariff_16_reservation_fee_never_applies_the_start_fee_does() throws IOException {
        TariffData tariff = example("tariff_16_reservation_2_euro_fee_5_euro_per_hour.json");
        // The reservation element (FLAT 2.00, TIME 5.00/h) never holds here; the FLAT charged is the
        // next element's 0.50 (vat 20 -> 0.60), not 2.00. ENERGY 12 kWh x 0.25 = 3.00 / 3.30.
        // Total 3.50 / 3.90.
        Pricing.Priced p = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T11:30:00", "12"));
        assertCost("3.50", "3.90", p.total(), "total");
        assertCost("0.50", "0.60", p.fixedCost(), "fixed");
        assertCost("0.00", "0.00", p.timeCost(), "time");
        assertCost("3.00", "3.30", p.energyCost(), "energy");
    }

    @Test
    void tariff_17_expire_fee_and_reservation_time_never_apply() throws IOException {
        TariffData tariff = example("tariff_17_reservation_with_expire_fee.json");
        // FLAT 4.00 (RESERVATION_EXPIRES) and TIME 2.00/h (RESERVATION) never hold here.
        // FLAT 0.50 -> 0.60; ENERGY 6 kWh x 0.25 = 1.50 / 1.65. Total 2.00 / 2.25.
        Pricing.Priced p = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T10:45:00", "6"));
        assertCost("2.00", "2.25", p.total(), "total");
        assertCost("0.50", "0.60", p.fixedCost(), "fixed");
        assertCost("0.00", "0.00", p.timeCost(), "time");
    }

    @Test
    void tariff_18_reservation_time_prices_never_apply() throws IOException {
        TariffData tariff = example("tariff_18_reservation_with_expire_time.json");
        // TIME 6.00/h (RESERVATION_EXPIRES) and 3.00/h (RESERVATION) never hold here: time is free.
        // ENERGY 30 kWh x 0.25 = 7.50 / 8.25; FLAT 0.50 / 0.60. Total 8.00 / 8.85.
        Pricing.Priced p = price(tariff, charging("2024-03-04T09:00:00", "2024-03-04T12:00:00", "30"));
        assertCost("8.00", "8.85", p.total(), "total");
        assertCost("0.00", "0.00", p.timeCost(), "time");
        assertCost("7.50", "8.25", p.energyCost(), "energy");
    }

    @Test
    void the_put_example_tariff_bills_time_by_the_started_five_minutes() throws IOException {
        TariffData tariff = example("tariff_put_example.json");
        // TIME 2.00/h vat 10 step 300: 10:00:00-10:45:01 = 2701 s -> 3000 s = 0.833333 h -> 1.666667
        // -> 1.67; incl 1.833333 -> 1.83.
        Pricing.Priced p = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T10:45:01", "7"));
        assertCost("1.67", "1.83", p.total(), "total");
        assertCost("1.67", "1.83", p.timeCost(), "time");
    }

    // ---------------------------------------------------------------- the spec's example CDR

    @Test
    void the_example_cdr_is_reproduced_from_its_own_tariff() throws IOException {
        String text = Files.readString(EXAMPLES.resolve("cdr_example.json"));
        JsonObject cdr;
        try (var reader = Json.createReader(new StringReader(text))) {
            cdr = reader.readObject();
        }
        String inlineTariff = cdr.getJsonArray("tariffs").getJsonObject(0).toString();
        TariffData tariff = LocationJson.read(inlineTariff, TariffData.class);
        Instant start = Instant.parse(cdr.getString("start_date_time"));
        Instant end = Instant.parse(cdr.getString("end_date_time"));
        BigDecimal energy = cdr.getJsonNumber("total_energy").bigDecimalValue();
        // TIME 2.00/h vat 10 step 300: 21:39:09-23:37:32 = 7103 s -> 7200 s = 2 h -> 4.00; incl 4.40.
        Pricing.Slice session = new Pricing.Slice(start, end, energy, true, null, null);
        Pricing.Priced p = Pricing.price(tariff, ZoneId.of("Europe/Brussels"), List.of(session));
        assertCost("4.00", "4.40", p.total(), "total_cost");
        assertCost("4.00", "4.40", p.timeCost(), "total_time_cost");
        assertCost(cdr.getJsonObject("total_cost"), p.total(), "total_cost as the CDR says");
        assertCost(cdr.getJsonObject("total_time_cost"), p.timeCost(), "total_time_cost as the CDR says");
        // 7103 s = 1.97306 h
        assertHours("1.973", p.totalTimeHours());
        assertHours(cdr.getJsonNumber("total_time").bigDecimalValue().toPlainString(), p.totalTimeHours());
        assertExact("15.342", p.totalEnergyKwh());
        assertEquals(1, p.periods().size(), "one charging period");
        assertEquals(start, p.periods().get(0).start());
        assertHours("1.973", volume(p.periods().get(0), "TIME"));
    }

    // ---------------------------------------------------------------- single rules

    @Test
    void energy_is_billed_rounded_up_to_the_energy_step() {
        // 115.2 Wh at 0.25/kWh, vat 10:
        // step 1 Wh -> 116 Wh = 0.116 kWh -> 0.029; incl 0.0319
        Pricing.Slice small = charging("2024-03-04T10:00:00", "2024-03-04T10:10:00", "0.1152");
        Pricing.Priced byTheWh = price(energyTariff(1), small);
        assertExact("0.029", byTheWh.energyCost().exclVat());
        assertExact("0.0319", byTheWh.energyCost().inclVat());
        // step 500 Wh -> 500 Wh -> 0.125; incl 0.1375
        Pricing.Priced byTheHalfKwh = price(energyTariff(500), small);
        assertExact("0.125", byTheHalfKwh.energyCost().exclVat());
        assertExact("0.1375", byTheHalfKwh.total().inclVat());
        // step 0: no rounding -> 0.0288; incl 0.03168 -> 0.0317 (4 places)
        Pricing.Priced exact = price(energyTariff(0), small);
        assertExact("0.0288", exact.total().exclVat());
        assertExact("0.0317", exact.total().inclVat());
        // what is billed does not change what was measured
        assertExact("0.1152", byTheHalfKwh.totalEnergyKwh());
    }

    @Test
    void a_night_rate_from_22_00_to_06_00_spans_midnight_in_the_locations_zone() {
        TariffData tariff = tariff("""
                [{"price_components": [{"type": "TIME", "price": 4.00, "vat": 21.0, "step_size": 1}],
                  "restrictions": {"start_time": "22:00", "end_time": "06:00"}},
                 {"price_components": [{"type": "TIME", "price": 2.00, "vat": 21.0, "step_size": 1}]}]
                """);
        // Berlin, Monday 21:00 to Tuesday 07:00: 21-22 1 h x 2.00 = 2.00; 22-24 2 h x 4.00 = 8.00;
        // 00-06 6 h x 4.00 = 24.00; 06-07 1 h x 2.00 = 2.00. Total 36.00; VAT 21% -> 43.56.
        Pricing.Priced night = price(tariff, charging("2024-01-15T21:00:00", "2024-01-16T07:00:00", "30"));
        assertCost("36.00", "43.56", night.total(), "overnight");
        // 05:00-07:00 in Berlin is 04:00-06:00 UTC: in Berlin 1 h x 4.00 + 1 h x 2.00 = 6.00 (7.26);
        // evaluated in UTC both hours are at night: 2 h x 4.00 = 8.00 (9.68).
        Pricing.Slice morning = charging("2024-01-16T05:00:00", "2024-01-16T07:00:00", "10");
        Pricing.Priced inBerlin = Pricing.price(tariff, BERLIN, List.of(morning));
        Pricing.Priced inUtc = Pricing.price(tariff, ZoneOffset.UTC, List.of(morning));
        assertCost("6.00", "7.26", inBerlin.total(), "morning in Berlin");
        assertCost("8.00", "9.68", inUtc.total(), "the same in UTC");
    }

    @Test
    void a_weekend_rate_ends_at_midnight_into_monday() {
        TariffData tariff = tariff("""
                [{"price_components": [{"type": "TIME", "price": 3.00, "step_size": 1}],
                  "restrictions": {"day_of_week": ["SATURDAY", "SUNDAY"]}},
                 {"price_components": [{"type": "TIME", "price": 2.00, "step_size": 1}]}]
                """);
        // Sunday 2024-03-10 23:00 to Monday 01:00: 1 h x 3.00 + 1 h x 2.00 = 5.00; no VAT -> 5.00.
        Pricing.Priced p = price(tariff, charging("2024-03-10T23:00:00", "2024-03-11T01:00:00", "15"));
        assertCost("5.00", "5.00", p.total(), "total");
    }

    @Test
    void an_energy_threshold_inside_one_slice_switches_the_price_where_the_energy_reaches_it() {
        TariffData tariff = tariff("""
                [{"price_components": [{"type": "ENERGY", "price": 0.20, "vat": 10.0, "step_size": 1}],
                  "restrictions": {"max_kwh": 10}},
                 {"price_components": [{"type": "ENERGY", "price": 0.30, "vat": 10.0, "step_size": 1}],
                  "restrictions": {"min_kwh": 10}}]
                """);
        // 16 kWh evenly over 10:00-11:00: 10 kWh are reached after 10/16 h = 2250 s, at 10:37:30.
        // The first 10 kWh at 0.20 = 2.00, the remaining 6 kWh (max_kwh exclusive, min_kwh inclusive)
        // at 0.30 = 1.80. Total 3.80; VAT 10% -> 4.18.
        Pricing.Priced p = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T11:00:00", "16"));
        assertCost("3.80", "4.18", p.total(), "total");
        assertCost("3.80", "4.18", p.energyCost(), "energy");
        assertEquals(2, p.periods().size(), "one period per price");
        assertEquals(at("2024-03-04T10:37:30"), p.periods().get(1).start());
        assertExact("10", volume(p.periods().get(0), "ENERGY"));
        assertExact("6", volume(p.periods().get(1), "ENERGY"));
    }

    @Test
    void duration_thresholds_switch_the_time_price_as_the_session_goes_on() {
        TariffData tariff = tariff("""
                [{"price_components": [{"type": "TIME", "price": 1.00, "step_size": 1}],
                  "restrictions": {"max_duration": 3600}},
                 {"price_components": [{"type": "TIME", "price": 5.00, "step_size": 1}],
                  "restrictions": {"min_duration": 7200}},
                 {"price_components": [{"type": "TIME", "price": 2.00, "step_size": 1}]}]
                """);
        // One slice 10:00-12:30: first hour 1.00 (max_duration exclusive), second hour 2.00, the last
        // half hour from 7200 s on (min_duration inclusive) 0.5 h x 5.00 = 2.50. Total 5.50; no VAT.
        Pricing.Priced p = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T12:30:00", "20"));
        assertCost("5.50", "5.50", p.total(), "total");
        assertCost("5.50", "5.50", p.timeCost(), "time");
    }

    @Test
    void a_power_restriction_does_not_hold_where_the_power_is_unknown() {
        TariffData tariff = tariff("""
                [{"price_components": [{"type": "ENERGY", "price": 0.40, "step_size": 1}],
                  "restrictions": {"min_power": 22}},
                 {"price_components": [{"type": "ENERGY", "price": 0.30, "step_size": 1}]}]
                """);
        // 10 kWh: power unknown -> the fast rate does not hold -> 0.30 -> 3.00.
        Pricing.Slice unknown = charging("2024-03-04T10:00:00", "2024-03-04T11:00:00", "10");
        assertCost("3.00", "3.00", price(tariff, unknown).total(), "power unknown");
        // at 50 kW (>= 22) -> 0.40 -> 4.00; at 11 kW -> 0.30 -> 3.00.
        Pricing.Slice fast = charging("2024-03-04T10:00:00", "2024-03-04T10:12:00", "10", "50", null);
        Pricing.Slice slow = charging("2024-03-04T10:00:00", "2024-03-04T11:00:00", "10", "11", null);
        assertCost("4.00", "4.00", price(tariff, fast).total(), "50 kW");
        assertCost("3.00", "3.00", price(tariff, slow).total(), "11 kW");
    }

    @Test
    void a_current_restriction_does_not_hold_where_the_current_is_unknown() throws IOException {
        TariffData tariff = example("tariff_4_complex.json");
        // tariff 4 prices TIME only under max_current 32 or min_current 32: with the current unknown none
        // holds, so a Monday 10:00-11:00 session pays only FLAT 2.50 (vat 15 -> 2.875).
        Pricing.Priced p = price(tariff, charging("2024-03-11T10:00:00", "2024-03-11T11:00:00", "7"));
        assertExact("0", p.timeCost().exclVat());
        assertExact("2.5", p.total().exclVat());
        assertExact("2.875", p.total().inclVat());
    }

    @Test
    void a_component_without_vat_adds_none() {
        TariffData tariff = tariff("""
                [{"price_components": [{"type": "FLAT", "price": 1.00, "vat": 20.0, "step_size": 1},
                                       {"type": "ENERGY", "price": 0.30, "step_size": 1}]}]
                """);
        // FLAT 1.00 vat 20 -> 1.20; ENERGY 10 kWh x 0.30 = 3.00, no vat -> 3.00. Total 4.00 / 4.20.
        Pricing.Priced p = price(tariff, charging("2024-03-04T10:00:00", "2024-03-04T11:00:00", "10"));
        assertCost("4.00", "4.20", p.total(), "total");
        assertCost("3.00", "3.00", p.energyCost(), "energy without VAT");
        assertCost("1.00", "1.20", p.fixedCost(), "fixed with VAT");
    }

    @Test
    void min_price_and_max_price_without_vat_bound_the_total_at_its_own_vat_rate() {
        String json = """
                {"country_code": "DE", "party_id": "ALL", "id": "bounds", "currency": "EUR",
                 "min_price": {"excl_vat": 2.00}, "max_price": {"excl_vat": 5.00},
                 "elements": [{"price_components": [{"type": "ENERGY", "price": 0.30, "vat": 20.0, "step_size": 1}]}],
                 "last_updated": "2024-01-01T00:00:00Z"}
                """;
        TariffData tariff = LocationJson.read(json, TariffData.class);
        // ENERGY 0.30/kWh, vat 20 (incl = 1.2 x excl).
        // 1 kWh -> 0.30 / 0.36 < 2.00 -> 2.00; incl 2.00 x 1.2 = 2.40.
        Pricing.Slice little = charging("2024-03-04T10:00:00", "2024-03-04T10:10:00", "1");
        assertCost("2.00", "2.40", price(tariff, little).total(), "raised");
        // 10 kWh -> 3.00 / 3.60, within the bounds.
        Pricing.Slice some = charging("2024-03-04T10:00:00", "2024-03-04T11:00:00", "10");
        assertCost("3.00", "3.60", price(tariff, some).total(), "within");
        // 20 kWh -> 6.00 / 7.20 > 5.00 -> 5.00; incl 5.00 x 1.2 = 6.00.
        Pricing.Slice much = charging("2024-03-04T10:00:00", "2024-03-04T12:00:00", "20");
        assertCost("5.00", "6.00", price(tariff, much).total(), "capped");
    }

    // ---------------------------------------------------------------- helpers

    private static TariffData example(String file) throws IOException {
        assertTrue(PRICED.contains(file), file + " is listed as priced");
        return LocationJson.read(Files.readString(EXAMPLES.resolve(file)), TariffData.class);
    }

    /** A tariff in EUR with the given elements (JSON array). */
    private static TariffData tariff(String elements) {
        String json = """
                {"country_code": "DE", "party_id": "ALL", "id": "test", "currency": "EUR",
                 "elements": %s, "last_updated": "2024-01-01T00:00:00Z"}
                """;
        return LocationJson.read(json.formatted(elements), TariffData.class);
    }

    /** ENERGY 0.25/kWh, vat 10, with the given step (Wh). */
    private static TariffData energyTariff(int stepWh) {
        String elements = """
                [{"price_components": [{"type": "ENERGY", "price": 0.25, "vat": 10.0, "step_size": %d}]}]
                """;
        return tariff(elements.formatted(stepWh));
    }

    /** A wall-clock time in Berlin. */
    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Pricing.Slice charging(String from, String to, String kwh) {
        return charging(from, to, kwh, null, null);
    }

    private static Pricing.Slice charging(String from, String to, String kwh, String maxKw, String maxAmps) {
        return new Pricing.Slice(at(from), at(to), new BigDecimal(kwh), true, decimal(maxKw), decimal(maxAmps));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Pricing.Slice parked(String from, String to) {
        return new Pricing.Slice(at(from), at(to), BigDecimal.ZERO, false, null, null);
    }

    private static Pricing.Priced price(TariffData tariff, Pricing.Slice... slices) {
        return Pricing.price(tariff, BERLIN, List.of(slices));
    }

    private static BigDecimal volume(Pricing.Period period, String type) {
        return period.dimensions().stream()
                .filter(d -> d.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + period))
                .volume();
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The cost to the cent, without and with VAT. */
    private static void assertCost(String exclVat, String inclVat, Pricing.Cost cost, String what) {
        assertEquals(cents(new BigDecimal(exclVat)), cents(cost.exclVat()), what + " excl. VAT");
        assertEquals(cents(new BigDecimal(inclVat)), cents(cost.inclVat()), what + " incl. VAT");
    }

    /** The cost to the cent as an OCPI Price object ({@code excl_vat}, {@code incl_vat}) states it. */
    private static void assertCost(JsonObject price, Pricing.Cost cost, String what) {
        BigDecimal exclVat = price.getJsonNumber("excl_vat").bigDecimalValue();
        BigDecimal inclVat = price.getJsonNumber("incl_vat").bigDecimalValue();
        assertCost(exclVat.toPlainString(), inclVat.toPlainString(), cost, what);
    }

    private static void assertExact(String expected, BigDecimal actual) {
        int order = new BigDecimal(expected).compareTo(actual);
        assertEquals(0, order, () -> "expected " + expected + " but was " + actual);
    }

    /** Hours to three decimals, as OCPI shows them. */
    private static void assertHours(String expected, BigDecimal actual) {
        BigDecimal wanted = new BigDecimal(expected).setScale(3, RoundingMode.HALF_UP);
        assertEquals(wanted, actual.setScale(3, RoundingMode.HALF_UP), "hours");
    }
}
