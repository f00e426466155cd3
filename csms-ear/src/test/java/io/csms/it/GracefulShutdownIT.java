package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * owed (a location change, a driver's session and its CDR) waits in the database for the next start
 * and is delivered as soon as it starts (a backoff grown while the partner was away is not waited
 * out), the CDR exactly once. The EAR is deployed and undeployed by the test
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
        String party = "OW" + suffix.charAt(suffix.length() - 1);
        String cdr;
        try (OcpiTestPartner emsp = new OcpiTestPartner("DE", party, "EMSP")) {
            emsp.receivesLocations = true;
            emsp.receivesSessions = true;
            emsp.receivesCdrs = true;
            try (OcppClient cp = ChargingSessionIT.bootedCharger(charger)) {
                String c = LocationsIT.register(emsp, "Owed " + suffix);
                OcpiRegistrationIT.assertOcpi(
                        200,
                        1000,
                        LocationsIT.ocpi()
                                .put(
                                        TokensIT.TOKENS + "DE/" + party + "/OWED" + suffix,
                                        TokensIT.tokenObject(
                                                        "DE", party, "OWED" + suffix, "RFID", "ALWAYS", Instant.now())
                                                .toString(),
                                        OcpiRegistrationIT.token(c)));
                // the eMSP goes down; a new location and its driver's whole session are owed to it
                emsp.receiverDown = true;
                assertEquals(
                        201,
                        Http.put(
                                        LocationsIT.ADMIN_LOCATIONS + location,
                                        LocationsIT.location(location, charger, 1),
                                        Admin.bearer())
                                .statusCode());
                Instant start = Instant.now().minusSeconds(1800).truncatedTo(ChronoUnit.SECONDS);
                JsonObject started = ChargingSessionIT.confOf(
                        cp,
                        "StartTransaction",
                        Json.createObjectBuilder()
                                .add("connectorId", 1)
                                .add("idTag", "OWED" + suffix)
                                .add("meterStart", 0)
                                .add("timestamp", start.toString())
                                .build());
                assertEquals("Accepted", started.getJsonObject("idTagInfo").getString("status"));
                cdr = Integer.toString(started.getInt("transactionId"));
                ChargingSessionIT.confOf(
                        cp,
                        "StopTransaction",
                        Json.createObjectBuilder()
                                .add("transactionId", started.getInt("transactionId"))
                                .add("meterStop", 3000)
                                .add("timestamp", start.plusSeconds(1200).toString())
                                .build());
                assertEquals("DUE", Checks.eventually("DUE", "select state from ocpi_cdr where id = ?", cdr));
                long partner = LocationsIT.partnerId(emsp);
                LocationsIT.awaitQueue(partner, q -> q.getInt("pending") >= 2 && q.containsKey("lastError"));
                assertEquals(
                        "0",
                        Checks.value(
                                "select attempts from ocpi_outbox where object_type = 'CDR' and object_id = ?", cdr),
                        "a CDR waiting for its session's push has not failed: it gets no backoff of its own");
            } finally {
                deployer.undeploy(CSMS);
            }
            // a partner away for long has its rows backed off for minutes: a start tries them at once
            try (Connection db = Checks.connect();
                    PreparedStatement backedOff = db.prepareStatement(
                            "update ocpi_outbox set due_at = now() + interval '10 minutes' where partner_id = ?")) {
                backedOff.setLong(1, LocationsIT.partnerId(emsp));
                assertTrue(backedOff.executeUpdate() >= 3, "the location, the session and the CDR are owed");
            }
            emsp.receiverDown = false;
            deployer.deploy(CSMS);
            try {
                OcpiTestPartner.Received put = LocationsIT.await(
                        emsp, r -> r.method().equals("PUT") && r.path().endsWith("/" + location));
                assertEquals(location, put.body().getString("id"));
                JsonObject delivered = LocationsIT.await(
                                emsp,
                                r -> r.path().equals("/2.2.1/cdrs")
                                        && r.body().getString("id").equals(cdr))
                        .body();
                assertEquals(
                        0,
                        new BigDecimal("3")
                                .compareTo(
                                        delivered.getJsonNumber("total_energy").bigDecimalValue()));
                assertEquals("SENT", Checks.eventually("SENT", "select state from ocpi_cdr where id = ?", cdr));
                Thread.sleep(1500);
                assertEquals(
                        1,
                        emsp.received.stream()
                                .filter(r -> r.path().equals("/2.2.1/cdrs"))
                                .count(),
                        "the CDR owed across the restart is delivered exactly once");
            } finally {
                deployer.undeploy(CSMS);
            }
        }
    }
}
