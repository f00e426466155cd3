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

    @Inject
    io.csms.roaming.outbox.Outbox outbox;

    @Inject
    io.csms.audit.AuditLog auditLog;

    /** A partner on the dashboard: its standing, its connection and what waits to be pushed to it. */
    public record PartnerLine(long id, String name, String status, String connection, long pending, String lastError) {}

    public java.util.List<PartnerLine> getPartnerLines() {
        return partners.list().stream()
                .sorted(java.util.Comparator.comparing(io.csms.roaming.Partner::id)
                        .reversed())
                .limit(20)
                .map(p -> {
                    var queue = outbox.queue(p.id());
                    return new PartnerLine(
                            p.id(),
                            p.name(),
                            p.status().name(),
                            p.connectionStatus() == null ? "" : p.connectionStatus(),
                            queue.pending(),
                            queue.lastError() == null ? "" : queue.lastError());
                })
                .toList();
    }

    /** The latest refused or failed events of the audit trail: the security events an operator watches. */
    public java.util.List<io.csms.audit.AuditLog.Entry> getSecurityEvents() {
        return auditLog.recentProblems(10);
    }
}
