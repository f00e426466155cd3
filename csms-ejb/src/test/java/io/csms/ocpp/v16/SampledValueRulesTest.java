package io.csms.ocpp.v16;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.csms.ocpp.rpc.ErrorCode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sampled values are bounded plain decimals (review H4): nothing a charger sends can cost CPU on later reads. */
class SampledValueRulesTest {

    private static SampledValueRules rules() {
        SampledValueRules rules = new SampledValueRules();
        rules.energyPattern = "-?\\d{1,15}(\\.\\d{1,6})?";
        rules.maxEnergyWh = new BigDecimal("1000000000000");
        rules.maxSignedLength = 5000;
        rules.maxValues = 500;
        rules.compile();
        return rules;
    }

    private static List<MeterValue> one(String value, String measurand, String unit, String format) {
        return List.of(new MeterValue(
                OffsetDateTime.parse("2026-12-01T08:00:00Z"),
                List.of(new SampledValue(value, null, format, measurand, null, null, unit))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "1234.5, null, null",
                "1234.5, Energy.Active.Import.Register, Wh",
                "12.345678, Energy.Active.Import.Register, kWh",
                "999999999.999999, Energy.Active.Import.Register, kWh",
                "-5, Energy.Active.Export.Register, Wh",
                "230.12, Voltage, V",
                "229.89999389648438, Voltage, V",
                "+16, Current.Import, A",
                "80, SoC, Percent",
            })
    void plain_bounded_decimals_pass(String value, String measurand, String unit) {
        assertDoesNotThrow(() -> rules().check(one(value, measurand, unit, null)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "1E+600000000, Energy.Active.Import.Register, kWh",
                "1E+600000000, null, null",
                "1e3, Voltage, V",
                "NaN, Voltage, V",
                "0x10, SoC, Percent",
                "1000000000000.5, Energy.Active.Import.Register, Wh",
                "1000000000.1, Energy.Active.Import.Register, kWh",
                "1234.1234567, Energy.Active.Import.Register, Wh",
                "'', Energy.Active.Import.Register, Wh",
                "12 345, Energy.Active.Import.Register, Wh",
            })
    void exponents_and_unbounded_or_malformed_values_are_a_property_constraint_violation(
            String value, String measurand, String unit) {
        PayloadViolation violation =
                assertThrows(PayloadViolation.class, () -> rules().check(one(value, measurand, unit, null)));
        assertEquals(ErrorCode.PropertyConstraintViolation, violation.code());
    }

    @org.junit.jupiter.api.Test
    void signed_data_is_kept_whole_up_to_its_limit_and_a_message_has_a_bounded_number_of_values() {
        assertDoesNotThrow(() -> rules().check(one("OCMF|{...}|{...}".repeat(100), null, null, "SignedData")));
        assertThrows(PayloadViolation.class, () -> rules().check(one("x".repeat(5001), null, null, "SignedData")));
        List<SampledValue> many =
                Collections.nCopies(501, new SampledValue("1", null, null, "Voltage", null, null, "V"));
        assertThrows(
                PayloadViolation.class,
                () -> rules().check(List.of(new MeterValue(OffsetDateTime.parse("2026-12-01T08:00:00Z"), many))));
    }
}
