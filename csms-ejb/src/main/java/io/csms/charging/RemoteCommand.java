package io.csms.charging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A RemoteStartTransaction or RemoteStopTransaction a driver asked for, and what became of it. */
@Entity
@Table(name = "remote_command")
public class RemoteCommand {

    public enum Kind {
        START,
        STOP
    }

    /**
     * Sent: on its way. Accepted / Rejected / Offline / Timeout / Failed: the charger's answer (or why
     * there was none). Started: the charger's StartTransaction arrived. NeverStarted: accepted, but no
     * StartTransaction within the start timeout. Stopped: the charger's StopTransaction arrived.
     */
    public enum State {
        Sent,
        Accepted,
        Rejected,
        Offline,
        Timeout,
        Failed,
        Started,
        NeverStarted,
        Stopped
    }

    /** States in which a start still waits for the charger's StartTransaction. */
    static final Set<State> WAITING = Set.of(State.Sent, State.Accepted, State.Timeout);

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(name = "charger_id", nullable = false, updatable = false)
    private String chargerId;

    @Column(name = "connector_id", updatable = false)
    private Integer connectorId;

    @Column(name = "id_tag", updatable = false)
    private String idTag;

    @Column(name = "transaction_id")
    private Integer transactionId;

    @Column(nullable = false)
    private String state;

    private String detail;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected RemoteCommand() {}

    RemoteCommand(
            long accountId,
            Kind kind,
            String chargerId,
            Integer connectorId,
            String idTag,
            Integer transactionId,
            Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.kind = kind.name();
        this.chargerId = chargerId;
        this.connectorId = connectorId;
        this.idTag = idTag;
        this.transactionId = transactionId;
        this.state = State.Sent.name();
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public UUID id() {
        return id;
    }

    long accountId() {
        return accountId;
    }

    public Kind kind() {
        return Kind.valueOf(kind);
    }

    public String chargerId() {
        return chargerId;
    }

    public Integer connectorId() {
        return connectorId;
    }

    public Integer transactionId() {
        return transactionId;
    }

    /** The state as of now: a start still waiting past its deadline is NeverStarted (or stays Timeout). */
    public State state() {
        State stored = State.valueOf(state);
        if (Instant.now().isAfter(expiresAt) && kind().equals(Kind.START)) {
            if (stored == State.Accepted) {
                return State.NeverStarted;
            }
            if (stored == State.Sent) {
                return State.Failed;
            }
        }
        return stored;
    }

    public String detail() {
        return detail;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The charger's answer; a command that moved on (the start arrived first) keeps its later state. */
    void answered(State answer, String detail) {
        if (State.valueOf(state) == State.Sent) {
            this.state = answer.name();
            this.detail = detail;
            this.updatedAt = Instant.now();
        }
    }
}
