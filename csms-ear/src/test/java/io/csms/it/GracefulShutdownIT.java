package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.File;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Taking the CSMS down (undeploy, server shutdown) closes every charger's connection with 1001
 * "going away", so chargers reconnect instead of waiting for a dead socket, and what partners are
 * owed waits in the database for the next start. The EAR is deployed and undeployed by the test
 * itself. (WildFlyGracefulShutdownIT runs it on WildFly.)
 */
@ExtendWith(ArquillianExtension.class)
public class GracefulShutdownIT {

    private static final String CSMS = "csms";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = CSMS, managed = false, testable = false)
    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("csms.it.ear")));
    }

    @Test
    void undeploying_the_csms_closes_chargers_connections_with_1001_going_away() {
        deployer.deploy(CSMS);
        String id = "CP-BYE-" + Long.toString(System.currentTimeMillis(), 36);
        String key = Admin.registerCharger(id);
        OcppClient cp = OcppClient.connect(id, id, key);
        try {
            assertEquals(
                    "Accepted",
                    cp.call(
                                    "BootNotification",
                                    Json.createObjectBuilder()
                                            .add("chargePointVendor", "VendorX")
                                            .add("chargePointModel", "ModelY")
                                            .build())
                            .getJsonObject(2)
                            .getString("status"));
        } finally {
            deployer.undeploy(CSMS);
        }
        assertEquals(1001, cp.closedWith());
    }

    @Test
    void what_a_partner_is_owed_when_the_csms_stops_is_delivered_after_it_starts_again() throws Exception {
        deployer.deploy(CSMS);
        String suffix = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        String charger = "CP-OWED-" + suffix;
        String location = "LOC-OWED-" + suffix;
        try (OcpiTestPartner emsp = new OcpiTestPartner("DE", "OW" + suffix.charAt(suffix.length() - 1), "EMSP")) {
            emsp.receivesLocations = true;
            try {
                Admin.registerCharger(charger);
                LocationsIT.register(emsp, "Owed " + suffix);
                emsp.receiverDown = true;
                assertEquals(
                        201,
                        Http.put(
                                        LocationsIT.ADMIN_LOCATIONS + location,
                                        LocationsIT.location(location, charger, 1),
                                        Admin.bearer())
                                .statusCode());
                long partner = LocationsIT.partnerId(emsp);
                LocationsIT.awaitQueue(partner, q -> q.getInt("pending") == 1 && q.containsKey("lastError"));
            } finally {
                deployer.undeploy(CSMS);
            }
            emsp.receiverDown = false;
            deployer.deploy(CSMS);
            try {
                OcpiTestPartner.Received put = LocationsIT.await(
                        emsp, r -> r.method().equals("PUT") && r.path().endsWith("/" + location));
                assertEquals(location, put.body().getString("id"));
            } finally {
                deployer.undeploy(CSMS);
            }
        }
    }
}
