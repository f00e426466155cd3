package io.csms.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Someone who logs in: a driver (role user), an operator (admin) or the first operator (root). */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_EMAIL, query = "select a from Account a where lower(a.email) = :email")
@NamedQuery(name = Account.WITH_ROLE, query = "select count(a) from Account a where a.roles like :role")
public class Account {

    static final String BY_EMAIL = "Account.byEmail";
    static final String WITH_ROLE = "Account.withRole";

    /** UNVERIFIED: signed up, e-mail address not yet proven (production); LOCKED and DISABLED: set by a root. */
    public enum Status {
        ACTIVE,
        LOCKED,
        DISABLED,
        UNVERIFIED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String roles;

    @Column(nullable = false)
    private String status = Status.ACTIVE.name();

    /** The second factor's secret (RFC 6238), sealed; in use once confirmed. */
    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(name = "totp_confirmed_at")
    private Instant totpConfirmedAt;

    /** The last time step a code was accepted for: a code works once (RFC 6238 §5.2). */
    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Account() {}

    Account(String email, String passwordHash, String roles) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = roles;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    public List<String> roles() {
        return Arrays.stream(roles.split(","))
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .toList();
    }

    public boolean active() {
        return Status.ACTIVE.name().equals(status);
    }

    public Status status() {
        return Status.valueOf(status);
    }

    void status(Status status) {
        this.status = status.name();
        this.updatedAt = Instant.now();
    }

    void roles(List<String> roles) {
        this.roles = String.join(",", roles);
        this.updatedAt = Instant.now();
    }

    /** An admin or a root: operator rights. */
    public boolean operator() {
        return roles().contains("admin") || roles().contains("root");
    }

    /** Whether a second factor is enrolled (set and confirmed). */
    public boolean secondFactor() {
        return totpSecret != null && totpConfirmedAt != null;
    }

    String totpSecret() {
        return totpSecret;
    }

    /** When the second factor in use was confirmed (null without one): a reset or a new one changes it. */
    public Instant secondFactorSince() {
        return secondFactor() ? totpConfirmedAt : null;
    }

    /** A new, unconfirmed secret (an enrolment under way); null removes the second factor. */
    void totp(String sealedSecret) {
        this.totpSecret = sealedSecret;
        this.totpConfirmedAt = null;
        this.totpLastStep = null;
        this.updatedAt = Instant.now();
    }

    void totpConfirmed(Instant at) {
        this.totpConfirmedAt = at;
    }

    /** Uses up the time step {@code step}: false when it, or a later one, was used before (a replay). */
    boolean useStep(long step) {
        if (totpLastStep != null && step <= totpLastStep) {
            return false;
        }
        totpLastStep = step;
        return true;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
