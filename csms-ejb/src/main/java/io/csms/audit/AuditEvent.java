package io.csms.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One security-relevant event. Immutable once written. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    public enum ActorType {
        ACCOUNT,
        PARTNER,
        CHARGER,
        SYSTEM,
        ANONYMOUS
    }

    public enum Outcome {
        SUCCESS,
        FAILURE,
        DENIED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false)
    private ActorType actorType;

    @Column(name = "actor_id")
    private String actorId;

    @Column(nullable = false)
    private String action;

    private String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(name = "client_address")
    private String clientAddress;

    private String detail;

    protected AuditEvent() {}

    public AuditEvent(
            ActorType actorType,
            String actorId,
            String action,
            String target,
            Outcome outcome,
            String clientAddress,
            String detail) {
        this.occurredAt = Instant.now();
        this.actorType = actorType;
        this.actorId = actorId;
        this.action = action;
        this.target = target;
        this.outcome = outcome;
        this.clientAddress = clientAddress;
        this.detail = detail;
    }

    public String action() {
        return action;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String actorId() {
        return actorId;
    }

    public String detail() {
        return detail;
    }
}
