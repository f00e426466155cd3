package io.csms.roaming;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An OCPI credentials token. SERVER: one the partner presents to us (token A for registration, or
 * C), kept only as a SHA-256 hash. CLIENT: one we present to the partner (their B), kept encrypted.
 */
@Entity
@Table(name = "ocpi_credential")
@NamedQuery(name = PartnerCredential.BY_HASH, query = "select c from PartnerCredential c where c.tokenSha256 = :hash")
@NamedQuery(name = PartnerCredential.OF_PARTNER, query = """
        select c from PartnerCredential c where c.partnerId = :partner and c.direction = :direction
        and c.status in :statuses order by c.id""")
class PartnerCredential {

    static final String BY_HASH = "PartnerCredential.byHash";
    static final String OF_PARTNER = "PartnerCredential.ofPartner";

    enum Direction {
        SERVER,
        CLIENT
    }

    /** PENDING: issued, not yet used (its predecessor still works); ACTIVE; RETIRED; REVOKED. */
    enum Status {
        PENDING,
        ACTIVE,
        RETIRED,
        REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private Long partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Direction direction;

    @Column(nullable = false, updatable = false)
    private boolean registration;

    @Column(name = "token_sha256", updatable = false)
    private String tokenSha256;

    @Column(name = "token_secret", updatable = false)
    private String tokenSecret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected PartnerCredential() {}

    private PartnerCredential(
            Long partnerId,
            Direction direction,
            boolean registration,
            String hash,
            String secret,
            Status status,
            Instant now) {
        this.partnerId = partnerId;
        this.direction = direction;
        this.registration = registration;
        this.tokenSha256 = hash;
        this.tokenSecret = secret;
        this.status = status;
        this.createdAt = now;
    }

    static PartnerCredential server(Long partnerId, boolean registration, String hash, Status status, Instant now) {
        return new PartnerCredential(partnerId, Direction.SERVER, registration, hash, null, status, now);
    }

    static PartnerCredential client(Long partnerId, String encryptedToken, Instant now) {
        return new PartnerCredential(partnerId, Direction.CLIENT, false, null, encryptedToken, Status.ACTIVE, now);
    }

    Long id() {
        return id;
    }

    Long partnerId() {
        return partnerId;
    }

    boolean registration() {
        return registration;
    }

    Status status() {
        return status;
    }

    String tokenSecret() {
        return tokenSecret;
    }

    /** Whether a request may be authenticated with it now. */
    boolean usable(Instant now) {
        return (status == Status.ACTIVE || status == Status.PENDING) && (expiresAt == null || now.isBefore(expiresAt));
    }

    void activate() {
        this.status = Status.ACTIVE;
    }

    /** Superseded: it keeps working until its successor is used, and at most until {@code until}. */
    void supersede(Instant until) {
        this.expiresAt = until;
    }

    void retire(Instant now) {
        this.status = Status.RETIRED;
        this.retiredAt = now;
    }

    void revoke(Instant now) {
        this.status = Status.REVOKED;
        this.retiredAt = now;
    }

    void used(Instant now) {
        this.lastUsedAt = now;
    }
}
