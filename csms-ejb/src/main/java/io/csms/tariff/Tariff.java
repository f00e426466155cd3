package io.csms.tariff;

import io.csms.location.LocationJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A tariff as the operator described it: its OCPI fields as one JSON document, and when it last
 * changed. A deleted tariff is kept until partners were told (a DELETE to their Receivers).
 */
@Entity
@Table(name = "tariff")
@NamedQuery(name = Tariff.ALL, query = "select t from Tariff t where t.deletedAt is null order by t.id")
public class Tariff {

    static final String ALL = "Tariff.all";

    @Id
    private String id;

    @Version
    @Column(name = "opt_lock")
    private int optLock;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String details;

    @Column(name = "last_updated", nullable = false)
    private Instant lastUpdated;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected Tariff() {}

    Tariff(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    TariffData details() {
        return LocationJson.stored(details, TariffData.class);
    }

    boolean described() {
        return details != null;
    }

    public Instant lastUpdated() {
        return lastUpdated;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    void describe(String json, Instant at) {
        this.details = json;
        this.lastUpdated = at;
        this.deletedAt = null;
    }

    void deleted(Instant at) {
        this.deletedAt = at;
        this.lastUpdated = at;
    }
}
