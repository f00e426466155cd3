package io.csms.chargepoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A charge point, identified by the last path segment of its OCPP URL. */
@Entity
@Table(name = "charger")
@NamedQuery(name = Charger.COUNT, query = "select count(c) from Charger c")
public class Charger {

    static final String COUNT = "Charger.count";

    /** OCPP 1.6 BootNotification.conf registration status, as the operator decided it. */
    public enum RegistrationStatus { Accepted, Pending, Rejected }

    @Id
    private String id;

    @Column(name = "security_profile", nullable = false)
    private short securityProfile = 1;

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

    private boolean online;

    @Column(name = "last_seen")
    private Instant lastSeen;

    @Column(name = "last_boot")
    private Instant lastBoot;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Charger() {}

    public Charger(String id, RegistrationStatus registrationStatus) {
        this.id = id;
        this.registrationStatus = registrationStatus;
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
        seen(at);
    }

    public void seen(Instant at) {
        online = true;
        lastSeen = at;
        updatedAt = at;
    }

    public String id() {
        return id;
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

    public boolean online() {
        return online;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public Instant lastBoot() {
        return lastBoot;
    }

    /** What a charger tells about itself at boot (OCPP 1.6 BootNotification.req, protocol-neutral). */
    public record BootInfo(String vendor, String model, String serialNumber, String chargeBoxSerial,
            String firmwareVersion, String iccid, String imsi, String meterType, String meterSerialNumber) {}
}
