package io.csms.charging;

import io.csms.account.Accounts;
import io.csms.audit.AuditTrail;
import io.csms.authorization.IdTag;
import io.csms.authorization.IdTags;
import io.csms.chargepoint.Chargers;
import io.csms.chargepoint.Connector;
import io.csms.platform.Refusal;
import io.csms.transaction.ChargingTransaction;
import io.csms.transaction.Transactions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database side of a driver's start and stop: checks that the request makes sense, records the
 * command before it is sent, and records the charger's answer.
 */
@Stateless
public class DriverCommands {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    Chargers chargers;

    @Inject
    IdTags idTags;

    @Inject
    Accounts accounts;

    @Inject
    Transactions transactions;

    @Inject
    AuditTrail audit;

    /** Seconds a start may take from the charger's Accepted to its StartTransaction. */
    @Inject
    @ConfigProperty(name = "csms.charging.start-timeout", defaultValue = "120")
    long startTimeout;

    /** The command to send, and the tag it starts with. */
    public record Prepared(RemoteCommand command, String idTag) {}

    public Prepared prepareStart(
            long accountId, String chargerId, int connectorId, String idTag, String clientAddress) {
        Chargers.Usable usable = chargers.usable(chargerId)
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-charger", "No charger " + chargerId));
        List<Connector> connectors = usable.connectors();
        Optional<Connector> connector =
                connectors.stream().filter(c -> c.connectorId() == connectorId).findFirst();
        if (!connectors.isEmpty() && connector.isEmpty()) {
            throw new Refusal(
                    Refusal.Kind.NOT_FOUND,
                    "unknown-connector",
                    "Charger " + chargerId + " has no connector " + connectorId);
        }
        String status = connector.map(Connector::status).orElse(null);
        if (status != null && ConnectorUse.UNAVAILABLE.contains(status)) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT, "connector-unavailable", "Connector " + connectorId + " is " + status);
        }
        if ((status != null && ConnectorUse.BUSY.contains(status))
                || transactions.activeOn(chargerId, connectorId).isPresent()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "connector-busy", "Connector " + connectorId + " is in use");
        }
        String tag = idTag == null ? accounts.appTag(accountId) : idTag;
        IdTag own = idTags.find(tag)
                .filter(t -> t.accountId() != null && t.accountId() == accountId)
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-card", "No such card"));
        IdTags.Verdict verdict = idTags.verdict(own.idTag());
        if (!verdict.accepted()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "id-tag-not-accepted", "The id tag is " + verdict.status());
        }
        if (transactions.activeForTag(tag)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "already-charging", "This id tag is already charging");
        }
        RemoteCommand command = new RemoteCommand(
                accountId,
                RemoteCommand.Kind.START,
                chargerId,
                connectorId,
                tag,
                null,
                Instant.now().plusSeconds(startTimeout));
        em.persist(command);
        audit.byAccount(Long.toString(accountId), "charging.start", chargerId + "/" + connectorId, clientAddress);
        return new Prepared(command, tag);
    }

    public RemoteCommand prepareStop(long accountId, int transactionId, String clientAddress) {
        ChargingTransaction transaction = ownSession(accountId, transactionId);
        if (!transaction.active()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "session-ended", "The session has ended");
        }
        RemoteCommand command = new RemoteCommand(
                accountId,
                RemoteCommand.Kind.STOP,
                transaction.chargerId(),
                transaction.connectorId(),
                null,
                transactionId,
                Instant.now().plusSeconds(startTimeout));
        em.persist(command);
        audit.byAccount(Long.toString(accountId), "charging.stop", Integer.toString(transactionId), clientAddress);
        return command;
    }

    /** One of the account's commands; another account's is not found. */
    public Optional<RemoteCommand> find(long accountId, UUID commandId) {
        return Optional.ofNullable(em.find(RemoteCommand.class, commandId))
                .filter(c -> c.accountId() != null && c.accountId() == accountId);
    }

    /** One of the account's sessions, or NOT_FOUND (also for another account's: its existence is not revealed). */
    public ChargingTransaction ownSession(long accountId, int transactionId) {
        return transactions
                .find(transactionId)
                .filter(t -> t.accountId() != null && t.accountId() == accountId)
                .orElseThrow(
                        () -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-session", "No session " + transactionId));
    }
}
