package io.csms.transaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One sampled value of a meter (OCPP SampledValue), exactly as the charger sent it. */
@Entity
@Table(name = "meter_value")
public class MeterReading {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY) // rows are written by one statement per batch
    private Long id;

    @Column(name = "charger_id", nullable = false)
    private String chargerId;

    @Column(name = "connector_id", nullable = false)
    private int connectorId;

    @Column(name = "transaction_id")
    private Integer transactionId;

    @Column(name = "sampled_at", nullable = false)
    private Instant sampledAt;

    @Column(nullable = false)
    private String value;

    private String context;
    private String format;
    private String measurand;
    private String phase;
    private String location;
    private String unit;

    protected MeterReading() {}

    public MeterReading(String chargerId, int connectorId, Integer transactionId, Sample sample) {
        this.chargerId = chargerId;
        this.connectorId = connectorId;
        this.transactionId = transactionId;
        this.sampledAt = sample.at();
        this.value = sample.value();
        this.context = sample.context();
        this.format = sample.format();
        this.measurand = sample.measurand();
        this.phase = sample.phase();
        this.location = sample.location();
        this.unit = sample.unit();
    }

    public Integer transactionId() {
        return transactionId;
    }

    public Sample sample() {
        return new Sample(sampledAt, value, context, format, measurand, phase, location, unit);
    }

    /** A sampled value, protocol-neutral. */
    public record Sample(
            Instant at,
            String value,
            String context,
            String format,
            String measurand,
            String phase,
            String location,
            String unit) {}
}
