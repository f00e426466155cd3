package io.csms.roaming.outbox;

import io.csms.location.Location;
import io.csms.location.LocationChanged;
import io.csms.tariff.TariffChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Turns what changed in the core into rows of the {@link Outbox}, in the transaction of the change
 * (a change that rolls back owes nobody anything): for each registered partner allowed the module
 * and, for a location, allowed to see it.
 */
@ApplicationScoped
public class Publications {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    Outbox outbox;

    void locationChanged(@Observes LocationChanged change) {
        Location location = em.find(Location.class, change.locationId());
        if (location == null) {
            return;
        }
        // registered partners allowed the module, and whether each holds the location (one query:
        // this runs in the transaction of every StatusNotification)
        @SuppressWarnings("unchecked")
        List<Object[]> receivers = em.createNativeQuery("""
                select p.id, exists (select 1 from location_told t where t.location_id = ?2 and t.partner_id = p.id)
                from ocpi_partner p
                where p.status = 'REGISTERED' and ',' || p.allowed_modules || ',' like ?1""")
                .setParameter(1, "%,locations,%")
                .setParameter(2, change.locationId())
                .getResultList();
        List<Long> partners = new java.util.ArrayList<>();
        // partners that hold it from an earlier push or pull but may no longer see it: told to forget it
        List<Long> withdrawn = new java.util.ArrayList<>();
        for (Object[] receiver : receivers) {
            long partner = ((Number) receiver[0]).longValue();
            if (location.visibleTo(partner)) {
                partners.add(partner);
            } else if (Boolean.TRUE.equals(receiver[1])) {
                withdrawn.add(partner);
            }
        }
        outbox.enqueue(
                partners,
                Outbox.ObjectType.LOCATION,
                change.locationId(),
                change.change() == LocationChanged.Change.LOCATION,
                change.evseUid());
        outbox.enqueue(withdrawn, Outbox.ObjectType.LOCATION, change.locationId(), true, null);
    }

    void tariffChanged(@Observes TariffChanged change) {
        outbox.enqueue(receivers("tariffs"), Outbox.ObjectType.TARIFF, change.tariffId(), true, null);
    }

    /** Registered partners allowed {@code module}. */
    private List<Long> receivers(String module) {
        @SuppressWarnings("unchecked")
        List<Number> ids =
                em.createNativeQuery("""
                select id from ocpi_partner
                where status = 'REGISTERED' and ',' || allowed_modules || ',' like ?1""").setParameter(1, "%," + module + ",%").getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
