package io.csms.charging;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes down, once a minute, the starts whose deadline passed: reads already show them that way
 * (see {@link RemoteCommand#state()}), this keeps the table honest for reports.
 */
@Singleton
public class CommandSweeper {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void sweep() {
        em.createNativeQuery("""
                update remote_command set state = case state when 'Accepted' then 'NeverStarted' else 'Failed' end,
                       updated_at = now()
                where kind = 'START' and state in ('Sent', 'Accepted') and expires_at < now()""").executeUpdate();
    }
}
