package io.csms.chargepoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A security event a charger reported (firmware tampering, failed logins, ...). */
@Entity
@Table(name = "security_event")
public class SecurityEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "charger_id", nullable = false)
    private String chargerId;

    @Column(nullable = false)
    private String type;

    @Column(name = "tech_info")
    private String techInfo;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt = Instant.now();

    protected SecurityEvent() {}

    public SecurityEvent(String chargerId, String type, Instant occurredAt, String techInfo) {
        this.chargerId = chargerId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.techInfo = techInfo;
    }

    public String type() {
        return type;
    }

    public String techInfo() {
        return techInfo;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
