package io.csms.location;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.chargepoint.Charger;
import io.csms.location.LocationData.EvseStatus;
import io.csms.platform.OurParty;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Locations as the operator manages them (describe, change who sees them, delete) and as partners
 * read them (published to them, by last change). A location is described whole, OCPI 2.2.1 style:
 * what is unchanged keeps its {@code last_updated}, EVSEs left out are REMOVED, and every change a
 * partner can see fires {@link LocationChanged} in the same transaction.
 */
@Stateless
public class Locations {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    LocationRules rules;

    @Inject
    EvseStatuses statuses;

    @Inject
    Event<LocationChanged> changed;

    @Inject
    AuditTrail audit;

    @Inject
    OurParty ours;

    /** What a put did: the location as stored now, and whether it is new (or deleted before). */
    public record Saved(LocationData location, boolean created) {}

    /** One page of locations and how many match in all. */
    public record Page(List<LocationData> locations, long total) {}

    /**
     * Describes location {@code id} anew from an OCPI 2.2.1 Location (JSON): every EVSE must name its
     * OCPP charger connector ({@code ocpp}); refused, changing nothing, when invalid (400), or when an
     * EVSE uid, evse_id or connector is another location's (409).
     */
    public Saved put(String id, String json, String actor, String clientAddress) {
        rules.checkId(id);
        LocationData given = rules.parse(json);
        Instant now = now();
        Location location = em.find(Location.class, id);
        boolean created = location == null || location.deleted();
        if (location == null) {
            location = new Location(id);
        }
        Map<String, Evse> before = new LinkedHashMap<>();
        if (location.detailsJson() != null) {
            evsesOf(List.of(id)).forEach(e -> before.put(e.uid(), e));
        }
        // what the location's own fields are, stored without what is ours to say
        LocationData own = given.asOurs(null, null, id, null);
        boolean changedAny = created || !own.equals(location.details());

        List<LocationData.Evse> evses = new ArrayList<>();
        Map<String, Evse> rows = new LinkedHashMap<>();
        for (LocationData.Evse evse : given.evses() == null ? List.<LocationData.Evse>of() : given.evses()) {
            LocationData.OcppConnector ocpp = rules.ocppOf(evse);
            if (em.find(Charger.class, ocpp.chargePointId()) == null) {
                throw new Refusal(
                        Refusal.Kind.INVALID,
                        "unknown-charger",
                        "evses: " + evse.uid() + " names charger " + ocpp.chargePointId()
                                + ", which is not registered");
            }
            Evse row = before.remove(evse.uid());
            EvseStatus status;
            Instant evseUpdated;
            List<LocationData.Connector> connectors;
            if (row != null && row.status() != EvseStatus.REMOVED) {
                LocationData.Evse stored = row.data();
                connectors = keepTimes(evse.connectors(), stored.connectors(), now);
                boolean same = stored.with(null, null, stored.connectors(), null)
                                .equals(evse.with(null, null, connectors, null))
                        && ocpp.equals(stored.ocpp());
                status = ocpp.equals(stored.ocpp())
                        ? row.status()
                        : statuses.current(ocpp.chargePointId(), ocpp.connectorId());
                evseUpdated = same ? row.lastUpdated() : now;
            } else {
                if (row == null) {
                    row = new Evse(id, evse.uid());
                }
                connectors = keepTimes(evse.connectors(), List.of(), now);
                status = statuses.current(ocpp.chargePointId(), ocpp.connectorId());
                evseUpdated = now;
            }
            changedAny |= evseUpdated.equals(now);
            evses.add(evse.with(status, evseUpdated, connectors, ocpp));
            rows.put(evse.uid(), row);
        }
        changedAny |= before.values().stream().anyMatch(e -> e.status() != EvseStatus.REMOVED);
        Instant updated = changedAny ? now : location.lastUpdated();
        LocationData whole =
                own.asOurs(ours.countryCode(), ours.partyId(), id, updated).withEvses(evses);
        rules.check(whole);
        rules.checkUnique(em, id, evses);
        checkTariffsExist(evses);

        location.describe(given, LocationJson.write(own));
        location.updated(updated);
        if (!em.contains(location)) {
            em.persist(location);
        }
        for (LocationData.Evse evse : evses) {
            Evse row = rows.get(evse.uid());
            row.describe(
                    evse.evseId(),
                    evse.ocpp().chargePointId(),
                    evse.ocpp().connectorId(),
                    LocationJson.write(evse.with(null, null, evse.connectors(), null)));
            row.status(evse.status(), evse.lastUpdated());
            if (!em.contains(row)) {
                em.persist(row);
            }
        }
        for (Evse gone : before.values()) {
            if (gone.status() != EvseStatus.REMOVED) {
                gone.status(EvseStatus.REMOVED, now);
            }
        }
        em.flush();
        if (changedAny) {
            changed.fire(new LocationChanged(id, null, LocationChanged.Change.LOCATION));
            audit.record(new AuditEvent(
                    AuditEvent.ActorType.ACCOUNT,
                    actor,
                    created ? "location.create" : "location.update",
                    "location:" + id,
                    AuditEvent.Outcome.SUCCESS,
                    clientAddress,
                    evses.size() + " EVSEs"));
        }
        return new Saved(find(id).orElseThrow(), created);
    }

