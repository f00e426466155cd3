package io.csms.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A long-lived token that buys new access tokens; only its SHA-256 is stored. */
@Entity
@Table(name = "refresh_token")
@NamedQuery(name = RefreshToken.BY_HASH, query = "select t from RefreshToken t where t.tokenHash = :hash")
@NamedQuery(name = RefreshToken.REVOKE_ALL, query = """
        update RefreshToken t set t.revokedAt = :now where t.accountId = :account and t.revokedAt is null""")
class RefreshToken {

    static final String BY_HASH = "RefreshToken.byHash";
    static final String REVOKE_ALL = "RefreshToken.revokeAll";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "replaced_by")
    private Long replacedBy;

    /** Whether the login it comes from passed the second factor: its successors carry that on, nothing more. */
    @Column(name = "second_factor", nullable = false, updatable = false)
    private boolean secondFactor;

    protected RefreshToken() {}

    RefreshToken(Long accountId, String tokenHash, Instant issuedAt, Instant expiresAt, boolean secondFactor) {
        this.accountId = accountId;
        this.tokenHash = tokenHash;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.secondFactor = secondFactor;
    }

    boolean secondFactor() {
        return secondFactor;
    }

    Long id() {
        return id;
    }

    Long accountId() {
        return accountId;
    }

    boolean usable(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    boolean revoked() {
        return revokedAt != null;
    }

    void revoke(Instant at, Long successor) {
        this.revokedAt = at;
        this.replacedBy = successor;
    }
}
