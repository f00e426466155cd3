package io.csms.chargepoint;

import io.csms.platform.GroupCommit;
import io.csms.platform.GroupCommits;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;

/**
 * BootNotifications are stored by {@link GroupCommit}: when thousands of chargers reconnect at once
 * (after a network or server outage), their boots are written a few hundred per transaction instead
 * of one each, and each charger is answered once its boot is committed.
 */
@ApplicationScoped
public class BootWriter {

    private static final int WRITERS = 2;
    private static final int BATCH = 200;

    @Inject
    Chargers chargers;

    @Inject
    GroupCommits groupCommits;

    private GroupCommit<Chargers.Boot, Charger.RegistrationStatus> commits;

    @PostConstruct
    void start() {
        commits = groupCommits.start("boots", WRITERS, BATCH, chargers::bootAll);
    }

    /** Stores the boot; the future completes with the charger's registration status once committed. */
    public CompletableFuture<Charger.RegistrationStatus> boot(String chargerId, Charger.BootInfo info) {
        return commits.submit(new Chargers.Boot(chargerId, info));
    }

    @PreDestroy
    void stop() {
        commits.stop();
    }
}
