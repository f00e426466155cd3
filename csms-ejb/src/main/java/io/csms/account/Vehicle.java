package io.csms.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A driver's car, as the driver describes it. */
@Entity
@Table(name = "vehicle")
public class Vehicle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    private String label;

    private String make;

    private String model;

    @Column(name = "license_plate")
    private String licensePlate;

    @Column(name = "battery_kwh")
    private BigDecimal batteryKwh;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Vehicle() {}

    Vehicle(Long accountId, VehicleDetails details) {
        this.accountId = accountId;
        describe(details);
    }

    void describe(VehicleDetails details) {
        this.label = details.label();
        this.make = details.make();
        this.model = details.model();
        this.licensePlate = details.licensePlate();
        this.batteryKwh = details.batteryKwh();
    }

    public Long id() {
        return id;
    }

    Long accountId() {
        return accountId;
    }

    public VehicleDetails details() {
        return new VehicleDetails(label, make, model, licensePlate, batteryKwh);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
