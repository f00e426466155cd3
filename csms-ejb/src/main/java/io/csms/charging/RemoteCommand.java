package io.csms.charging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A start, stop, reservation, cancellation or unlock sent to a charger, who asked for it (a driver, a
 * roaming partner through OCPI Commands, an operator) and what became of it. One record for all of
 * them: the charger's answer is read in one place ({@link CommandAnswers}), a start is tied to the
 * transaction it caused ({@link CommandTracking}), and a partner is owed a CommandResult once the
 * outcome is final ({@link #concluded}).
 */
@Entity
@Table(name = "remote_command")
public class RemoteCommand {

    public enum Kind {
        /** RemoteStartTransaction. */
        START,
        /** RemoteStopTransaction. */
        STOP,
        /** ReserveNow. */
        RESERVE,
        /** CancelReservation. */
        CANCEL,
        /** UnlockConnector. */
        UNLOCK
    }

    /** Who asked for the command. */
    public enum Origin {
        DRIVER,
        PARTNER,
        OPERATOR
    }

    /**
     * Sent: on its way. Accepted / Rejected / Offline / Timeout / Failed: the charger's answer (or why
     * there was none). Started: the charger's StartTransaction arrived. NeverStarted: accepted, but no
     * StartTransaction within the start timeout. Stopped: the charger's StopTransaction arrived.
     * Occupied / Inoperative: the connector was in use / faulted or unavailable (the charger's answer
     * to a reservation, or its state before a partner's start). NotSupported: the charger does not do
     * it. UnknownReservation: the charger has no such reservation to cancel.
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
        Stopped,
        Occupied,
        Inoperative,
        NotSupported,
        UnknownReservation
    }

    /** States in which a start still waits for the charger's StartTransaction. */
    static final Set<State> WAITING = Set.of(State.Sent, State.Accepted, State.Timeout);

    @Id
    private UUID id;

    @Column(name = "account_id", updatable = false)
    private Long accountId;

    @Column(nullable = false, updatable = false)
    private String origin;

    @Column(name = "partner_id", updatable = false)
    private Long partnerId;

    @Column(updatable = false)
    private String actor;

    @Column(nullable = false)
    private boolean concluded;

    @Column(name = "response_url", updatable = false)
    private String responseUrl;

    @Column(name = "ocpi_version", updatable = false)
    private String ocpiVersion;

    @Column(name = "ocpi_token_id", updatable = false)
    private Long ocpiTokenId;

    @Column(name = "authorization_reference", updatable = false)
    private String authorizationReference;

    @Column(name = "reservation_id", updatable = false)
    private Integer reservationId;

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
        this(Origin.DRIVER, kind, chargerId, connectorId, idTag, transactionId, expiresAt);
        this.accountId = accountId;
    }

    /** An operator's command, sent through the operations API. */
    static RemoteCommand byOperator(
            String actor,
            Kind kind,
            String chargerId,
            Integer connectorId,
            String idTag,
            Integer transactionId,
            Instant expiresAt) {
        RemoteCommand command =
                new RemoteCommand(Origin.OPERATOR, kind, chargerId, connectorId, idTag, transactionId, expiresAt);
        command.actor = actor;
        return command;
    }

    /** What a partner's command keeps for its CommandResult and for the session it may start. */
    public record ForPartner(
            long partnerId, String responseUrl, String ocpiVersion, Long tokenId, String authorizationReference) {}

    /** A roaming partner's command (OCPI Commands); {@code reservationId} the OCPP one, for RESERVE and CANCEL. */
    public static RemoteCommand byPartner(
            ForPartner partner,
            Kind kind,
            String chargerId,
            Integer connectorId,
            String idTag,
            Integer transactionId,
            Integer reservationId,
            Instant expiresAt) {
        RemoteCommand command =
                new RemoteCommand(Origin.PARTNER, kind, chargerId, connectorId, idTag, transactionId, expiresAt);
        command.partnerId = partner.partnerId();
        command.responseUrl = partner.responseUrl();
        command.ocpiVersion = partner.ocpiVersion();
        command.ocpiTokenId = partner.tokenId();
        command.authorizationReference = partner.authorizationReference();
        command.reservationId = reservationId;
        return command;
    }

    private RemoteCommand(
            Origin origin,
            Kind kind,
            String chargerId,
            Integer connectorId,
            String idTag,
            Integer transactionId,
            Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.origin = origin.name();
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

    /** The driver's account; null when a partner or an operator asked. */
    Long accountId() {
        return accountId;
    }

    public Origin origin() {
        return Origin.valueOf(origin);
    }

    /** The partner that sent the command, or null. */
    public Long partnerId() {
        return partnerId;
    }

    /** The operator who sent it, or null. */
    public String actor() {
        return actor;
    }

    /** Whether the outcome is final (a partner is then owed its CommandResult). */
    public boolean concluded() {
        return concluded;
    }

    public String responseUrl() {
        return responseUrl;
    }

    public String ocpiVersion() {
        return ocpiVersion;
    }

    public Long ocpiTokenId() {
        return ocpiTokenId;
    }

    public String authorizationReference() {
        return authorizationReference;
    }

    public Integer reservationId() {
        return reservationId;
    }

    public String idTag() {
        return idTag;
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

    /**
     * The charger's answer, or why there was none; a command that moved on (the start arrived first)
     * keeps its later state. Answers whether this concluded the command: every answer does, but a
     * start the charger accepted (or did not answer) waits for its StartTransaction.
     */
    boolean answered(State answer, String detail) {
        if (State.valueOf(state) != State.Sent || concluded) {
            return false;
        }
        this.state = answer.name();
        this.detail = detail;
        this.updatedAt = Instant.now();
        if (kind() == Kind.START && (answer == State.Accepted || answer == State.Timeout)) {
            return false;
        }
        this.concluded = true;
        return true;
    }

    /** Concluded without asking the charger (what the CSMS knew made sending pointless). */
    void decided(State outcome, String detail) {
        this.state = outcome.name();
        this.detail = detail;
        this.updatedAt = Instant.now();
        this.concluded = true;
    }
}
