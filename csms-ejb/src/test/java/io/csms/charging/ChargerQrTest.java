package io.csms.charging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChargerQrTest {

    @Test
    void a_code_names_charger_and_connector() {
        assertEquals(Optional.of(new ChargerQr("CP001", 1)), ChargerQr.parse("ocpp://CP001?connector=1"));
        assertEquals(
                Optional.of(new ChargerQr("site-7.A*B_2", 12)), ChargerQr.parse("ocpp://site-7.A*B_2?connector=12"));
    }

    @Test
    void anything_else_is_not_a_code() {
        for (String bad : new String[] {
            null,
            "",
            "ocpp://CP001",
            "ocpp://CP001?connector=0",
            "ocpp://CP001?connector=01",
            "ocpp://CP001?connector=1000",
            "ocpp://CP001?connector=1&x=2",
            "http://CP001?connector=1",
            "OCPP://CP001?connector=1",
            " ocpp://CP001?connector=1",
            "ocpp://?connector=1",
            // ids that could be read two ways are no charger ids (see ChargerRegistration.ID)
            "ocpp://site:7?connector=1",
            "ocpp://CP+1?connector=1",
            "ocpp://CP%301?connector=1",
            "ocpp://CP 1?connector=1",
            "ocpp://CP001/x?connector=1",
            "ocpp://" + "A".repeat(49) + "?connector=1"
        }) {
            assertTrue(ChargerQr.parse(bad).isEmpty(), "accepted: " + bad);
        }
    }
}
