package io.csms.location;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One EVSE of a location: one OCPP charger connector, its OCPI fields (connectors included) as a JSON
 * document, and its status, which follows the connector. An EVSE taken out of its location stays as
 * REMOVED, which is what partners must be told.
 */
@Entity
@Table(name = "evse")
@NamedQuery(
        name = Evse.OF_LOCATIONS,
        query = "select e from Evse e where e.key.locationId in :locations order by e.key.locationId, e.key.uid")
@NamedQuery(
        name = Evse.IN_USE,
        query = "select e from Evse e where e.status <> io.csms.location.LocationData.EvseStatus.REMOVED")
public class Evse {

    static final String OF_LOCATIONS = "Evse.ofLocations";
    static final String IN_USE = "Evse.inUse";

    @Embeddable
    public record Key(
            @Column(name = "location_id") String locationId,
            @Column(name = "uid") String uid) implements Serializable {}

    @EmbeddedId
    private Key key;

    @Column(name = "evse_id")
    private String evseId;

    @Column(name = "charger_id", nullable = false)
    private String chargerId;

    @Column(name = "connector_id", nullable = false)
    private int connectorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LocationData.EvseStatus status;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String details;

    @Column(name = "last_updated", nullable = false)
    private Instant lastUpdated;

    protected Evse() {}

    Evse(String locationId, String uid) {
        this.key = new Key(locationId, uid);
    }

    public String locationId() {
        return key.locationId();
    }

    public String uid() {
        return key.uid();
    }

    public String chargerId() {
        return chargerId;
    }

    public int connectorId() {
        return connectorId;
    }

    public LocationData.EvseStatus status() {
        return status;
    }

    public Instant lastUpdated() {
        return lastUpdated;
    }

    String detailsJson() {
        return details;
    }

    /** The EVSE as the model has it: the stored fields with its status, time of change and OCPP connector. */
    LocationData.Evse data() {
        LocationData.Evse stored = LocationJson.stored(details, LocationData.Evse.class);
        return stored.with(
                status, lastUpdated, stored.connectors(), new LocationData.OcppConnector(chargerId, connectorId));
    }

    void describe(String evseId, String chargerId, int connectorId, String json) {
        this.evseId = evseId;
        this.chargerId = chargerId;
        this.connectorId = connectorId;
        this.details = json;
    }

    void status(LocationData.EvseStatus status, Instant at) {
        this.status = status;
        this.lastUpdated = at;
    }
}
