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
 * StartTransactions and StopTransactions are stored by {@link GroupCommit}, several chargers' per
 * database transaction: each charger is answered once the batch holding its start (with the id it
 * is answered) or its stop is committed.
 */
@ApplicationScoped
public class TransactionWriter {

    private static final int WRITERS = 2;
    private static final int BATCH = 100;

    @Inject
    Transactions transactions;

    @Resource
    ManagedThreadFactory threads;

    /** How long a batch waits for more once it has one (see {@link GroupCommit}). */
    @Inject
    @ConfigProperty(name = "csms.ocpp.write-linger", defaultValue = "PT0.01S")
    Duration linger;

    private GroupCommit<Transactions.Start, Transactions.Started> starts;
    private GroupCommit<Transactions.Stop, Void> stops;

    @PostConstruct
    void startWriters() {
        starts = new GroupCommit<>("starts", threads, WRITERS, BATCH, linger, transactions::startAll);
        stops = new GroupCommit<>("stops", threads, WRITERS, BATCH, linger, batch -> {
            transactions.stopAll(batch);
            return Collections.nCopies(batch.size(), null);
        });
    }

    /** Stores a StartTransaction; the future completes with its id and verdict once committed. */
    public CompletableFuture<Transactions.Started> start(Transactions.Start start) {
        return starts.submit(start);
    }

    /** Stores a StopTransaction; the future completes once it is committed. */
    public CompletableFuture<Void> stop(Transactions.Stop stop) {
        return stops.submit(stop);
    }

    @PreDestroy
    void stopWriters() {
        starts.stop();
        stops.stop();
    }
}
