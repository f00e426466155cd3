package io.csms.ocpp.v16;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.csms.ocpp.rpc.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadValidatorTest {

    private static final String START = """
            {"connectorId": 1, "idTag": "TAG-1", "meterStart": 1200, "timestamp": "2026-11-21T08:00:00Z"}""";

    private static final String METER_VALUES = """
            {"connectorId": 1, "transactionId": 7, "meterValue": [{"timestamp": "2026-11-21T08:05:00+01:00",
              "sampledValue": [{"value": "1234.5", "measurand": "Energy.Active.Import.Register", "unit": "Wh"},
                               {"value": "21.5", "measurand": "Temperature", "unit": "Celcius"},
                               {"value": "22", "measurand": "Temperature", "unit": "Celsius"}]}]}""";

    @Test
    void accepts_what_the_schemas_accept() {
        assertDoesNotThrow(() -> PayloadValidator.validate(json(START), StartTransactionRequest.class));
        assertDoesNotThrow(() -> PayloadValidator.validate(json(METER_VALUES), MeterValuesRequest.class));
        assertDoesNotThrow(() -> PayloadValidator.validate(json("{}"), HeartbeatRequest.class));
    }

    /** OCPP 1.6 decimals with {@code multipleOf} (8.1 A, schema multipleOf 0.1) must not fail on float rounding. */
    @Test
    void accepts_decimal_limits_exactly_as_sent() {
        String profile = """
                {"connectorId": 1, "csChargingProfiles": {"chargingProfileId": 1, "stackLevel": 0,
                  "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Absolute",
                  "chargingSchedule": {"chargingRateUnit": "A",
                    "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 8.1}, {"startPeriod": 600, "limit": 16.3}]}}}""";
        assertDoesNotThrow(() ->
                PayloadValidator.validate(json(profile), io.csms.ocpp.v16.outgoing.SetChargingProfileRequest.class));
        PayloadViolation violation = assertThrows(
                PayloadViolation.class,
                () -> PayloadValidator.validate(
                        json(profile.replace("\"limit\": 8.1", "\"limit\": \"8.1\"")),
                        io.csms.ocpp.v16.outgoing.SetChargingProfileRequest.class));
        assertEquals(ErrorCode.TypeConstraintViolation, violation.code());
    }

    @ParameterizedTest(name = "{2}: {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // missing required property
                "{\"connectorId\": 1, \"meterStart\": 0, \"timestamp\": \"2026-11-21T08:00:00Z\"} | StartTransactionRequest | OccurenceConstraintViolation",
                // wrong JSON types
                "{\"connectorId\": \"1\", \"idTag\": \"T\", \"meterStart\": 0, \"timestamp\": \"2026-11-21T08:00:00Z\"} | StartTransactionRequest | TypeConstraintViolation",
                "{\"connectorId\": 1.5, \"idTag\": \"T\", \"meterStart\": 0, \"timestamp\": \"2026-11-21T08:00:00Z\"} | StartTransactionRequest | TypeConstraintViolation",
                "{\"connectorId\": 1, \"idTag\": 42, \"meterStart\": 0, \"timestamp\": \"2026-11-21T08:00:00Z\"} | StartTransactionRequest | TypeConstraintViolation",
                // too long, outside the enumeration, out of int range, timestamp without zone
                "{\"connectorId\": 1, \"idTag\": \"123456789012345678901\", \"meterStart\": 0, \"timestamp\": \"2026-11-21T08:00:00Z\"} | StartTransactionRequest | PropertyConstraintViolation",
                "{\"connectorId\": 1, \"errorCode\": \"NoError\", \"status\": \"Sleeping\"} | StatusNotificationRequest | PropertyConstraintViolation",
                "{\"connectorId\": 1, \"idTag\": \"T\", \"meterStart\": 3000000000, \"timestamp\": \"2026-11-21T08:00:00Z\"} | StartTransactionRequest | PropertyConstraintViolation",
                "{\"connectorId\": 1, \"idTag\": \"T\", \"meterStart\": 0, \"timestamp\": \"2026-11-21T08:00:00\"} | StartTransactionRequest | PropertyConstraintViolation",
                // a property the message does not have
                "{\"connectorId\": 1, \"idTag\": \"T\", \"meterStart\": 0, \"timestamp\": \"2026-11-21T08:00:00Z\", \"x\": 1} | StartTransactionRequest | FormationViolation",
                // nested: a sampled value without its value, a meterValue that is not an array
                "{\"connectorId\": 1, \"meterValue\": [{\"timestamp\": \"2026-11-21T08:00:00Z\", \"sampledValue\": [{\"unit\": \"Wh\"}]}]} | MeterValuesRequest | OccurenceConstraintViolation",
                "{\"connectorId\": 1, \"meterValue\": {}} | MeterValuesRequest | TypeConstraintViolation",
                // what passes must be storable (review H9 and the fuzzing): NUL, unpaired surrogates, connector 0
                // of a transaction, connectors beyond any charger, years PostgreSQL cannot store
                "{\"idTag\": \"\\u0000\"} | AuthorizeRequest | PropertyConstraintViolation",
                "{\"idTag\": \"A\\ud800B\"} | AuthorizeRequest | PropertyConstraintViolation",
                "{\"connectorId\": 0, \"idTag\": \"T\", \"meterStart\": 0, \"timestamp\": \"2026-11-21T08:00:00Z\"} | StartTransactionRequest | PropertyConstraintViolation",
                "{\"connectorId\": -1, \"errorCode\": \"NoError\", \"status\": \"Available\"} | StatusNotificationRequest | PropertyConstraintViolation",
                "{\"connectorId\": 101, \"errorCode\": \"NoError\", \"status\": \"Available\"} | StatusNotificationRequest | PropertyConstraintViolation",
                "{\"connectorId\": 1, \"idTag\": \"T\", \"meterStart\": 0, \"timestamp\": \"+10000-01-01T00:00:00Z\"} | StartTransactionRequest | PropertyConstraintViolation",
            })
    void names_the_ocpp_16_error_code_of_a_violation(String payload, String message, ErrorCode expected)
            throws Exception {
        Class<?> type = Class.forName("io.csms.ocpp.v16." + message);
        PayloadViolation violation =
                assertThrows(PayloadViolation.class, () -> PayloadValidator.validate(json(payload), type));
        assertEquals(expected, violation.code(), violation.getMessage());
    }

    @Test
    void a_pair_of_surrogates_is_text_like_any_other() {
        assertDoesNotThrow(
                () -> PayloadValidator.validate(json("{\"idTag\": \"\\ud83d\\udd0c\"}"), AuthorizeRequest.class));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
