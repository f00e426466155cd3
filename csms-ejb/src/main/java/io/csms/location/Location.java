package io.csms.location;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A site as the operator described it: its OCPI fields as one JSON document ({@link LocationData}
 * without EVSEs, which are {@link Evse} rows), who may see it, and when a partner last had reason to
 * look at it again. A deleted location is kept, with its EVSEs REMOVED, so partners learn of it
 * (OCPI has no deletion of locations).
 */
@Entity
@Table(name = "location")
@NamedQuery(name = Location.ALL, query = "select l from Location l where l.deletedAt is null order by l.id")
public class Location {

    static final String ALL = "Location.all";

    /** Which partners receive the location at all (apart from OCPI's publish flag, which partners apply). */
    public enum Visibility {
        /** Every partner, also those registered later (the default). */
        ALL,
        /** Only the partners named. */
        LISTED,
        /** No partner. */
        NONE
    }

    @Id
    private String id;

    @Version
    @Column(name = "opt_lock")
    private int optLock;

    @Column(nullable = false)
    private boolean publish;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility = Visibility.ALL;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "location_partner", joinColumns = @JoinColumn(name = "location_id"))
    @org.hibernate.annotations.BatchSize(size = 100)
    @Column(name = "partner_id")
    private Set<Long> partners = new LinkedHashSet<>();

    /** The partners that hold the location, from a push or a pull (written by {@link Locations}, read in queries). */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "location_told", joinColumns = @JoinColumn(name = "location_id"))
    @Column(name = "partner_id")
    @org.hibernate.annotations.Immutable
    private Set<Long> told = new LinkedHashSet<>();

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String details;

    @Column(name = "last_updated", nullable = false)
    private Instant lastUpdated;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected Location() {}

    Location(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean publish() {
        return publish;
    }

    public Visibility visibility() {
        return visibility;
    }

    public Set<Long> partners() {
        return Set.copyOf(partners);
    }

    /** The location's own fields (no EVSEs), as stored. */
    LocationData details() {
        return LocationJson.stored(details, LocationData.class);
    }

    String detailsJson() {
        return details;
    }

    public Instant lastUpdated() {
        return lastUpdated;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    void describe(LocationData data, String json) {
        this.publish = data.publish();
        this.details = json;
        this.deletedAt = null;
    }

    void visibleTo(Visibility visibility, Set<Long> partners) {
        this.visibility = visibility;
        this.partners.clear();
        if (visibility == Visibility.LISTED) {
            this.partners.addAll(partners);
        }
    }

    void updated(Instant at) {
        this.lastUpdated = at;
    }

    void deleted(Instant at) {
        this.deletedAt = at;
        this.lastUpdated = at;
    }

    /** Whether partner {@code partnerId} receives the location (null: anonymous open data, which sees published ones). */
    public boolean visibleTo(Long partnerId) {
        if (partnerId == null) {
            return publish && visibility != Visibility.NONE;
        }
        return switch (visibility) {
            case ALL -> true;
            case LISTED -> partners.contains(partnerId);
            case NONE -> false;
        };
    }
}
