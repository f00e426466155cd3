package io.csms.chargepoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/** A charge point, identified by the last path segment of its OCPP URL. */
@Entity
@Table(name = "charger")
@DynamicUpdate // an update writes only what it changed: boots, operators and presence writes do not undo one another
@NamedQuery(name = Charger.COUNT, query = "select count(c) from Charger c")
@NamedQuery(name = Charger.ALL, query = "select c from Charger c order by c.id")
@NamedQuery(
        name = Charger.WITH_STATUS,
        query = "select c from Charger c where c.registrationStatus = :status order by c.id")
public class Charger {

    static final String COUNT = "Charger.count";
    static final String ALL = "Charger.all";
    static final String WITH_STATUS = "Charger.withStatus";

    /** OCPP 1.6 BootNotification.conf registration status, as the operator decided it. */
    public enum RegistrationStatus {
        Accepted,
        Pending,
        Rejected
    }

    @Id
    private String id;

    @Column(name = "security_profile", nullable = false)
    private short securityProfile = 1;

    /** SHA-256 of the AuthorizationKey (see {@link AuthorizationKeys}); profiles 1 and 2. */
    @Column(name = "authorization_key")
    private String authorizationKey;

    @Column(name = "authorization_key_hex", nullable = false)
    private boolean authorizationKeyHex;

    /** Profile 3: the client certificate's subject CN must be this (the charger id when not set). */
    @Column(name = "certificate_subject")
    private String certificateSubject;

    /** Profile 3: a CA (PEM) whose certificates this charger may present besides the CSMS CA's. */
    @Column(name = "certificate_ca")
    private String certificateCa;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_status", nullable = false)
    private RegistrationStatus registrationStatus = RegistrationStatus.Accepted;

    private String vendor;
    private String model;

    @Column(name = "serial_number")
    private String serialNumber;

    @Column(name = "charge_box_serial")
    private String chargeBoxSerial;

    @Column(name = "firmware_version")
    private String firmwareVersion;

    private String iccid;
    private String imsi;

    @Column(name = "meter_type")
    private String meterType;

    @Column(name = "meter_serial_number")
    private String meterSerialNumber;

    /** Written by {@link Presence} only (in batches, as is {@code online}), never with the rest of the row. */
    @Column(name = "last_seen", insertable = false, updatable = false)
    private Instant lastSeen;

    @Column(name = "last_boot")
    private Instant lastBoot;

    @Column(name = "firmware_status")
    private String firmwareStatus;

    @Column(name = "firmware_status_at")
    private Instant firmwareStatusAt;

    @Column(name = "diagnostics_status")
    private String diagnosticsStatus;

    @Column(name = "diagnostics_status_at")
    private Instant diagnosticsStatusAt;

    @Column(name = "log_status")
    private String logStatus;

    @Column(name = "log_status_at")
    private Instant logStatusAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Charger() {}

    public Charger(String id, RegistrationStatus registrationStatus) {
        this.id = id;
        this.registrationStatus = registrationStatus;
    }

    /** Sets how the charger must authenticate (OCPP 1.6 security profiles 1, 2, 3). */
    public void secure(
            int profile, String authorizationKeyHash, boolean keyHex, String certificateSubject, String certificateCa) {
        if (profile < 1 || profile > 3) {
            throw new IllegalArgumentException("Security profile is 1, 2 or 3");
        }
        this.securityProfile = (short) profile;
        this.authorizationKey = authorizationKeyHash;
        this.authorizationKeyHex = keyHex;
        this.certificateSubject = certificateSubject;
        this.certificateCa = certificateCa;
        this.updatedAt = Instant.now();
    }

    /**
     * How the charger authenticates, for the audit trail: no secret, but enough to see a downgrade
     * (profile, whether a key is set, key encoding, certificate subject, whether a CA of its own is set).
     */
    public String credentialsSummary() {
        return "securityProfile=" + securityProfile + " authorizationKey=" + (authorizationKey == null ? "none" : "set")
                + " authorizationKeyHex=" + authorizationKeyHex + " certificateSubject=" + certificateSubject()
                + " certificateCa=" + (certificateCa == null ? "none" : "set");
    }

    /** Whether the charger has what its security profile needs to authenticate (a key for 1 and 2). */
    public boolean hasCredentials() {
        return securityProfile == 3 || authorizationKey != null;
    }

    public String certificateCa() {
        return certificateCa;
    }

    public void registrationStatus(RegistrationStatus status) {
        this.registrationStatus = status;
        this.updatedAt = Instant.now();
    }

    /** Records what the charger said about itself in a BootNotification. */
    public void booted(BootInfo info, Instant at) {
        vendor = info.vendor();
        model = info.model();
        serialNumber = info.serialNumber();
        chargeBoxSerial = info.chargeBoxSerial();
        firmwareVersion = info.firmwareVersion();
        iccid = info.iccid();
        imsi = info.imsi();
        meterType = info.meterType();
        meterSerialNumber = info.meterSerialNumber();
        lastBoot = at;
        updatedAt = at;
    }

    /** A FirmwareStatusNotification or SignedFirmwareStatusNotification. */
    public void firmwareStatus(String status, Instant at) {
        firmwareStatus = status;
        firmwareStatusAt = at;
        updatedAt = at;
    }

    /** A DiagnosticsStatusNotification. */
    public void diagnosticsStatus(String status, Instant at) {
        diagnosticsStatus = status;
        diagnosticsStatusAt = at;
        updatedAt = at;
    }

    /** A LogStatusNotification. */
    public void logStatus(String status, Instant at) {
        logStatus = status;
        logStatusAt = at;
        updatedAt = at;
    }

    public String firmwareStatus() {
        return firmwareStatus;
    }

    public String diagnosticsStatus() {
        return diagnosticsStatus;
    }

    public String logStatus() {
        return logStatus;
    }

    public String id() {
        return id;
    }

    public int securityProfile() {
        return securityProfile;
    }

    public String authorizationKeyHash() {
        return authorizationKey;
    }

    public boolean authorizationKeyHex() {
        return authorizationKeyHex;
    }

    public String certificateSubject() {
        return certificateSubject != null ? certificateSubject : id;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public RegistrationStatus registrationStatus() {
        return registrationStatus;
    }

    public String vendor() {
        return vendor;
    }

    public String model() {
        return model;
    }

    public String firmwareVersion() {
        return firmwareVersion;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public Instant lastBoot() {
        return lastBoot;
    }

    /** What a charger tells about itself at boot (OCPP 1.6 BootNotification.req, protocol-neutral). */
    public record BootInfo(
            String vendor,
            String model,
            String serialNumber,
            String chargeBoxSerial,
            String firmwareVersion,
            String iccid,
            String imsi,
            String meterType,
            String meterSerialNumber) {}
}