    /** Which partners receive the location: all (the default), those listed, or none. */
    public LocationData visibleTo(
            String id, Location.Visibility visibility, Set<Long> partners, String actor, String clientAddress) {
        Location location = existing(id);
        Set<Long> listed = partners == null ? Set.of() : partners;
        if (visibility == Location.Visibility.LISTED) {
            Number known = (Number) em.createNativeQuery("select count(*) from ocpi_partner where id in (:ids)")
                    .setParameter("ids", listed.isEmpty() ? Set.of(-1L) : listed)
                    .getSingleResult();
            if (listed.isEmpty() || known.intValue() != listed.size()) {
                throw new Refusal(Refusal.Kind.INVALID, "invalid-visibility", "partners: the ids of existing partners");
            }
        }
        location.visibleTo(visibility, listed);
        location.updated(now());
        changed.fire(new LocationChanged(id, null, LocationChanged.Change.LOCATION));
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "location.visibility",
                "location:" + id,
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                visibility + (visibility == Location.Visibility.LISTED ? " " + partners : "")));
        return find(id).orElseThrow();
    }

    /** Deletes a location: its EVSEs become REMOVED, which partners are told; the id may be described again. */
    public void delete(String id, String actor, String clientAddress) {
        Location location = existing(id);
        Instant now = now();
        evsesOf(List.of(id)).stream()
                .filter(e -> e.status() != EvseStatus.REMOVED)
                .forEach(e -> e.status(EvseStatus.REMOVED, now));
        location.deleted(now);
        changed.fire(new LocationChanged(id, null, LocationChanged.Change.LOCATION));
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "location.delete",
                "location:" + id,
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                null));
    }

    /** A location as the operator sees it (EVSEs in use, with their OCPP connectors); empty when unknown or deleted. */
    public Optional<LocationData> find(String id) {
        Location location = em.find(Location.class, id);
        if (location == null || location.deleted()) {
            return Optional.empty();
        }
        return Optional.of(assemble(location, evsesOf(List.of(id)), false));
    }

    /** A location and the EVSE in it that is one charger connector. */
    public record Place(LocationData location, LocationData.Evse evse) {}

    /** The location and EVSE of a charger's connector, when one describes it. */
    public Optional<Place> placeOf(String chargerId, int connectorId) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("""
                        select location_id from evse
                        where charger_id = ?1 and connector_id = ?2 and status <> 'REMOVED'""")
                .setParameter(1, chargerId)
                .setParameter(2, connectorId)
                .getResultList();
        return ids.stream()
                .findFirst()
                .flatMap(this::find)
                .flatMap(location -> location.evses().stream()
                        .filter(e -> e.ocpp() != null
                                && e.ocpp().chargePointId().equals(chargerId)
                                && e.ocpp().connectorId() == connectorId)
                        .findFirst()
                        .map(evse -> new Place(location, evse)));
    }

    /** Where a charger is, as OCPI LocationReferences name it: a location and the uids of its EVSEs there. */
    public record References(String locationId, List<String> evseUids) {}

    /** The location of a charger's EVSEs in use (the first, should they be at several), when it has any. */
    public Optional<References> referencesOf(String chargerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        select e.location_id, e.uid from evse e join location l on l.id = e.location_id
                        where e.charger_id = ?1 and e.status <> 'REMOVED' and l.deleted_at is null
                        order by e.location_id, e.connector_id""").setParameter(1, chargerId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String location = (String) rows.get(0)[0];
        return Optional.of(new References(
                location,
                rows.stream()
                        .filter(r -> r[0].equals(location))
                        .map(r -> (String) r[1])
                        .toList()));
    }

    /** The entity, for who-sees-it settings. */
    public Optional<Location> entity(String id) {
        return Optional.ofNullable(em.find(Location.class, id)).filter(l -> !l.deleted());
    }

    public List<LocationData> list(int offset, int limit) {
        List<Location> page = em.createNamedQuery(Location.ALL, Location.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        return assembleAll(page, false);
    }

    /**
     * The locations partner {@code partnerId} receives (null: anonymous open data, only published
     * ones), oldest change first, within {@code [from, to)} of {@code last_updated}; deleted ones are
     * listed with their EVSEs REMOVED, so that a partner pulling changes learns of them, and so are
     * those it read before and may no longer see. A partner holds what it read from now on.
     */
    public Page published(Long partnerId, Instant from, Instant to, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (from != null) {
            where.append(" and l.lastUpdated >= :from");
        }
        if (to != null) {
            where.append(" and l.lastUpdated < :to");
        }
        where.append(
                partnerId == null
                        ? " and l.publish = true and l.deletedAt is null"
                                + " and l.visibility <> io.csms.location.Location.Visibility.NONE"
                        : " and (l.visibility = io.csms.location.Location.Visibility.ALL"
                                + " or (l.visibility = io.csms.location.Location.Visibility.LISTED"
                                + " and :partner member of l.partners)"
                                + " or :partner member of l.told)");
        TypedQuery<Location> page =
                em.createQuery("select l from Location l" + where + " order by l.lastUpdated, l.id", Location.class);
        TypedQuery<Long> count = em.createQuery("select count(l) from Location l" + where, Long.class);
        for (TypedQuery<?> q : List.of(page, count)) {
            if (from != null) {
                q.setParameter("from", from);
            }
            if (to != null) {
                q.setParameter("to", to);
            }
            if (partnerId != null) {
                q.setParameter("partner", partnerId);
            }
        }
        List<Location> locations =
                page.setFirstResult(offset).setMaxResults(limit).getResultList();
        if (partnerId != null) {
            // what it read, it holds: should it lose sight of one, its next pull shows it withdrawn
            told(partnerId, locations.stream().map(Location::id).toList());
        }
        return new Page(assembleAll(locations, partnerId, true), count.getSingleResult());
    }

    /** One location as partner {@code partnerId} receives it (null: open data); empty when it may not see it. */
    public Optional<LocationData> publishedOne(Long partnerId, String id) {
        Location location = em.find(Location.class, id);
        if (location == null || !location.visibleTo(partnerId) || (partnerId == null && location.deleted())) {
            return Optional.empty();
        }
        return Optional.of(assemble(location, evsesOf(List.of(id)), true));
    }

    /** Partner {@code partnerId} now holds these locations (it read them, or a push reached it). */
    private void told(long partnerId, java.util.Collection<String> locationIds) {
        if (locationIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                insert into location_told (location_id, partner_id)
                select l.id, ?1 from location l where l.id = any(string_to_array(?2, ','))
                on conflict do nothing""")
                .setParameter(1, partnerId)
                .setParameter(2, String.join(",", locationIds))
                .executeUpdate();
    }

    /** The partners that hold the location from an earlier push or pull. */
    public List<Long> toldTo(String locationId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select partner_id from location_told where location_id = ?1")
                .setParameter(1, locationId)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * The location as a partner that may no longer see it must last be told of it: every EVSE
     * REMOVED, not published; empty when that partner was never told of it (or may see it again).
     * Once told, the partner no longer holds it.
     */
    private Optional<LocationData> withdrawal(long partnerId, String id) {
        Location location = em.find(Location.class, id);
        if (location == null || location.visibleTo(partnerId) || !toldTo(id).contains(partnerId)) {
            return Optional.empty();
        }
        return Optional.of(withdrawn(location, evsesOf(List.of(id))));
    }

    /**
     * The location as a caller reads it from the Sender interface (null: anonymous open data): for a
     * partner, published to it or withdrawn from it after it was told of it (a push or a pull), so
     * that a partner that only pulls learns of that too; empty when it may not see it and never did.
     * A partner that reads it holds it from now on.
     */
    public Optional<LocationData> pulled(Long partnerId, String id) {
        if (partnerId == null) {
            return publishedOne(null, id);
        }
        Optional<LocationData> location = publishedOne(partnerId, id).or(() -> withdrawal(partnerId, id));
        location.ifPresent(l -> told(partnerId, List.of(id)));
        return location;
    }

    /**
     * The location withdrawn from a partner: not published, every EVSE REMOVED, as of the
     * location's last change (the change that withdrew it, or a later one).
     */
    private LocationData withdrawn(Location location, List<Evse> evses) {
        Instant at = location.lastUpdated();
        List<LocationData.Evse> removed = evses.stream()
                .map(Evse::data)
                .map(e -> e.with(EvseStatus.REMOVED, at, e.connectors(), null))
                .toList();
        LocationData details = location.details();
        return new LocationData(
                        ours.countryCode(),
                        ours.partyId(),
                        location.id(),
                        false,
                        null,
                        details.name(),
                        details.address(),
                        details.city(),
                        details.postalCode(),
                        details.state(),
                        details.country(),
                        details.coordinates(),
                        details.relatedLocations(),
                        details.parkingType(),
                        null,
                        details.directions(),
                        details.operator(),
                        details.suboperator(),
                        details.owner(),
                        details.facilities(),
                        details.timeZone(),
                        details.openingTimes(),
                        details.chargingWhenClosed(),
                        details.images(),
                        details.energyMix(),
                        at)
                .withEvses(removed);
    }

    /** A location as a push must give it to a partner: as published to it, or withdrawn from it. */
    public record ForPush(LocationData location, boolean withdrawn) {}

    /**
     * The locations among {@code ids} partner {@code partnerId} must be told of, each as published
     * to it or, when it may no longer see one it holds, withdrawn; those it may not see and does not
     * hold are missing. A few queries for the whole batch of a push.
     */
    public Map<String, ForPush> forPushes(long partnerId, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Location> found = em.createQuery("select l from Location l where l.id in :ids", Location.class)
                .setParameter("ids", ids)
                .getResultList();
        // only a location it may no longer see needs asking whether the partner holds it
        List<String> hidden = found.stream()
                .filter(l -> !l.visibleTo(partnerId))
                .map(Location::id)
                .toList();
        java.util.Set<String> held = new java.util.HashSet<>();
        if (!hidden.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<String> rows = em.createNativeQuery(
                            "select location_id from location_told where partner_id = :partner and location_id in (:ids)")
                    .setParameter("partner", partnerId)
                    .setParameter("ids", hidden)
                    .getResultList();
            held.addAll(rows);
        }
        Map<String, List<Evse>> byLocation = new HashMap<>();
        evsesOf(found.stream().map(Location::id).toList())
                .forEach(e -> byLocation
                        .computeIfAbsent(e.locationId(), k -> new ArrayList<>())
                        .add(e));
        Map<String, ForPush> result = new HashMap<>();
        for (Location location : found) {
            List<Evse> evses = byLocation.getOrDefault(location.id(), List.of());
            if (location.visibleTo(partnerId)) {
                result.put(location.id(), new ForPush(assemble(location, evses, true), false));
            } else if (held.contains(location.id())) {
                result.put(location.id(), new ForPush(withdrawn(location, evses), true));
            }
        }
        return result;
    }

    /**
     * After pushes to partner {@code partnerId}: it now holds the locations {@code told}, and no
     * longer holds those it was told to forget.
     */
    public void held(long partnerId, java.util.Collection<String> told, java.util.Collection<String> forgotten) {
        told(partnerId, told);
        if (!forgotten.isEmpty()) {
            em.createNativeQuery("delete from location_told where partner_id = :partner and location_id in (:ids)")
                    .setParameter("partner", partnerId)
                    .setParameter("ids", forgotten)
                    .executeUpdate();
        }
    }

    /** A connector may name only tariffs in force: a partner must be able to read each one. */
    private void checkTariffsExist(List<LocationData.Evse> evses) {
        java.util.Set<String> named = new java.util.TreeSet<>();
        evses.forEach(e -> e.connectors().forEach(c -> {
            if (c.tariffIds() != null) {
                named.addAll(c.tariffIds());
            }
        }));
        if (named.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("select id from tariff where id in (:ids) and deleted_at is null")
                .setParameter("ids", named)
                .getResultList();
        named.removeAll(known);
        if (!named.isEmpty()) {
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "unknown-tariff",
                    "evses: connectors name tariffs that do not exist: " + String.join(", ", named));
        }
    }

    private Location existing(String id) {
        return entity(id)
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-location", "No location " + id));
    }

    private List<Evse> evsesOf(List<String> locationIds) {
        if (locationIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Evse.OF_LOCATIONS, Evse.class)
                .setParameter("locations", locationIds)
                .getResultList();
    }

    private List<LocationData> assembleAll(List<Location> locations, boolean forPartners) {
        return assembleAll(locations, null, forPartners);
    }

    /** The locations with their EVSEs; those {@code partnerId} may no longer see, as withdrawn from it. */
    private List<LocationData> assembleAll(List<Location> locations, Long partnerId, boolean forPartners) {
        Map<String, List<Evse>> byLocation = new HashMap<>();
        evsesOf(locations.stream().map(Location::id).toList())
                .forEach(e -> byLocation
                        .computeIfAbsent(e.locationId(), k -> new ArrayList<>())
                        .add(e));
        return locations.stream()
                .map(l -> partnerId != null && !l.visibleTo(partnerId)
                        ? withdrawn(l, byLocation.getOrDefault(l.id(), List.of()))
                        : assemble(l, byLocation.getOrDefault(l.id(), List.of()), forPartners))
                .toList();
    }

    /**
     * The whole location: for partners with REMOVED EVSEs (they must learn of them) and without our
     * OCPP extension; for the operator only the EVSEs in use, with it.
     */
    private LocationData assemble(Location location, List<Evse> evses, boolean forPartners) {
        List<LocationData.Evse> data = evses.stream()
                .filter(e -> forPartners || e.status() != EvseStatus.REMOVED)
                .map(Evse::data)
                .map(e -> forPartners ? e.with(e.status(), e.lastUpdated(), e.connectors(), null) : e)
                .toList();
        return location.details()
                .asOurs(ours.countryCode(), ours.partyId(), location.id(), location.lastUpdated())
                .withEvses(data);
    }

    /** Connectors that did not change keep the time of their last change; changed or new ones get {@code now}. */
    private static List<LocationData.Connector> keepTimes(
            List<LocationData.Connector> given, List<LocationData.Connector> stored, Instant now) {
        if (given == null) {
            return null;
        }
        Map<String, LocationData.Connector> before = new HashMap<>();
        stored.forEach(c -> before.put(c.id(), c));
        return given.stream()
                .map(c -> {
                    LocationData.Connector old = before.get(c.id());
                    return old != null && Objects.equals(old.updatedAt(null), c.updatedAt(null))
                            ? old
                            : c.updatedAt(now);
                })
                .toList();
    }

    /** OCPI DateTime is string(25): milliseconds at most. */
    static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
