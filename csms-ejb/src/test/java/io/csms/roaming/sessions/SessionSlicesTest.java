package io.csms.roaming.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.tariff.Pricing;
import io.csms.transaction.ChargingTransaction;
import io.csms.transaction.MeterReading;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A transaction becomes slices between its energy register readings: charging while energy flowed, parked while not. */
class SessionSlicesTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private static MeterReading reading(long seconds, String measurand, String value, String unit) {
        return new MeterReading(
                "CP",
                1,
                7,
                new MeterReading.Sample(T0.plusSeconds(seconds), value, null, null, measurand, null, null, unit));
    }

    @Test
    void readings_cut_the_session_and_a_pause_is_parking() {
        ChargingTransaction t = new ChargingTransaction("CP", 1, "TAG", 1000, T0, null, null);
        t.stop(4000, T0.plusSeconds(900), "Local", null);
        List<Pricing.Slice> slices = RoamingSessions.slices(
                t,
                List.of(
                        reading(300, "Energy.Active.Import.Register", "2500", "Wh"),
                        reading(300, "Power.Active.Import", "11000", "W"),
                        reading(600, "Energy.Active.Import.Register", "2.5", "kWh"),
                        reading(700, "Voltage", "230", "V")));
        assertEquals(3, slices.size());
        assertEquals(0, new BigDecimal("1.5").compareTo(slices.get(0).energyKwh()));
        assertTrue(slices.get(0).charging());
        assertEquals(0, new BigDecimal("11").compareTo(slices.get(0).maxPowerKw()), "11 kW sampled in the first slice");
        assertFalse(slices.get(1).charging(), "no energy from 5 to 10 minutes: parked");
        assertNull(slices.get(1).maxPowerKw());
        assertEquals(0, new BigDecimal("1.5").compareTo(slices.get(2).energyKwh()), "to the stop's 4000 Wh");
        assertEquals(T0.plusSeconds(900), slices.get(2).end());
    }

    @Test
    void a_running_session_ends_at_its_latest_reading_and_a_register_going_back_counts_nothing() {
        ChargingTransaction t = new ChargingTransaction("CP", 1, "TAG", 1000, T0, null, null);
        List<Pricing.Slice> slices = RoamingSessions.slices(
                t,
                List.of(reading(60, "Energy.Active.Import.Register", "900", "Wh"), reading(120, null, "1600", "Wh")));
        assertEquals(2, slices.size());
        assertEquals(0, slices.get(0).energyKwh().signum(), "a register below the start is no negative energy");
        assertEquals(0, new BigDecimal("0.6").compareTo(slices.get(1).energyKwh()));
        assertEquals(T0.plusSeconds(120), slices.get(1).end());
    }
}
