package io.csms.transaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A charging session as OCPP 1.6 knows it: integer id, meter start/stop in Wh. */
@Entity
@Table(name = "charging_transaction")
@NamedQuery(name = ChargingTransaction.ACTIVE_FOR_TAG, query = """
        select t.id from ChargingTransaction t where t.idTag = :idTag and t.stopTime is null
        and t.startTime > :since""")
@NamedQuery(name = ChargingTransaction.ACTIVE_ON_CONNECTOR, query = """
        select t from ChargingTransaction t where t.chargerId = :charger and t.connectorId = :connector
        and t.stopTime is null""")
public class ChargingTransaction {

    static final String ACTIVE_FOR_TAG = "ChargingTransaction.activeForTag";
    static final String ACTIVE_ON_CONNECTOR = "ChargingTransaction.activeOnConnector";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transaction_ids")
    @SequenceGenerator(name = "transaction_ids", sequenceName = "charging_transaction_id_seq", allocationSize = 50)
    private Integer id;

    @Column(name = "charger_id", nullable = false)
    private String chargerId;

    @Column(name = "connector_id", nullable = false)
    private int connectorId;

    @Column(name = "id_tag", nullable = false)
    private String idTag;

    @Column(name = "meter_start", nullable = false)
    private int meterStart;

    @Column(name = "start_time", nullable = false)
    private Instant startTime;

    @Column(name = "reservation_id")
    private Integer reservationId;

    @Column(name = "meter_stop")
    private Integer meterStop;

    @Column(name = "stop_time")
    private Instant stopTime;

    @Column(name = "stop_reason")
    private String stopReason;

    @Column(name = "stop_id_tag")
    private String stopIdTag;

    /** The account whose tag started it, so the session stays the driver's when the card is unlinked. */
    @Column(name = "account_id", updatable = false)
    private Long accountId;

    /** The partner's token that started it (OCPI), how the eMSP authorized it and its reference. */
    @Column(name = "ocpi_token_id", updatable = false)
    private Long ocpiTokenId;

    @Column(name = "auth_method", updatable = false)
    private String authMethod;

    @Column(name = "authorization_reference", updatable = false)
    private String authorizationReference;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected ChargingTransaction() {}

    public ChargingTransaction(
            String chargerId,
            int connectorId,
            String idTag,
            int meterStart,
            Instant startTime,
            Integer reservationId,
            Long accountId) {
        this.chargerId = chargerId;
        this.accountId = accountId;
        this.connectorId = connectorId;
        this.idTag = idTag;
        this.meterStart = meterStart;
        this.startTime = startTime;
        this.reservationId = reservationId;
    }

    /** Started with a partner's token: which one, authorized how (OCPI AuthMethod), the eMSP's reference. */
    public void roaming(long tokenId, String authMethod, String authorizationReference) {
        this.ocpiTokenId = tokenId;
        this.authMethod = authMethod;
        this.authorizationReference = authorizationReference;
    }

    public Long ocpiTokenId() {
        return ocpiTokenId;
    }

    public String authMethod() {
        return authMethod;
    }

    public String authorizationReference() {
        return authorizationReference;
    }

    /** Records the end; a repeated StopTransaction for a stopped transaction changes nothing. */
    public void stop(int meterStop, Instant at, String reason, String idTag) {
        if (stopTime != null) {
            return;
        }
        this.meterStop = meterStop;
        this.stopTime = at;
        this.stopReason = reason == null ? "Local" : reason;
        this.stopIdTag = idTag;
        this.updatedAt = Instant.now();
    }

    public Integer id() {
        return id;
    }

    public String chargerId() {
        return chargerId;
    }

    public int connectorId() {
        return connectorId;
    }

    public String idTag() {
        return idTag;
    }

    public int meterStart() {
        return meterStart;
    }

    public Integer meterStop() {
        return meterStop;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant stopTime() {
        return stopTime;
    }

    public Long accountId() {
        return accountId;
    }

    public boolean active() {
        return stopTime == null;
    }

    public String stopReason() {
        return stopReason;
    }

    /** Energy charged in Wh, once stopped. */
    public Integer energyWh() {
        return meterStop == null ? null : meterStop - meterStart;
    }
}
