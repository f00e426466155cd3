package io.csms.ocpi.console;

import io.csms.account.Account;
import io.csms.account.AccountAdministration;
import io.csms.platform.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The accounts page, for a root only (web.xml): accounts found by e-mail, made admins or no longer,
 * disabled or active again, their second factor reset (they enrol again at their next login).
 * Through {@link AccountAdministration}, as the operator API; a root account itself is managed in
 * configuration.
 */
@Named
@ViewScoped
public class OperatorsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountAdministration administration;

    @Inject
    ConsoleActions actions;

    @Inject
    ConsoleSession session;

    /** An account as the table shows it. */
    public record Row(long id, String email, String roles, String status, boolean secondFactor)
            implements Serializable {

        public boolean admin() {
            return roles.contains("admin");
        }

        public boolean root() {
            return roles.contains("root");
        }

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    private String prefix;
    private List<Row> rows;

    @PostConstruct
    public void load() {
        rows = administration.list(prefix == null ? null : prefix.strip(), 0, 200).stream()
                .map(OperatorsPage::row)
                .toList();
    }

    private static Row row(Account a) {
        return new Row(
                a.id(), a.email(), String.join(", ", a.roles()), a.status().name(), a.secondFactor());
    }

    public void admin(long accountId, boolean admin) {
        act(
                () -> administration.operator(accountId, admin, root(), actions.address()),
                admin ? "The account is an admin now." : "The account is no admin any more.");
    }

    public void active(long accountId, boolean active) {
        act(
                () -> administration.status(
                        accountId, active ? Account.Status.ACTIVE : Account.Status.DISABLED, root(), actions.address()),
                active ? "The account is active again." : "The account is disabled: its sessions end.");
    }

    public void resetSecondFactor(long accountId) {
        act(
                () -> administration.resetSecondFactor(accountId, root(), actions.address()),
                "Second factor reset: the account enrols a new one at its next login.");
    }

    /** The acting root (web.xml lets only roots here; checked again for every action). */
    private long root() {
        ConsoleSession.Operator operator = session.getOperator();
        if (operator == null || !operator.isRoot()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "not-root", "Only a root manages accounts");
        }
        return operator.accountId();
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public List<Row> getRows() {
        return rows;
    }

    private void act(Runnable action, String done) {
        actions.act(action, done);
        load();
    }
}
