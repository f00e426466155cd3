package io.csms.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyRegisterTest {

    private static MeterReading.Sample sample(String value, String unit) {
        return new MeterReading.Sample(Instant.EPOCH, value, null, null, null, null, null, unit);
    }

    @Test
    void the_latest_register_reading_in_whole_wh() {
        assertEquals(12_345, EnergyRegister.latestWh(List.of(sample("1000", "Wh"), sample("12.3456", "kWh"))));
        assertNull(EnergyRegister.latestWh(List.of()));
    }

    /** A value stored before the door checked values (review H4) is skipped, not computed for minutes. */
    @Test
    void a_value_that_is_no_plain_decimal_is_skipped_at_once() {
        assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> assertEquals(
                        500,
                        EnergyRegister.latestWh(List.of(
                                sample("500", "Wh"), sample("1E+600000000", "kWh"), sample("1E+30000000", "kWh")))));
        assertNull(EnergyRegister.latestWh(List.of(sample("99999999999999", "kWh"))), "beyond an int of Wh");
    }
}
