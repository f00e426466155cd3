package io.csms.charging;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Concludes, every five seconds, the commands whose time ran out: starts accepted but never
 * started (NeverStarted) or not answered in time (Timeout stays), and any command whose answer was
 * never stored (Failed: the server went down while it waited, say). Reads
 * already show them that way ({@link RemoteCommand#state()}); this owes a partner its CommandResult
 * (TIMEOUT or FAILED) and keeps the table honest for reports.
 */
// created at deployment: a singleton first created by its timer while the module stops breaks
// Payara's shutdown of the module (ConcurrentModificationException in SingletonLifeCycleManager)
@Startup
@Singleton
public class CommandSweeper {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    TrackedCommands commands;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sweep() {
        List<UUID> due = TrackedCommands.ids(em.createNativeQuery("""
                        select id from remote_command
                        where not concluded and expires_at < now()
                        for update skip locked""").getResultList());
        if (due.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                update remote_command
                set state = case state when 'Accepted' then 'NeverStarted' when 'Sent' then 'Failed' else state end,
                    concluded = true, updated_at = now()
                where id = any(cast(?1 as uuid[]))""")
                .setParameter(
                        1,
                        "{" + String.join(",", due.stream().map(UUID::toString).toList()) + "}")
                .executeUpdate();
        commands.owed(due);
    }
}
