package io.csms.platform;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key (an account, a client address, a partner) within a sliding window; a key
 * with too many is blocked until the oldest of them leaves the window. In memory, per server node: a
 * cluster multiplies the allowance by its size.
 */
public final class FailureThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final int maxTracked;

    /** A key and how many failures it may have within the window. */
    public record Limit(String key, int allowed) {}

    private final Duration window;
    private final int keep;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    /** @param keep how many failures to remember per key: the largest allowance in use */
    public FailureThrottle(Duration window, int keep) {
        this(window, keep, MAX_TRACKED);
    }

    /** @param maxTracked past this many keys, those whose failures left the window are dropped */
    FailureThrottle(Duration window, int keep, int maxTracked) {
        this.window = window;
        this.keep = keep;
        this.maxTracked = maxTracked;
    }

    /** How long until every limit allows another attempt, or empty when all allow one now. */
    public Optional<Duration> blocked(Limit... limits) {
        long now = System.nanoTime();
        long wait = 0;
        for (Limit limit : limits) {
            if (limit.key() != null) {
                wait = Math.max(wait, wait(limit.key(), limit.allowed(), now));
            }
        }
        return wait > 0 ? Optional.of(Duration.ofNanos(wait).plusSeconds(1).withNanos(0)) : Optional.empty();
    }

    public void failed(String... keys) {
        long now = System.nanoTime();
        if (failures.size() > maxTracked) {
            prune(now);
        }
        for (String key : keys) {
            if (key != null) {
                failures.compute(key, (k, times) -> {
                    Deque<Long> list = times == null ? new ArrayDeque<>() : times;
                    list.addLast(now);
                    while (list.size() > keep) {
                        list.removeFirst();
                    }
                    return list;
                });
            }
        }
    }

    public void clear(String key) {
        failures.remove(key);
    }

    /** Forgets every key that starts with {@code prefix} (all the addresses a charger id was tried from). */
    public void clearStartingWith(String prefix) {
        failures.keySet().removeIf(key -> key.startsWith(prefix));
    }

    /** How many keys are remembered (bounded by pruning). */
    int tracked() {
        return failures.size();
    }

    private long wait(String key, int allowed, long now) {
        long span = window.toNanos();
        long[] wait = {0};
        failures.computeIfPresent(key, (k, times) -> {
            while (!times.isEmpty() && now - times.peekFirst() > span) {
                times.removeFirst();
            }
            if (times.size() >= allowed) {
                // blocked until enough of the recent failures have aged out
                long releasing =
                        times.stream().skip(times.size() - allowed).findFirst().orElse(now);
                wait[0] = span - (now - releasing);
            }
            return times.isEmpty() ? null : times;
        });
        return wait[0];
    }

    /**
     * Drops the keys whose last failure left the window. Each under the map's own lock for that key
     * (computeIfPresent), as every other access: a failure recorded meanwhile is never lost.
     */
    private void prune(long now) {
        long span = window.toNanos();
        for (String key : failures.keySet()) {
            failures.computeIfPresent(key, (k, times) -> {
                Long last = times.peekLast();
                return last == null || now - last > span ? null : times;
            });
        }
    }
}
