package io.csms.chargepoint;

import io.csms.platform.Environment;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What to do with a charger id nobody registered ({@code csms.ocpp.unknown-chargers}): {@code reject}
 * (the default, 404), {@code pending} (let in and registered as Pending: it may boot, nothing more,
 * until an operator gives it credentials and accepts it) or {@code accept} (registered as Accepted:
 * a test bench's setting; production refuses it, and keeps {@code reject}, unless
 * {@code csms.ocpp.allow-accept-unknown=true} says otherwise).
 */
@ApplicationScoped
public class UnknownChargers {

    private static final Logger LOG = Logger.getLogger(UnknownChargers.class.getName());

    public enum Policy {
        reject,
        pending,
        accept
    }

    @Inject
    @ConfigProperty(name = "csms.ocpp.unknown-chargers", defaultValue = "reject")
    Policy configured;

    @Inject
    Environment environment;

    private Policy policy;

    @PostConstruct
    void decide() {
        policy = configured;
        if (configured == Policy.accept) {
            if (!environment.flag(Environment.Safeguard.ACCEPT_UNKNOWN_CHARGERS)) {
                LOG.severe("csms.ocpp.unknown-chargers=accept: refused in production (csms.environment="
                        + environment.kind() + "); unknown chargers are rejected. Set "
                        + Environment.Safeguard.ACCEPT_UNKNOWN_CHARGERS.setting() + "=true to allow it anyway");
                policy = Policy.reject;
            } else {
                environment.warnRelaxed(Environment.Safeguard.ACCEPT_UNKNOWN_CHARGERS);
                LOG.warning("csms.ocpp.unknown-chargers=accept: any charger id is let in and accepted (a test bench)");
            }
        }
    }

    public Policy policy() {
        return policy;
    }

    /** Whether an id nobody registered (or a charger registered on first contact without a key) gets in at all. */
    public boolean letIn() {
        return policy != Policy.reject;
    }
}
