package io.csms.tariff;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.location.LocationJson;
import io.csms.location.LocationRules;
import io.csms.platform.Jsonp;
import io.csms.platform.OurParty;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Tariffs as the operator manages them (describe, delete) and as partners read them (by last
 * change). A tariff is described whole; an unchanged description keeps its {@code last_updated};
 * every change fires {@link TariffChanged} in the same transaction.
 */
@Stateless
public class Tariffs {

    /** Tariff ids are path segments of OCPI URLs: of CiString(36) only what needs no encoding. */
    static final String PATH_SAFE_ID = "[A-Za-z0-9._-]{1,36}";

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    Event<TariffChanged> changed;

    @Inject
    AuditTrail audit;

    @Inject
    OurParty ours;

    public record Saved(TariffData tariff, boolean created) {}

    public record Page(List<TariffData> tariffs, long total) {}

    /** Describes tariff {@code id} anew from an OCPI 2.2.1 Tariff (JSON); refused, changing nothing, when invalid. */
    public Saved put(String id, String json, String actor, String clientAddress) {
        if (id == null || !id.matches(PATH_SAFE_ID)) {
            throw invalid("id: 1 to 36 letters, digits, '.', '_' or '-'");
        }
        TariffData given = LocationRules.read(json, TariffData.class, "Tariff", "invalid-tariff");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Tariff tariff = em.find(Tariff.class, id);
        boolean created = tariff == null || tariff.deleted();
        TariffData own = given.asOurs(null, null, id, null);
        boolean same = !created && tariff.described() && own.equals(tariff.details());
        Instant updated = same ? tariff.lastUpdated() : now;
        check(own.asOurs(ours.countryCode(), ours.partyId(), id, updated));
        if (same) {
            return new Saved(find(id).orElseThrow(), false);
        }
        if (tariff == null) {
            tariff = new Tariff(id);
            tariff.describe(LocationJson.write(own), updated);
            em.persist(tariff);
        } else {
            tariff.describe(LocationJson.write(own), updated);
        }
        changed.fire(new TariffChanged(id));
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                created ? "tariff.create" : "tariff.update",
                "tariff:" + id,
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                own.currency() + ", " + own.elements().size() + " elements"));
        return new Saved(find(id).orElseThrow(), created);
    }

    /**
     * Deletes a tariff; partners are told (DELETE). Refused (409) while a connector of an EVSE in
     * use names it: the location is described without it first.
     */
    public void delete(String id, String actor, String clientAddress) {
        Tariff tariff = Optional.ofNullable(em.find(Tariff.class, id))
                .filter(t -> !t.deleted())
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-tariff", "No tariff " + id));
        @SuppressWarnings("unchecked")
        List<String> users = em.createNativeQuery("""
                select distinct location_id from evse
                where status <> 'REMOVED' and details -> 'connectors' @> cast(?1 as jsonb)
                order by location_id limit 5""")
                .setParameter(1, "[{\"tariff_ids\":[" + jsonString(id) + "]}]")
                .getResultList();
        if (!users.isEmpty()) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT,
                    "tariff-in-use",
                    "Tariff " + id + " is named by connectors of locations " + String.join(", ", users));
        }
        tariff.deleted(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        changed.fire(new TariffChanged(id));
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor,
                "tariff.delete",
                "tariff:" + id,
                AuditEvent.Outcome.SUCCESS,
                clientAddress,
                null));
    }

    private static String jsonString(String value) {
        return Jsonp.JSON.createValue(value).toString();
    }

    /** A tariff in force (not deleted). */
    public Optional<TariffData> find(String id) {
        return Optional.ofNullable(em.find(Tariff.class, id))
                .filter(t -> !t.deleted())
                .map(this::data);
    }

    /** Whether the tariff was deleted (what a partner must be told as a DELETE). */
    public boolean deleted(String id) {
        Tariff tariff = em.find(Tariff.class, id);
        return tariff != null && tariff.deleted();
    }

    public List<TariffData> list(int offset, int limit) {
        return em
                .createNamedQuery(Tariff.ALL, Tariff.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(this::data)
                .toList();
    }

    /** Tariffs in force, oldest change first, within {@code [from, to)} of {@code last_updated}. */
    public Page page(Instant from, Instant to, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where t.deletedAt is null");
        if (from != null) {
            where.append(" and t.lastUpdated >= :from");
        }
        if (to != null) {
            where.append(" and t.lastUpdated < :to");
        }
        TypedQuery<Tariff> page =
                em.createQuery("select t from Tariff t" + where + " order by t.lastUpdated, t.id", Tariff.class);
        TypedQuery<Long> count = em.createQuery("select count(t) from Tariff t" + where, Long.class);
        for (TypedQuery<?> q : List.of(page, count)) {
            if (from != null) {
                q.setParameter("from", from);
            }
            if (to != null) {
                q.setParameter("to", to);
            }
        }
        List<TariffData> tariffs = page.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(this::data)
                .toList();
        return new Page(tariffs, count.getSingleResult());
    }

    private TariffData data(Tariff tariff) {
        return tariff.details().asOurs(ours.countryCode(), ours.partyId(), tariff.id(), tariff.lastUpdated());
    }

    /** The spec's rules for a whole tariff as we would send it. */
    private void check(TariffData tariff) {
        String broken = LocationRules.broken(validator.validate(tariff));
        if (broken != null) {
            throw invalid(broken);
        }
        try {
            Currency.getInstance(tariff.currency());
        } catch (IllegalArgumentException e) {
            throw invalid("currency: not an ISO 4217 currency code");
        }
        if (tariff.startDateTime() != null
                && tariff.endDateTime() != null
                && !tariff.endDateTime().isAfter(tariff.startDateTime())) {
            throw invalid("end_date_time: must be after start_date_time");
        }
        for (TariffData.Element element : tariff.elements()) {
            // OCPI 2.2.1 TariffRestrictions.reservation: only FLAT and TIME components describe a reservation
            if (element.restrictions() != null
                    && element.restrictions().reservation() != null
                    && element.priceComponents().stream()
                            .anyMatch(c -> c.type() != TariffData.DimensionType.FLAT
                                    && c.type() != TariffData.DimensionType.TIME)) {
                throw invalid(
                        "elements.price_components.type: a reservation element has FLAT and TIME components only");
            }
        }
    }

    private static Refusal invalid(String message) {
        return new Refusal(Refusal.Kind.INVALID, "invalid-tariff", message);
    }
}
