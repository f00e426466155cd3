package io.csms.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.csms.it.Checks;
import io.csms.it.CsmsEar;
import io.csms.it.OcppClient;
import java.sql.SQLException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same EAR, unchanged, on WildFly: health, a database round trip and an OCPP handshake. */
@ExtendWith(ArquillianExtension.class)
class WildFlyIT extends CsmsEar {

    @Test
    void health_is_live_and_ready_once_the_schema_is_migrated() {
        Checks.healthIsUp();
    }

    @Test
    void the_api_document_is_served() {
        Checks.apiDocumentIsServed();
    }

    @Test
    void the_connection_pool_has_the_size_configured_from_outside() throws Exception {
        Checks.poolHasConfiguredSize();
    }

    @Test
    void a_charger_boots_over_ocpp_and_is_stored_in_postgresql() throws SQLException {
        Checks.chargerBootsAndIsStored("CP-WILDFLY-1");
    }

    @Test
    void ocpp_handshake_without_subprotocol_ocpp16_is_refused() {
        assertEquals(400, OcppClient.refusedStatus("CP-NOPROTO"));
    }
}
