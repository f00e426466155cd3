package io.csms.roaming.cdrs;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.location.LocationData;
import io.csms.roaming.sessions.RoamingSessions;
import io.csms.transaction.ChargingTransaction;
import io.csms.transaction.MeterReading;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The business rules a session must keep before its CDR is sent. */
class CdrRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    /** 230 V × 16 A × 3 phases: 11.04 kW. */
    private static final LocationData.Connector AC_11_KW = new LocationData.Connector(
            "1",
            LocationData.ConnectorType.IEC_62196_T2,
            LocationData.ConnectorFormat.SOCKET,
            LocationData.PowerType.AC_3_PHASE,
            230,
            16,
            null,
            null,
            null,
            T0);

    private static ChargingTransaction session(int meterStart, int meterStop, long seconds) {
        ChargingTransaction t = new ChargingTransaction("CP", 1, "TAG", meterStart, T0, null, null);
        t.stop(meterStop, T0.plusSeconds(seconds), "Local", null);
        return t;
    }

    private static MeterReading register(long seconds, int wh) {
        return new MeterReading(
                "CP",
                1,
                1,
                new MeterReading.Sample(
                        T0.plusSeconds(seconds), Integer.toString(wh), null, null, null, null, null, "Wh"));
    }

    @Test
    void an_ordinary_session_breaks_no_rule() {
        assertNull(Cdrs.broken(
                session(1000, 11_000, 3600), new BigDecimal("10"), AC_11_KW, List.of(register(1800, 6000))));
    }

    @Test
    void more_energy_than_the_connector_can_deliver_in_the_time_is_held() {
        String problem = Cdrs.broken(session(0, 20_000, 3600), new BigDecimal("20"), AC_11_KW, List.of());
        assertTrue(problem != null && problem.contains("11.04 kW"), problem);
        assertNull(
                Cdrs.broken(session(0, 12_000, 3600), new BigDecimal("12"), AC_11_KW, List.of()),
                "within 10 % of the connector's power");
    }

    @Test
    void a_stop_below_the_start_or_below_a_meter_value_is_held() {
        String below = Cdrs.broken(session(5000, 4000, 600), BigDecimal.ZERO, AC_11_KW, List.of());
        assertTrue(below != null && below.contains("below the meter start"), below);
        String overtaken =
                Cdrs.broken(session(1000, 2000, 600), BigDecimal.ONE, AC_11_KW, List.of(register(300, 2500)));
        assertTrue(overtaken != null && overtaken.contains("above the meter stop"), overtaken);
    }

    @Test
    void energy_the_meter_values_do_not_add_up_to_is_held() {
        String problem = Cdrs.broken(
                session(1000, 11_000, 3600), new BigDecimal("9.5"), AC_11_KW, List.of(register(1800, 6000)));
        assertTrue(problem != null && problem.contains("meter start and stop to 10 kWh"), problem);
    }

    @Test
    void a_cdr_billing_less_than_the_last_session_update_is_held() {
        var told = Optional.of(new RoamingSessions.Reported(new BigDecimal("6.000"), new BigDecimal("1.8")));
        assertNull(Cdrs.unreconciled(new BigDecimal("6"), new BigDecimal("1.80"), "EUR", told), "equal totals agree");
        assertNull(Cdrs.unreconciled(BigDecimal.ONE, BigDecimal.ZERO, "EUR", Optional.empty()), "never told");
        String energy = Cdrs.unreconciled(new BigDecimal("5.9"), new BigDecimal("2"), "EUR", told);
        assertTrue(energy != null && energy.contains("5.9 kWh is less than the 6 kWh"), energy);
        String cost = Cdrs.unreconciled(new BigDecimal("7"), new BigDecimal("1.75"), "EUR", told);
        assertTrue(cost != null && cost.contains("1.75 EUR is less than the 1.8"), cost);
    }

    @Test
    void signed_meter_values_are_carried_over_as_ocmf_start_and_end() {
        String begin = "OCMF|{\"FV\":\"1.0\",\"RD\":[{\"RV\":\"1.000\",\"RU\":\"kWh\"}]}|{\"SD\":\"3045A1\"}";
        String end = "OCMF|{\"FV\":\"1.0\",\"RD\":[{\"RV\":\"6.000\",\"RU\":\"kWh\"}]}|{\"SD\":\"3045B2\"}";
        CdrData.SignedData signed = Cdrs.signed(List.of(
                signedReading(0, "Transaction.Begin", begin),
                register(300, 3000),
                signedReading(600, "Transaction.End", end),
                signedReading(600, "Transaction.End", "x".repeat(5001))));
        assertTrue(signed != null && signed.encodingMethod().equals("OCMF"), String.valueOf(signed));
        assertTrue(signed.signedValues().size() == 2, "a value too long to carry is left out, never cut");
        CdrData.SignedValue start = signed.signedValues().get(0);
        assertTrue(start.nature().equals("Start") && start.signedData().equals(begin), start.toString());
        assertTrue(start.plainData().startsWith("{\"FV\""), start.plainData());
        assertTrue(signed.signedValues().get(1).nature().equals("End"));
        assertNull(Cdrs.signed(List.of(register(300, 3000))), "no signed values, no signed_data");
    }

    private static MeterReading signedReading(long seconds, String context, String value) {
        return new MeterReading(
                "CP",
                1,
                1,
                new MeterReading.Sample(T0.plusSeconds(seconds), value, context, "SignedData", null, null, null, null));
    }
}
