package io.csms.charging;

import io.csms.transaction.TransactionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Ties a remote start to the transaction it caused, and a remote stop to the stop: in the same
 * database transaction that stores the charger's StartTransaction or StopTransaction. A partner's
 * start concludes here (its CommandResult ACCEPTED is owed from the same commit).
 */
@ApplicationScoped
public class CommandTracking {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    TrackedCommands commands;

    void started(@Observes TransactionEvent.Started started) {
        // the oldest start still waiting for this charger and tag (and connector, when it named one)
        List<UUID> waiting = TrackedCommands.ids(em.createNativeQuery("""
                        select id from remote_command
                        where charger_id = ?1 and id_tag = ?2 and kind = 'START'
                          and state in ('Sent', 'Accepted', 'Timeout') and expires_at > now()
                          and (connector_id is null or connector_id = ?3)
                        order by created_at limit 1
                        for update""")
                .setParameter(1, started.chargerId())
                .setParameter(2, started.idTag())
                .setParameter(3, started.connectorId())
                .getResultList());
        if (waiting.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                update remote_command set state = 'Started', transaction_id = ?1, concluded = true, updated_at = now()
                where id = ?2""")
                .setParameter(1, started.transactionId())
                .setParameter(2, waiting.get(0))
                .executeUpdate();
        commands.owed(waiting);
    }

    void stopped(@Observes TransactionEvent.Stopped stopped) {
        em.createNativeQuery("""
                update remote_command set state = 'Stopped', updated_at = now()
                where kind = 'STOP' and transaction_id = ?1 and state in ('Sent', 'Accepted', 'Timeout')""").setParameter(1, stopped.transactionId()).executeUpdate();
    }
}
