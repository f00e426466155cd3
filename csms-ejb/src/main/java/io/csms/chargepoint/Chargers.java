package io.csms.chargepoint;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The chargers known to the system and what they report about themselves. */
@Stateless
public class Chargers {

    private static final Logger LOG = Logger.getLogger(Chargers.class.getName());

    /** What to do with a charger id nobody registered: {@code reject}, {@code pending} or {@code accept}. */
    public enum UnknownChargerPolicy { reject, pending, accept }

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "csms.ocpp.unknown-chargers", defaultValue = "reject")
    UnknownChargerPolicy unknownChargers;

    /**
     * Stores what the charger reports at boot and answers with its registration status. A charger
     * nobody registered is handled by the {@code csms.ocpp.unknown-chargers} policy.
     */
    public Charger.RegistrationStatus boot(String chargerId, Charger.BootInfo info) {
        Instant now = Instant.now();
        Charger charger = em.find(Charger.class, chargerId, LockModeType.PESSIMISTIC_WRITE);
        if (charger == null) {
            charger = switch (unknownChargers) {
                case reject -> null;
                case pending -> new Charger(chargerId, Charger.RegistrationStatus.Pending);
                case accept -> new Charger(chargerId, Charger.RegistrationStatus.Accepted);
            };
            if (charger == null) {
                return Charger.RegistrationStatus.Rejected;
            }
            LOG.warning(() -> "Unknown charger " + chargerId + " registered on first contact as "
                    + unknownChargers + " (csms.ocpp.unknown-chargers)");
            em.persist(charger);
        }
        charger.booted(info, now);
        return charger.registrationStatus();
    }

    /** Records that the charger is alive (Heartbeat and any other message). */
    public void seen(String chargerId) {
        Charger charger = em.find(Charger.class, chargerId);
        if (charger != null) {
            charger.seen(Instant.now());
        }
    }

    public Optional<Charger> find(String chargerId) {
        return Optional.ofNullable(em.find(Charger.class, chargerId));
    }

    public long count() {
        return em.createNamedQuery(Charger.COUNT, Long.class).getSingleResult();
    }
}
