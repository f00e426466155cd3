package io.csms.transaction;

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
 * Meter values, the most frequent message that writes, are stored by {@link GroupCommit}: a
 * charger's answer waits for the commit of the batch that holds its values, and one bad message
 * fails alone.
 */
@ApplicationScoped
public class MeterValueWriter {

    @Inject
    Transactions transactions;

    @Resource
    ManagedThreadFactory threads;

    /** How long a batch waits for more once it has one (see {@link GroupCommit}). */
    @Inject
    @ConfigProperty(name = "csms.ocpp.write-linger", defaultValue = "PT0.01S")
    Duration linger;

    /** Threads that write batches: while one commits, the next batch gathers for the other. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.meter-value-writers", defaultValue = "2")
    int writers;

    /** Most messages in one batch. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.meter-value-batch", defaultValue = "500")
    int batchSize;

    private GroupCommit<Transactions.Metering, Void> commits;

    @PostConstruct
    void start() {
        commits = new GroupCommit<>("meter-values", threads, writers, batchSize, linger, batch -> {
            transactions.recordAll(batch);
            return Collections.nCopies(batch.size(), null);
        });
    }

    /** Stores the values of one MeterValues message; the future completes once they are committed. */
    public CompletableFuture<Void> record(Transactions.Metering metering) {
        return commits.submit(metering);
    }

    @PreDestroy
    void stop() {
        commits.stop();
    }
}
