package io.csms.roaming.outbox;

import io.csms.location.Location;
import io.csms.location.LocationChanged;
import io.csms.location.Locations;
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

    @Inject
    Locations locations;

    void locationChanged(@Observes LocationChanged change) {
        Location location = em.find(Location.class, change.locationId());
        if (location == null) {
            return;
        }
        List<Long> receivers = receivers("locations");
        List<Long> partners = receivers.stream().filter(location::visibleTo).toList();
        outbox.enqueue(
                partners,
                Outbox.ObjectType.LOCATION,
                change.locationId(),
                change.change() == LocationChanged.Change.LOCATION,
                change.evseUid());
        // partners that hold it from an earlier push but may no longer see it: told to forget it
        List<Long> withdrawn = locations.toldTo(change.locationId()).stream()
                .filter(receivers::contains)
                .filter(p -> !location.visibleTo(p))
                .toList();
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
