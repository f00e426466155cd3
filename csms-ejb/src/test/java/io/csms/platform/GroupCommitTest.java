package io.csms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** What each call of the write function got: one list per "transaction". */
    private final List<List<Integer>> transactions = Collections.synchronizedList(new ArrayList<>());

    private GroupCommit<Integer, String> commits;

    @AfterEach
    void stop() {
        if (commits != null) {
            commits.stop();
        }
    }

    private GroupCommit<Integer, String> start(
            int writers, int batchSize, Function<List<Integer>, List<String>> write) {
        return start(writers, batchSize, Duration.ZERO, write);
    }

    private GroupCommit<Integer, String> start(
            int writers, int batchSize, Duration linger, Function<List<Integer>, List<String>> write) {
        commits = new GroupCommit<>("test", Thread::new, writers, batchSize, linger, batch -> {
            transactions.add(List.copyOf(batch));
            return write.apply(batch);
        });
        return commits;
    }

    private static List<String> echo(List<Integer> batch) {
        return batch.stream().map(i -> "stored " + i).toList();
    }

    @Test
    void items_queued_while_a_batch_is_written_go_together_into_the_next_one_and_each_gets_its_own_result()
            throws Exception {
        CountDownLatch firstBatchWriting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(1, 100, batch -> {
            if (transactions.size() == 1) {
                firstBatchWriting.countDown();
                await(release);
            }
            return echo(batch);
        });
        CompletableFuture<String> first = commits.submit(0);
        assertTrue(firstBatchWriting.await(5, TimeUnit.SECONDS));
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            queued.add(commits.submit(i));
        }
        assertTrue(
                queued.stream().noneMatch(CompletableFuture::isDone),
                "nothing is answered before its batch is written");
        release.countDown();

        assertEquals("stored 0", first.get(5, TimeUnit.SECONDS));
        for (int i = 1; i <= 50; i++) {
            assertEquals("stored " + i, queued.get(i - 1).get(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of(0), transactions.get(0));
        assertEquals(2, transactions.size(), "the 50 queued items are one transaction: " + transactions);
        assertEquals(50, transactions.get(1).size());
    }

    @Test
    void with_a_linger_items_that_trickle_in_share_a_batch_and_none_waits_much_longer_than_the_linger()
            throws Exception {
        // two writers, idle: without the linger each of these items would be a transaction of its own
        start(2, 100, Duration.ofMillis(300), GroupCommitTest::echo);
        List<CompletableFuture<String>> trickled = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            trickled.add(commits.submit(i));
            Thread.sleep(20);
        }
        for (int i = 0; i < 5; i++) {
            assertEquals("stored " + i, trickled.get(i).get(5, TimeUnit.SECONDS));
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(List.of(List.of(0, 1, 2, 3, 4)), transactions, "one transaction for the five");
        assertTrue(tookMillis >= 300, "the batch waited for its linger: " + tookMillis + " ms");
        assertTrue(tookMillis < 3_000, "and not much longer: " + tookMillis + " ms");

        // a full batch does not wait for the linger
        transactions.clear();
        commits.stop();
        start(1, 3, Duration.ofSeconds(30), GroupCommitTest::echo);
        List<CompletableFuture<String>> full = List.of(commits.submit(7), commits.submit(8), commits.submit(9));
        for (CompletableFuture<String> item : full) {
            assertTrue(item.get(5, TimeUnit.SECONDS).startsWith("stored"));
        }
    }

    @Test
    void what_a_caller_chains_to_its_result_does_not_hold_up_the_next_batch() throws Exception {
        // the first batch is written only once the slow answer is chained to it: had it completed
        // before, the test thread itself would run the chained step
        CountDownLatch chained = new CountDownLatch(1);
        start(1, 100, batch -> {
            if (batch.contains(1)) {
                await(chained);
            }
            return echo(batch);
        });
        CountDownLatch stuck = new CountDownLatch(1);
        CompletableFuture<Void> slowAnswer =
                commits.submit(1).thenAccept(result -> await(stuck)); // a charger that does not read
        chained.countDown();
        assertEquals("stored 2", commits.submit(2).get(5, TimeUnit.SECONDS));
        assertTrue(!slowAnswer.isDone());
        stuck.countDown();
        slowAnswer.get(5, TimeUnit.SECONDS);
    }

    @Test
    void a_batch_holds_at_most_batch_size_items() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start(1, 10, batch -> {
            await(release);
            return echo(batch);
        });
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            all.add(commits.submit(i));
        }
        release.countDown();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        assertTrue(transactions.stream().allMatch(t -> t.size() <= 10), transactions.toString());
        assertEquals(35, transactions.stream().mapToInt(List::size).sum());
    }

    @Test
    void when_a_batch_fails_its_halves_are_written_apart_until_only_the_bad_item_fails() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start(1, 100, batch -> {
            await(release);
            if (batch.contains(13)) {
                throw new IllegalStateException("value too long for its column");
            }
            return echo(batch);
        });
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            all.add(commits.submit(i));
        }
        release.countDown();
        for (int i = 0; i < 64; i++) {
            CompletableFuture<String> result = all.get(i);
            if (i == 13) {
                ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
                        ExecutionException.class, () -> result.get(5, TimeUnit.SECONDS));
                assertEquals("value too long for its column", failed.getCause().getMessage());
            } else {
                assertEquals("stored " + i, result.get(5, TimeUnit.SECONDS));
            }
        }
        assertTrue(transactions.contains(List.of(13)), "the bad item ends up alone: " + transactions);
        // one item of 64 costs a handful of extra transactions (halving), not one per item
        long retries = transactions.stream().filter(t -> t.size() < 64).count();
        assertTrue(retries <= 2 * 7, retries + " transactions after the failed batch: " + transactions);
    }

    @Test
    void when_the_database_cannot_be_reached_the_whole_batch_fails_at_once_without_retries() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start(1, 100, batch -> {
            await(release);
            throw new IllegalStateException(
                    "pool", new java.sql.SQLTransientConnectionException("Connection refused", "08001"));
        });
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(commits.submit(i));
        }
        release.countDown();
        for (CompletableFuture<String> result : all) {
            org.junit.jupiter.api.Assertions.assertThrows(
                    ExecutionException.class, () -> result.get(5, TimeUnit.SECONDS));
        }
        assertTrue(
                transactions.stream().noneMatch(t -> t.size() == 1) || transactions.size() <= 2,
                "no item is retried alone: " + transactions);
        assertEquals(20, transactions.stream().mapToInt(List::size).sum(), "each item was tried once: " + transactions);
    }

    @Test
    void after_stop_what_was_queued_is_written_and_new_items_are_written_on_the_callers_thread() throws Exception {
        start(2, 100, GroupCommitTest::echo);
        CompletableFuture<String> queued = commits.submit(1);
        commits.stop();
        assertEquals("stored 1", queued.get(5, TimeUnit.SECONDS));

        CompletableFuture<String> late = commits.submit(2);
        assertTrue(late.isDone(), "written at once, without a writer thread");
        assertEquals("stored 2", late.get());
    }

    @Test
    void an_item_written_on_the_callers_thread_that_fails_fails_its_future_not_the_caller() {
        start(1, 100, batch -> {
            throw new IllegalStateException("database gone");
        });
        commits.stop();
        CompletableFuture<String> late = commits.submit(1);
        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, late::get);
        assertEquals("database gone", failed.getCause().getMessage());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
