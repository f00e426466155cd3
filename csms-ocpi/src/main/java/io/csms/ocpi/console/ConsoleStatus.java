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

    public long getOfflineCount() {
        return Math.max(0, getChargerCount() - getConnectedCount());
    }

    public long getFaultedCount() {
        return chargers.faultedCount();
    }

    @Inject
    DashboardFigures figures;

    /** The days the dashboard charts: the last two weeks. */
    static final int DAYS = 14;

    private java.util.List<Day> days;

    /** A day of the chart, with its figures also as text (the chart's accessible table). */
    public record Day(String label, long sessions, String energyKwh) {}

    public java.util.List<Day> getDays() {
        if (days == null) {
            days = figures.perDay(DAYS).stream()
                    .map(d -> new Day(
                            d.day().toString(),
                            d.sessions(),
                            java.math.BigDecimal.valueOf(d.energyWh(), 3)
                                    .setScale(1, java.math.RoundingMode.HALF_UP)
                                    .toPlainString()))
                    .toList();
        }
        return days;
    }

    /** Sessions started and energy charged per day, as a Chart.js bar chart. */
    public String getDailyChart() {
        var list = getDays();
        return Charts.bars(
                list.stream().map(d -> d.label().substring(5)).toList(),
                new Charts.Series("Sessions", list.stream().map(Day::sessions).toList(), "sessions"),
                new Charts.Series(
                        "Energy (kWh)",
                        list.stream()
                                .map(d -> Double.parseDouble(d.energyKwh()))
                                .toList(),
                        "energy"));
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

    @Inject
    io.csms.monitoring.Alerts alerts;

    private java.util.List<io.csms.monitoring.Alerts.Alert> current;

    /** The alerts in force (also exposed as metrics). */
    public java.util.List<io.csms.monitoring.Alerts.Alert> getAlerts() {
        if (current == null) {
            current = alerts.current();
        }
        return current;
    }

    /** The latest refused or failed events of the audit trail: the security events an operator watches. */
    public java.util.List<io.csms.audit.AuditLog.Entry> getSecurityEvents() {
        return auditLog.recentProblems(10);
    }
}
