package io.csms.ocpi.console;

import io.csms.chargepoint.Chargers;
import io.csms.platform.Migrations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What the console's front page shows about the system. */
@Named
@RequestScoped
public class ConsoleStatus {

    @Inject
    Chargers chargers;

    @Inject
    Migrations migrations;

    @Inject
    io.csms.ocpp.session.ChargerConnections connections;

    @Inject
    io.csms.roaming.Partners partners;

    public String getSchemaVersion() {
        return migrations.schemaVersion();
    }

    public long getChargerCount() {
        return chargers.count();
    }

    public int getConnectedCount() {
        return connections.connectedCount();
    }

    public int getPartnerCount() {
        return partners.list().size();
    }
}
