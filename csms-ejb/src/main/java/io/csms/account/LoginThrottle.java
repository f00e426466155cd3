package io.csms.account;

import io.csms.platform.FailureThrottle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing without letting a stranger lock an account out: failures count per
 * account and client address together ({@code csms.login.max-failures-per-account}, so one address
 * guessing at an account is stopped while its owner, elsewhere, still logs in), per client address
 * ({@code csms.login.max-failures-per-address}), and per account from every address together, with a
 * far higher allowance ({@code csms.login.max-failures-per-account-overall}: what a guesser with many
 * addresses may try). A client address is the one {@code TrustedProxies} names. Counted in memory per
 * server: a cluster multiplies the allowance by its size.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    @ConfigProperty(name = "csms.login.max-failures-per-account", defaultValue = "5")
    int perAccountAndAddress;

    @Inject
    @ConfigProperty(name = "csms.login.max-failures-per-address", defaultValue = "20")
    int perAddress;

    @Inject
    @ConfigProperty(name = "csms.login.max-failures-per-account-overall", defaultValue = "100")
    int perAccount;

    /** Seconds a failure counts against the account and the address. */
    @Inject
    @ConfigProperty(name = "csms.login.failure-window", defaultValue = "900")
    long windowSeconds;

    private FailureThrottle throttle;

    @PostConstruct
    void init() {
        throttle = new FailureThrottle(
                Duration.ofSeconds(windowSeconds), Math.max(perAccount, Math.max(perAccountAndAddress, perAddress)));
    }

    /** How long the caller must wait before trying again, or empty when it may try now. */
    public Optional<Duration> blocked(String account, String address) {
        return throttle.blocked(
                new FailureThrottle.Limit(pair(account, address), perAccountAndAddress),
                new FailureThrottle.Limit(address == null ? null : "address:" + address, perAddress),
                new FailureThrottle.Limit("account:" + account, perAccount));
    }

    public void failed(String account, String address) {
        throttle.failed(pair(account, address), address == null ? null : "address:" + address, "account:" + account);
    }

    /**
     * A successful login clears the account's failures from this address (not the address's: one
     * right guess does not vouch for the rest; nor the account's overall count).
     */
    public void succeeded(String account, String address) {
        throttle.clear(pair(account, address));
    }

    private static String pair(String account, String address) {
        return "account:" + account + "|" + address;
    }
}
