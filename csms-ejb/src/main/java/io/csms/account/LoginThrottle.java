package io.csms.account;

import io.csms.platform.FailureThrottle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after too many failures within a window, further attempts for that
 * account, or from that client address, are refused until the oldest failure leaves the window.
 * Counted in memory per server: a cluster multiplies the allowance by its size.
 */
@ApplicationScoped
public class LoginThrottle {

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

    private FailureThrottle throttle;

    @PostConstruct
    void init() {
        throttle = new FailureThrottle(Duration.ofSeconds(windowSeconds), Math.max(perAccount, perAddress));
    }

    /** How long the caller must wait before trying again, or empty when it may try now. */
    public Optional<Duration> blocked(String account, String address) {
        return throttle.blocked(
                new FailureThrottle.Limit("account:" + account, perAccount),
                new FailureThrottle.Limit(address == null ? null : "address:" + address, perAddress));
    }

    public void failed(String account, String address) {
        throttle.failed("account:" + account, address == null ? null : "address:" + address);
    }

    /** A successful login clears the account's failures (not the address's: one right guess does not vouch for the rest). */
    public void succeeded(String account) {
        throttle.clear("account:" + account);
    }
}
