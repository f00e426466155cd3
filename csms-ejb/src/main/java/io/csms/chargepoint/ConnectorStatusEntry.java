package io.csms.chargepoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One status report in a connector's history (kept, never overwritten). */
@Entity
@Table(name = "connector_status")
public class ConnectorStatusEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY) // rows are written by one statement per batch
    private Long id;

    @Column(name = "charger_id", nullable = false)
    private String chargerId;

    @Column(name = "connector_id", nullable = false)
    private int connectorId;

    @Column(nullable = false)
    private String status;

    @Column(name = "error_code", nullable = false)
    private String errorCode;

    private String info;

    @Column(name = "vendor_id")
    private String vendorId;

    @Column(name = "vendor_error_code")
    private String vendorErrorCode;

    @Column(name = "status_at")
    private Instant statusAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected ConnectorStatusEntry() {}
}
