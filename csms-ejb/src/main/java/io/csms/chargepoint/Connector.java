package io.csms.chargepoint;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A connector's latest reported status (connector 0 is the charger as a whole), read here; written
 * by {@link Chargers#statusChangedAll} only.
 */
@Entity
@Table(name = "connector")
public class Connector {

    /** Charger id and connector number. */
    @Embeddable
    public record Key(
            @Column(name = "charger_id") String chargerId,
            @Column(name = "connector_id") int connectorId) implements Serializable {}

    @EmbeddedId
    private Key key;

    private String status;

    @Column(name = "error_code")
    private String errorCode;

    private String info;

    @Column(name = "vendor_id")
    private String vendorId;

    @Column(name = "vendor_error_code")
    private String vendorErrorCode;

    @Column(name = "status_at")
    private Instant statusAt;

    protected Connector() {}

    public String chargerId() {
        return key.chargerId();
    }

    public int connectorId() {
        return key.connectorId();
    }

    public String status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public Instant statusAt() {
        return statusAt;
    }
}
