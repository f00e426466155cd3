package io.csms.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A driver's claim to an RFID card it says it holds. An RFID uid can be read by anyone with a phone,
 * so knowing it proves nothing: the claim is confirmed only by a tap of the card at the charger the
 * driver named, within minutes ({@link CardClaims#tapped}), or by an operator.
 */
@Entity
@Table(name = "card_claim")
@NamedQuery(name = CardClaim.WAITING_AT, query = """
        select c from CardClaim c where lower(c.idTag) = lower(:idTag) and c.chargerId = :charger
        and c.state = io.csms.authorization.CardClaim.State.WAITING and c.expiresAt > :now order by c.createdAt""")
@NamedQuery(
        name = CardClaim.IN_STATE,
        query = "select c from CardClaim c where c.state = :state order by c.createdAt desc")
public class CardClaim {

    static final String WAITING_AT = "CardClaim.waitingAt";
    static final String IN_STATE = "CardClaim.inState";

    public enum State {
        WAITING,
        CONFIRMED,
        EXPIRED,
        REFUSED
    }

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "id_tag", nullable = false)
    private String idTag;

    private String label;

    /** The charger at which the card will be tapped; null: an operator decides. */
    @Column(name = "charger_id")
    private String chargerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.WAITING;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    protected CardClaim() {}

    CardClaim(long accountId, String idTag, String label, String chargerId, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.idTag = idTag;
        this.label = label;
        this.chargerId = chargerId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    void decide(State outcome, String by, Instant at) {
        this.state = outcome;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    /** WAITING past its deadline reads as EXPIRED. */
    public State state(Instant now) {
        return state == State.WAITING && !now.isBefore(expiresAt) ? State.EXPIRED : state;
    }

    public UUID id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String idTag() {
        return idTag;
    }

    public String label() {
        return label;
    }

    public String chargerId() {
        return chargerId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
