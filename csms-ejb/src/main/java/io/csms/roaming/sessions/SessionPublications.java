package io.csms.roaming.sessions;

import io.csms.roaming.outbox.Outbox;
import io.csms.transaction.TransactionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a partner's driver's transaction into what the partner must be told, in the database
 * transaction of the charger's message: the start makes the session (ACTIVE, with the location and
 * tariff as they are then) and owes the partner a PUT; meter values owe it a PATCH of the progress, at most every {@code
 * csms.ocpi.sessions.update-interval} (default 60 s); the stop makes it COMPLETED, owes a PUT of the
 * whole and makes its CDR ({@link io.csms.roaming.cdrs.Cdrs}). Only a partner still registered and
 * allowed the sessions or the cdrs module has a session (it is pushed to one allowed sessions, and
 * makes a CDR for one allowed cdrs).
 */
@ApplicationScoped
public class SessionPublications {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    io.csms.roaming.cdrs.Cdrs cdrs;

    @Inject
    RoamingSessions sessions;

    @Inject
    @ConfigProperty(name = "csms.ocpi.sessions.update-interval", defaultValue = "PT60S")
    Duration updateInterval;

    void started(@Observes TransactionEvent.Started started) {
        if (started.ocpiTokenId() == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Number> partner =
                em.createNativeQuery("""
                        select p.id from ocpi_token t join ocpi_partner p on p.id = t.partner_id
                        where t.id = ?1 and p.status = 'REGISTERED'
                          and ((',' || p.allowed_modules || ',') like '%,sessions,%'
                               or (',' || p.allowed_modules || ',') like '%,cdrs,%')""").setParameter(1, started.ocpiTokenId()).getResultList();
        if (partner.isEmpty()) {
            return;
        }
        long partnerId = partner.get(0).longValue();
        int inserted = em.createNativeQuery("""
                        insert into ocpi_session (transaction_id, partner_id, status, last_updated)
                        values (?1, ?2, 'ACTIVE', now()) on conflict (transaction_id) do nothing""")
                .setParameter(1, started.transactionId())
                .setParameter(2, partnerId)
                .executeUpdate();
        if (inserted > 0) {
            sessions.snapshot(started.transactionId(), started.chargerId(), started.connectorId());
            outbox.enqueueSession(partnerId, started.transactionId(), true, null);
        }
    }

    void metered(@Observes TransactionEvent.Metered metered) {
        if (metered.ocpiTokenId() == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> session = em.createNativeQuery("""
                        select partner_id, last_pushed_at from ocpi_session
                        where transaction_id = ?1 and status = 'ACTIVE'""")
                .setParameter(1, metered.transactionId())
                .getResultList();
        if (session.isEmpty()) {
            return;
        }
        touch(metered.transactionId(), "ACTIVE");
        Instant lastPushed = io.csms.platform.SqlTimes.instant(session.get(0)[1]);
        outbox.enqueueSession(
                ((Number) session.get(0)[0]).longValue(),
                metered.transactionId(),
                false,
                lastPushed == null ? Instant.now() : lastPushed.plus(updateInterval));
    }

    void stopped(@Observes TransactionEvent.Stopped stopped) {
        if (stopped.ocpiTokenId() == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Number> session = em.createNativeQuery("select partner_id from ocpi_session where transaction_id = ?1")
                .setParameter(1, stopped.transactionId())
                .getResultList();
        if (!session.isEmpty()) {
            touch(stopped.transactionId(), "COMPLETED");
            outbox.enqueueSession(session.get(0).longValue(), stopped.transactionId(), true, null);
            // after the session's PUT: one object's pushes keep their order, and the CDR's row is newer
            cdrs.stopped(stopped.transactionId());
        }
    }

    private void touch(int transactionId, String status) {
        em.createNativeQuery("update ocpi_session set status = ?1, last_updated = now() where transaction_id = ?2")
                .setParameter(1, status)
                .setParameter(2, transactionId)
                .executeUpdate();
    }
}
