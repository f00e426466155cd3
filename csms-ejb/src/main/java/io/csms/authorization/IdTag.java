package io.csms.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An OCPP IdToken (≤ 20 characters) with its status, expiry and parent (group) tag. */
@Entity
@Table(name = "id_tag")
public class IdTag {

    @Id
    @Column(name = "id_tag")
    private String idTag;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "parent_id_tag")
    private String parentIdTag;

    @Column(nullable = false)
    private String status = "Accepted";

    @Column(name = "expiry_date")
    private Instant expiryDate;

    @Column(nullable = false)
    private String kind = "RFID";

    private String label;

    /** Blocked by its owner (a driver who lost the card); apart from {@code status}, which is the operator's. */
    @Column(name = "owner_blocked", nullable = false)
    private boolean ownerBlocked;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected IdTag() {}

    public IdTag(String idTag, Long accountId, String kind, String label) {
        this.idTag = idTag;
        this.accountId = accountId;
        this.kind = kind;
        this.label = label;
    }

    public String idTag() {
        return idTag;
    }

    public Long accountId() {
        return accountId;
    }

    public String kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String parentIdTag() {
        return parentIdTag;
    }

    public String status() {
        return status;
    }

    public Instant expiryDate() {
        return expiryDate;
    }

    public void status(String status) {
        this.status = status;
        this.updatedAt = Instant.now();
    }

    public boolean ownerBlocked() {
        return ownerBlocked;
    }

    /** The owner blocks or unblocks the card; an operator's status stays as it is. */
    public void ownerBlocked(boolean blocked) {
        this.ownerBlocked = blocked;
        this.updatedAt = Instant.now();
    }

    public void label(String label) {
        this.label = label;
        this.updatedAt = Instant.now();
    }

    public void parent(String parentIdTag) {
        this.parentIdTag = parentIdTag;
        this.updatedAt = Instant.now();
    }

    public void expiry(Instant expiryDate) {
        this.expiryDate = expiryDate;
        this.updatedAt = Instant.now();
    }
}
