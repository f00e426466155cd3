package io.csms.charging;

import io.csms.transaction.TransactionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Ties a driver's remote start to the transaction it caused, and a remote stop to the stop: in the
 * same database transaction that stores the charger's StartTransaction or StopTransaction.
 */
@ApplicationScoped
public class CommandTracking {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    void started(@Observes TransactionEvent.Started started) {
        // the oldest start still waiting for this charger and tag (and connector, when it named one)
        em.createNativeQuery("""
                update remote_command set state = 'Started', transaction_id = ?1, updated_at = now()
                where id = (select id from remote_command
                            where charger_id = ?2 and id_tag = ?3 and kind = 'START'
                              and state in ('Sent', 'Accepted', 'Timeout') and expires_at > now()
                              and (connector_id is null or connector_id = ?4)
                            order by created_at limit 1)""")
                .setParameter(1, started.transactionId())
                .setParameter(2, started.chargerId())
                .setParameter(3, started.idTag())
                .setParameter(4, started.connectorId())
                .executeUpdate();
    }

    void stopped(@Observes TransactionEvent.Stopped stopped) {
        em.createNativeQuery("""
                update remote_command set state = 'Stopped', updated_at = now()
                where kind = 'STOP' and transaction_id = ?1 and state in ('Sent', 'Accepted', 'Timeout')""").setParameter(1, stopped.transactionId()).executeUpdate();
    }
}
