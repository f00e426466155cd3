package io.csms.roaming.access;

import io.csms.platform.FailureThrottle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits on OCPI authentication: failures per client address and per partner (then 429 until the
 * window has moved on), and anonymous open-data requests per address. In memory, per server node.
 */
@ApplicationScoped
public class PartnerThrottle {

    @Inject
    @ConfigProperty(name = "csms.ocpi.max-auth-failures-per-address", defaultValue = "20")
    int perAddress;

    @Inject
    @ConfigProperty(name = "csms.ocpi.max-auth-failures-per-partner", defaultValue = "10")
    int perPartner;

    @Inject
    @ConfigProperty(name = "csms.ocpi.auth-failure-window", defaultValue = "900")
    long windowSeconds;

    /** Anonymous (open data) requests allowed per client address and minute. */
    @Inject
    @ConfigProperty(name = "csms.ocpi.open-data.requests-per-minute", defaultValue = "60")
    int openDataPerMinute;

    private FailureThrottle failures;
    private FailureThrottle anonymous;

    @PostConstruct
    void init() {
        failures = new FailureThrottle(Duration.ofSeconds(windowSeconds), Math.max(perAddress, perPartner));
        anonymous = new FailureThrottle(Duration.ofMinutes(1), openDataPerMinute);
    }

    public Optional<Duration> blocked(String address, Long partnerId) {
        return failures.blocked(
                new FailureThrottle.Limit("address:" + address, perAddress),
                new FailureThrottle.Limit(partnerId == null ? null : "partner:" + partnerId, perPartner));
    }

    public void failed(String address, Long partnerId) {
        failures.failed("address:" + address, partnerId == null ? null : "partner:" + partnerId);
    }

    /** Counts an anonymous request; the wait when the address has used up its minute. */
    public Optional<Duration> anonymousRequest(String address) {
        Optional<Duration> wait = anonymous.blocked(new FailureThrottle.Limit("address:" + address, openDataPerMinute));
        if (wait.isEmpty()) {
            anonymous.failed("address:" + address);
        }
        return wait;
    }
}
