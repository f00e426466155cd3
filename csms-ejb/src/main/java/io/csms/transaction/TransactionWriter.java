package io.csms.transaction;

import io.csms.authorization.IdTags;
import io.csms.platform.GroupCommit;
import io.csms.platform.GroupCommits;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;

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

    @Inject
    GroupCommits groupCommits;

    private GroupCommit<Transactions.Start, Transactions.Started> starts;
    private GroupCommit<Transactions.Stop, IdTags.Verdict> stops;

    @PostConstruct
    void startWriters() {
        starts = groupCommits.start("starts", WRITERS, BATCH, transactions::startAll);
        stops = groupCommits.start("stops", WRITERS, BATCH, transactions::stopAll);
    }

    /**
     * Stores a StartTransaction; the future completes with its id and verdict once committed (or,
     * handed in without a decision, as {@link Transactions.Started#undecided()} when its tag is not
     * one registered here).
     */
    public CompletableFuture<Transactions.Started> start(Transactions.Start start) {
        return starts.submit(start);
    }

    /** Stores a StopTransaction; the future completes once it is committed, with the verdict on the tag it named. */
    public CompletableFuture<IdTags.Verdict> stop(Transactions.Stop stop) {
        return stops.submit(stop);
    }

    @PreDestroy
    void stopWriters() {
        starts.stop();
        stops.stop();
    }
}
