package io.csms.chargepoint;

import io.csms.platform.GroupCommit;
import io.csms.platform.GroupCommits;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;

/**
 * StatusNotifications, a third of what chargers send in a charging day (four per session), are
 * stored by {@link GroupCommit}: a few hundred per transaction, each charger answered once the batch
 * holding its report is committed, with the EVSE statuses and roaming pushes that follow from it.
 */
@ApplicationScoped
public class StatusWriter {

    private static final int WRITERS = 2;
    private static final int BATCH = 200;

    @Inject
    Chargers chargers;

    @Inject
    GroupCommits groupCommits;

    private GroupCommit<Chargers.StatusReport, Void> commits;

    @PostConstruct
    void start() {
        commits = groupCommits.startWithoutResults("statuses", WRITERS, BATCH, chargers::statusChangedAll);
    }

    /** Stores one StatusNotification; the future completes once it is committed. */
    public CompletableFuture<Void> report(String chargerId, ConnectorStatus reported) {
        return commits.submit(new Chargers.StatusReport(chargerId, reported));
    }

    @PreDestroy
    void stop() {
        commits.stop();
    }
}
