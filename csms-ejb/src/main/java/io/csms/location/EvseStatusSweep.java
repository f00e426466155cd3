package io.csms.location;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Every ten seconds, EVSEs follow their chargers' connections: {@link EvseStatuses#due()} reads what
 * must change, which is applied a hundred EVSEs per transaction.
 */
// created at deployment: a singleton first created by its timer while the module stops breaks
// Payara's shutdown of the module (ConcurrentModificationException in SingletonLifeCycleManager)
@Startup
@Singleton
public class EvseStatusSweep {

    @Inject
    EvseStatuses statuses;

    private static final int PER_TRANSACTION = 100;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        List<EvseStatuses.Due> due = statuses.due();
        for (int i = 0; i < due.size(); i += PER_TRANSACTION) {
            statuses.apply(due.subList(i, Math.min(due.size(), i + PER_TRANSACTION)));
        }
    }
}
