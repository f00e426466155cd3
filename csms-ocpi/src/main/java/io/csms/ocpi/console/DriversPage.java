package io.csms.ocpi.console;

import io.csms.account.Account;
import io.csms.account.AccountAdministration;
import io.csms.account.Cards;
import io.csms.account.Vehicles;
import io.csms.platform.Refusal;
import io.csms.transaction.Transactions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Drivers: accounts found by e-mail (paged on the server), one driver's cards, vehicles and latest
 * sessions, and blocking a driver's account or letting it in again. Operators' accounts are shown
 * with their roles; a root changes those on the accounts page.
 */
@Named
@ViewScoped
public class DriversPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountAdministration administration;

    @Inject
    Cards cards;

    @Inject
    Vehicles vehicles;

    @Inject
    Transactions transactions;

    @Inject
    ConsoleActions actions;

    /** An account as the list shows it. */
    public record Row(long id, String email, String roles, String status, String createdAt, boolean driver)
            implements Serializable {}

    /** A driver's card. */
    public record CardRow(String idTag, String label, String status, boolean ownerBlocked) implements Serializable {}

    /** A driver's vehicle. */
    public record VehicleRow(String label, String make, String model, String licensePlate, String batteryKwh)
            implements Serializable {}

    /** A driver's session. */
    public record SessionRow(int id, String chargerId, String idTag, String started, String stopped, String energyKwh)
            implements Serializable {}

    private String prefix;
    private String searched;
    private Row selected;
    private List<CardRow> selectedCards = List.of();
    private List<VehicleRow> selectedVehicles = List.of();
    private List<SessionRow> selectedSessions = List.of();
    private long selectedSessionCount;

    private final LazyDataModel<Row> accounts = new LazyDataModel<>() {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, administration.count(searched));
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return administration.list(searched, first, pageSize).stream()
                    .map(DriversPage::row)
                    .toList();
        }

        @Override
        public String getRowKey(Row row) {
            return Long.toString(row.id());
        }

        @Override
        public Row getRowData(String key) {
            return null;
        }
    };

    private static Row row(Account a) {
        return new Row(
                a.id(),
                a.email(),
                String.join(", ", a.roles()),
                a.status().name(),
                a.createdAt().toString(),
                !a.operator());
    }

    public void search() {
        searched = ConsoleActions.blank(prefix);
        selected = null;
    }

    /** Shows one account's cards, vehicles and latest sessions. */
    public void show(long accountId) {
        try {
            Account account = administration.get(accountId);
            selected = row(account);
            selectedCards = cards.list(accountId).stream()
                    .map(t -> new CardRow(t.idTag(), t.label() == null ? "" : t.label(), t.status(), t.ownerBlocked()))
                    .toList();
            selectedVehicles = vehicles.list(accountId).stream()
                    .map(v -> v.details())
                    .map(d -> new VehicleRow(
                            text(d.label()),
                            text(d.make()),
                            text(d.model()),
                            text(d.licensePlate()),
                            d.batteryKwh() == null ? "" : d.batteryKwh().toPlainString()))
                    .toList();
            selectedSessions = transactions.ofAccount(accountId, 0, 20).stream()
                    .map(t -> new SessionRow(
                            t.id(),
                            t.chargerId(),
                            t.idTag(),
                            t.startTime().toString(),
                            t.stopTime() == null ? "charging" : t.stopTime().toString(),
                            t.meterStop() == null
                                    ? ""
                                    : BigDecimal.valueOf(t.meterStop() - t.meterStart(), 3)
                                            .setScale(2, RoundingMode.HALF_UP)
                                            .toPlainString()))
                    .toList();
            selectedSessionCount = transactions.countOfAccount(accountId);
        } catch (Refusal e) {
            ConsoleActions.error(e.getMessage());
            selected = null;
        }
    }

    public void block() {
        change(false, "The driver is blocked: the app's sessions end, and login is refused.");
    }

    public void unblock() {
        change(true, "The driver may log in again.");
    }

    private void change(boolean active, String done) {
        if (selected == null) {
            return;
        }
        long id = selected.id();
        if (actions.act(
                () -> administration.driverStatus(id, active, Long.parseLong(actions.actor()), actions.address()),
                done)) {
            show(id);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    public LazyDataModel<Row> getAccounts() {
        return accounts;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public Row getSelected() {
        return selected;
    }

    public List<CardRow> getSelectedCards() {
        return selectedCards;
    }

    public List<VehicleRow> getSelectedVehicles() {
        return selectedVehicles;
    }

    public List<SessionRow> getSelectedSessions() {
        return selectedSessions;
    }

    public long getSelectedSessionCount() {
        return selectedSessionCount;
    }
}
