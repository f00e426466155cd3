package io.csms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void production_unless_said_otherwise_and_nothing_but_the_two() {
        assertEquals(Environment.Kind.production, Environment.of(Optional.empty()));
        assertEquals(Environment.Kind.test, Environment.of(Optional.of(" Test ")));
        assertThrows(IllegalStateException.class, () -> Environment.of(Optional.of("staging")));
    }

    @Test
    void every_safeguard_is_on_in_production_and_each_names_its_own_setting() {
        for (Environment.Safeguard safeguard : Environment.Safeguard.values()) {
            assertTrue(safeguard.setting().startsWith("csms."), safeguard.name());
            assertFalse(safeguard.risk().isBlank(), safeguard.name());
        }
        assertTrue(Environment.Safeguard.OCPI_REQUIRE_TLS.productionValue());
        assertTrue(Environment.Safeguard.ADMIN_REQUIRE_MFA.productionValue());
        assertFalse(Environment.Safeguard.OCPI_ALLOW_PLAIN_HTTP.productionValue());
        assertFalse(Environment.Safeguard.OCPI_ALLOW_PRIVATE_ADDRESSES.productionValue());
        assertFalse(Environment.Safeguard.ACCEPT_UNKNOWN_CHARGERS.productionValue());
    }
}
