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

    public enum Status {
        ACTIVE,
        LOCKED,
        DISABLED
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

    public Instant createdAt() {
        return createdAt;
    }
}
