package io.csms.location;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Every ten seconds, EVSEs follow their chargers' connections ({@link EvseStatuses#sweep()}). */
@Singleton
public class EvseStatusSweep {

    @Inject
    EvseStatuses statuses;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void sweep() {
        statuses.sweep();
    }
}
