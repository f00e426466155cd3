package io.csms.server.load;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/** Answers, errors and latencies of one measurement window. */
final class Stats {

    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong disconnects = new AtomicLong();
    private long[] latencies = new long[1 << 16];
    private int count;

    synchronized void answered(long nanos) {
        answered.incrementAndGet();
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = nanos;
    }

    void error() {
        errors.incrementAndGet();
    }

    void disconnected() {
        disconnects.incrementAndGet();
    }

    long answered() {
        return answered.get();
    }

    long errors() {
        return errors.get();
    }

    long disconnects() {
        return disconnects.get();
    }

    /** Latency percentiles in milliseconds: p50, p95, p99, max. */
    synchronized double[] percentiles() {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return new double[] {
            at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), count == 0 ? 0 : sorted[count - 1] / 1e6
        };
    }

    private static double at(long[] sorted, double q) {
        return sorted.length == 0
                ? 0
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
