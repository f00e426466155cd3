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
        // whatever a caller chose (a path, an id) fits its column: a row that cannot be written would
        // fail the request and leave no trace of it (security review M13)
        this.actorId = clip(actorId, 254);
        this.action = clip(action, 64);
        this.target = clip(target, 254);
        this.outcome = outcome;
        this.clientAddress = clip(clientAddress, 64);
        this.detail = clip(detail, 4000);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
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
