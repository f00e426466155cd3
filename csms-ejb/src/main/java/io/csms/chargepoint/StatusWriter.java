package io.csms.chargepoint;

import io.csms.platform.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    @Resource
    ManagedThreadFactory threads;

    /** How long a batch waits for more once it has one (see {@link GroupCommit}). */
    @Inject
    @ConfigProperty(name = "csms.ocpp.write-linger", defaultValue = "PT0.01S")
    Duration linger;

    private GroupCommit<Chargers.StatusReport, Void> commits;

    @PostConstruct
    void start() {
        commits = new GroupCommit<>("statuses", threads, WRITERS, BATCH, linger, batch -> {
            chargers.statusChangedAll(batch);
            return Collections.nCopies(batch.size(), null);
        });
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
