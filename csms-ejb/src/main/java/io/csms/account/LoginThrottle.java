package io.csms.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after too many failures within a window, further attempts for that
 * account, or from that client address, are refused until the oldest failure leaves the window.
 * Counted in memory per server: a cluster multiplies the allowance by its size.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    @Inject
    @ConfigProperty(name = "csms.login.max-failures-per-account", defaultValue = "5")
    int perAccount;

    @Inject
    @ConfigProperty(name = "csms.login.max-failures-per-address", defaultValue = "20")
    int perAddress;

    /** Seconds a failure counts against the account and the address. */
    @Inject
    @ConfigProperty(name = "csms.login.failure-window", defaultValue = "900")
    long windowSeconds;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    /** How long the caller must wait before trying again, or empty when it may try now. */
    public Optional<Duration> blocked(String account, String address) {
        long now = System.nanoTime();
        long waitAccount = wait("account:" + account, perAccount, now);
        long waitAddress = address == null ? 0 : wait("address:" + address, perAddress, now);
        long wait = Math.max(waitAccount, waitAddress);
        return wait > 0 ? Optional.of(Duration.ofNanos(wait).plusSeconds(1).withNanos(0)) : Optional.empty();
    }

    public void failed(String account, String address) {
        if (failures.size() > MAX_TRACKED) {
            prune(System.nanoTime());
        }
        long now = System.nanoTime();
        add("account:" + account, now);
        if (address != null) {
            add("address:" + address, now);
        }
    }

    /** A successful login clears the account's failures (not the address's: one right guess does not vouch for the rest). */
    public void succeeded(String account) {
        failures.remove("account:" + account);
    }

    private void add(String key, long now) {
        failures.compute(key, (k, times) -> {
            Deque<Long> list = times == null ? new ArrayDeque<>() : times;
            list.addLast(now);
            while (list.size() > Math.max(perAccount, perAddress)) {
                list.removeFirst();
            }
            return list;
        });
    }

    private long wait(String key, int allowed, long now) {
        long window = Duration.ofSeconds(windowSeconds).toNanos();
        long[] wait = {0};
        failures.computeIfPresent(key, (k, times) -> {
            while (!times.isEmpty() && now - times.peekFirst() > window) {
                times.removeFirst();
            }
            if (times.size() >= allowed) {
                // blocked until enough of the recent failures have aged out
                long releasing = times.stream().skip(times.size() - allowed).findFirst().orElse(now);
                wait[0] = window - (now - releasing);
            }
            return times.isEmpty() ? null : times;
        });
        return wait[0];
    }

    private void prune(long now) {
        long window = Duration.ofSeconds(windowSeconds).toNanos();
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Long last = e.getValue().peekLast();
                return last == null || now - last > window;
            }
        });
    }
}
