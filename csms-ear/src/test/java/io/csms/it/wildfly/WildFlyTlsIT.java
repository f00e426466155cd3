package io.csms.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.csms.it.Admin;
import io.csms.it.ChargerTls;
import io.csms.it.Checks;
import io.csms.it.CsmsEar;
import io.csms.it.Http;
import io.csms.it.OcppClient;
import java.net.http.HttpResponse;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WildFly as configured by csms.cli and csms-tls.cli: profile-3 chargers over wss with client certificates. */
@ExtendWith(ArquillianExtension.class)
class WildFlyTlsIT extends CsmsEar {

    @Test
    void profile_3_connects_over_wss_with_its_own_certificate_only() throws Exception {
        HttpResponse<String> created =
                Http.post("/csms/api/admin/chargers", "{\"id\":\"CP-WF-SP3\",\"securityProfile\":3}", Admin.bearer());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(101, OcppClient.tlsStatus("CP-WF-SP3", ChargerTls.tls("CP-WF-SP3"), null, null));
        assertEquals(401, OcppClient.tlsStatus("CP-WF-SP3", ChargerTls.tls("CP-WF-OTHER"), null, null));
    }

    @Test
    void an_ocpi_partner_bound_to_a_client_certificate_must_present_it() throws Exception {
        Checks.ocpiPartnerNeedsItsClientCertificate("WFC");
    }
}
