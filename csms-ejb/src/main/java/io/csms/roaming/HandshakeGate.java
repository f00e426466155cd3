package io.csms.roaming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Credentials handshakes call the partner back, which takes time: one handshake at a time per
 * partner, and at most {@code csms.ocpi.max-concurrent-handshakes} in all, so that a holder of a
 * token A cannot tie up the server with calls to a tarpit (security review H8). In memory, per node.
 */
@ApplicationScoped
public class HandshakeGate {

    @Inject
    @ConfigProperty(name = "csms.ocpi.max-concurrent-handshakes", defaultValue = "8")
    int overall;

    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private volatile Semaphore slots;

    /** A pass for one handshake of {@code partnerId}, or empty when it has one under way or all slots are taken. */
    public Optional<AutoCloseable> enter(long partnerId) {
        Semaphore permits = slots();
        if (!permits.tryAcquire()) {
            return Optional.empty();
        }
        if (!running.add(partnerId)) {
            permits.release();
            return Optional.empty();
        }
        return Optional.of(() -> {
            running.remove(partnerId);
            permits.release();
        });
    }

    private Semaphore slots() {
        Semaphore s = slots;
        if (s == null) {
            synchronized (this) {
                if (slots == null) {
                    slots = new Semaphore(Math.max(1, overall));
                }
                s = slots;
            }
        }
        return s;
    }
}
