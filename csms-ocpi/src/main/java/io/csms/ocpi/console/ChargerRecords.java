package io.csms.ocpi.console;

import io.csms.chargepoint.Chargers;
import io.csms.files.FileTransfers;
import io.csms.transaction.ChargingTransaction;
import io.csms.transaction.EnergyRegister;
import io.csms.transaction.MeterReading;
import io.csms.transaction.Transactions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * What a charger's page shows of its past: its transactions (paged on the server) with a chart of
 * one transaction's meter values, the security events it reported, its firmware, diagnostics and
 * log status reports, and the files moved to and from it.
 */
@Named
@ViewScoped
public class ChargerRecords implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    ChargerPage page;

    @Inject
    Transactions transactions;

    @Inject
    Chargers chargers;

    @Inject
    FileTransfers files;

    /** A transaction as the page lists it. */
    public record TransactionRow(
            int id, int connectorId, String idTag, String started, String stopped, String energyKwh, String reason)
            implements Serializable {}

    /** A security event the charger reported. */
    public record EventRow(String occurredAt, String type, String techInfo) implements Serializable {}

    /** A status report of the charger's firmware, diagnostics or log activity. */
    public record ActivityRow(String receivedAt, String activity, String status, String requestId)
            implements Serializable {}

    /** A file moved to or from the charger. */
    public record TransferRow(
            long id,
            String kind,
            String requestedAt,
            String requestedBy,
            String fileName,
            String state,
            boolean downloadable)
            implements Serializable {}

    private Integer selected;

    private final LazyDataModel<TransactionRow> transactionRows = new LazyDataModel<>() {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, transactions.countOfCharger(page.getId()));
        }

        @Override
        public List<TransactionRow> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return transactions.ofCharger(page.getId(), first, pageSize).stream()
                    .map(ChargerRecords::row)
                    .toList();
        }

        @Override
        public String getRowKey(TransactionRow row) {
            return Integer.toString(row.id());
        }

        @Override
        public TransactionRow getRowData(String key) {
            return null;
        }
    };

    private static TransactionRow row(ChargingTransaction t) {
        return new TransactionRow(
                t.id(),
                t.connectorId(),
                t.idTag(),
                t.startTime().toString(),
                t.stopTime() == null ? "charging" : t.stopTime().toString(),
                t.meterStop() == null ? "" : kwh(t.meterStop() - t.meterStart()),
                t.stopReason() == null ? "" : t.stopReason());
    }

    private static String kwh(long wh) {
        return BigDecimal.valueOf(wh, 3).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Shows the meter values of one of the charger's transactions. */
    public void show(int transactionId) {
        selected = transactions
                .find(transactionId)
                .filter(t -> t.chargerId().equals(page.getId()))
                .map(ChargingTransaction::id)
                .orElse(null);
    }

    /** A sample of the selected transaction: its time, energy register (kWh) and power (kW), as text. */
    public record MeterRow(String at, String energyKwh, String powerKw) {}

    public List<MeterRow> getMeterRows() {
        if (selected == null) {
            return List.of();
        }
        // one row per sampling time: the energy register and the power sampled then
        Map<java.time.Instant, String[]> byTime = new java.util.LinkedHashMap<>();
        for (MeterReading reading : transactions.meterValues(selected)) {
            MeterReading.Sample s = reading.sample();
            String[] row = byTime.computeIfAbsent(s.at(), at -> new String[2]);
            Integer wh = EnergyRegister.wh(s);
            if (wh != null) {
                row[0] = kwh(wh);
            } else if ("Power.Active.Import".equals(s.measurand()) && s.phase() == null) {
                row[1] = kw(s);
            }
        }
        List<MeterRow> rows = new ArrayList<>();
        byTime.forEach((at, v) -> rows.add(new MeterRow(TIME.format(at), v[0], v[1])));
        return rows;
    }

    private static String kw(MeterReading.Sample s) {
        try {
            BigDecimal value = new BigDecimal(s.value());
            BigDecimal kw = "kW".equals(s.unit()) ? value : value.movePointLeft(3);
            return kw.setScale(2, RoundingMode.HALF_UP).toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The selected transaction's energy register and power over time, as a Chart.js line chart. */
    public String getMeterChart() {
        List<MeterRow> rows = getMeterRows();
        return Charts.lines(
                rows.stream().map(MeterRow::at).toList(),
                new Charts.Series(
                        "Energy (kWh)",
                        numbers(rows.stream().map(MeterRow::energyKwh).toList()),
                        "energy"),
                new Charts.Series(
                        "Power (kW)",
                        numbers(rows.stream().map(MeterRow::powerKw).toList()),
                        "power"));
    }

    /** Chart values: a missing one is not a number, a gap in the line. */
    private static List<Double> numbers(List<String> values) {
        return values.stream()
                .map(v -> v == null ? Double.NaN : Double.parseDouble(v))
                .toList();
    }

    public List<EventRow> getSecurityEvents() {
        return chargers.securityEvents(page.getId(), 50).stream()
                .map(e -> new EventRow(e.occurredAt().toString(), e.type(), e.techInfo() == null ? "" : e.techInfo()))
                .toList();
    }

    public List<ActivityRow> getActivities() {
        return chargers.activityHistory(page.getId(), 100).stream()
                .map(a -> new ActivityRow(
                        a.receivedAt().toString(),
                        a.activity().name(),
                        a.status(),
                        a.requestId() == null ? "" : a.requestId().toString()))
                .toList();
    }

    public List<TransferRow> getTransfers() {
        return files.ofCharger(page.getId(), 50).stream()
                .map(t -> new TransferRow(
                        t.id(),
                        t.kind().name(),
                        t.requestedAt().toString(),
                        t.requestedBy(),
                        t.fileName() == null ? "" : t.fileName(),
                        state(t),
                        t.receivedAt() != null))
                .toList();
    }

    private static String state(FileTransfers.Transfer t) {
        if (t.kind() == FileTransfers.Kind.FIRMWARE) {
            return t.fetchedAt() == null ? "not fetched yet" : "fetched " + t.fetchedAt();
        }
        if (t.receivedAt() != null) {
            return "received " + t.receivedAt() + " (" + t.sizeBytes() + " bytes)";
        }
        return t.expiresAt().isBefore(java.time.Instant.now()) ? "expired" : "waiting for the upload";
    }

    public LazyDataModel<TransactionRow> getTransactionRows() {
        return transactionRows;
    }

    public Integer getSelected() {
        return selected;
    }
}
