package io.csms.account;

import io.csms.platform.FailureThrottle;
import io.csms.platform.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-ups per client address ({@code csms.signup.max-per-address}, per hour) and from everyone
 * together ({@code csms.signup.max-per-minute}): each costs a slow password hash, an account and an
 * id tag, so a flood would load the CPU and fill the tables (security review M6). Checked before any
 * of that work. In memory, per server node.
 */
@ApplicationScoped
public class SignupThrottle {

    @Inject
    @ConfigProperty(name = "csms.signup.max-per-address", defaultValue = "10")
    int perAddress;

    @Inject
    @ConfigProperty(name = "csms.signup.max-per-minute", defaultValue = "60")
    int perMinute;

    private FailureThrottle hourly;
    private FailureThrottle everyone;

    @PostConstruct
    void init() {
        hourly = new FailureThrottle(Duration.ofHours(1), perAddress);
        everyone = new FailureThrottle(Duration.ofMinutes(1), perMinute);
    }

    /** Counts one sign-up from {@code address}, or refuses it (429) when a limit is reached. */
    public void admit(String address) {
        String key = "address:" + address;
        Optional<Duration> wait = hourly.blocked(new FailureThrottle.Limit(key, perAddress))
                .or(() -> everyone.blocked(new FailureThrottle.Limit("all", perMinute)));
        if (wait.isPresent()) {
            throw Refusal.throttled("too-many-signups", "Too many sign-ups; try again later", wait.get());
        }
        hourly.failed(key);
        everyone.failed("all");
    }
}
