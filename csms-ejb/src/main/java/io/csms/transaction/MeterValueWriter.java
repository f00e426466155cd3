package io.csms.transaction;

import io.csms.platform.GroupCommit;
import io.csms.platform.GroupCommits;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    GroupCommits groupCommits;

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
        commits = groupCommits.startWithoutResults("meter-values", writers, batchSize, transactions::recordAll);
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
