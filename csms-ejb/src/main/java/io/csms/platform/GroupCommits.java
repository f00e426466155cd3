package io.csms.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the {@link GroupCommit}s of what chargers send, all on managed threads and with the same
 * linger ({@code csms.ocpp.write-linger}: how long a batch waits for more once it has one).
 */
@ApplicationScoped
public class GroupCommits {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "csms.ocpp.write-linger", defaultValue = "PT0.01S")
    Duration linger;

    /** A group commit whose write answers one result per item, in order. */
    public <T, R> GroupCommit<T, R> start(
            String name, int writers, int batchSize, Function<List<T>, List<R>> writeAll) {
        return new GroupCommit<>(name, threads, writers, batchSize, linger, writeAll);
    }

    /** A group commit whose items need no result: each future completes with null once committed. */
    public <T> GroupCommit<T, Void> startWithoutResults(
            String name, int writers, int batchSize, Consumer<List<T>> writeAll) {
        return start(name, writers, batchSize, batch -> {
            writeAll.accept(batch);
            return Collections.nCopies(batch.size(), null);
        });
    }
}
