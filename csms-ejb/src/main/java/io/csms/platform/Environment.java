package io.csms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Which environment this deployment is, stated once ({@code csms.environment}): {@code production},
 * the default of a deployed EAR, or {@code test}, the default of the run command's bench. Each
 * {@link Safeguard} takes its default from the environment and can be set on its own; production
 * with a safeguard switched off is allowed, and said loudly in the log at start-up
 * ({@link EnvironmentReport}).
 */
@ApplicationScoped
public class Environment {

    private static final Logger LOG = Logger.getLogger(Environment.class.getName());

    public enum Kind {
        production,
        test
    }

    /**
     * A protection that production has on and a test bench may do without. {@code production} is
     * its value in production, the safe one; a test bench has the opposite by default.
     */
    public enum Safeguard {
        OCPI_REQUIRE_TLS(
                "csms.ocpi.require-tls", true, "partners may call OCPI over plain HTTP: their tokens travel in clear"),
        OCPI_ALLOW_PLAIN_HTTP(
                "csms.ocpi.allow-plain-http", false, "we call partners' http:// URLs: our tokens travel in clear"),
        OCPI_ALLOW_PRIVATE_ADDRESSES(
                "csms.ocpi.allow-private-addresses",
                false,
                "partner URLs may point at loopback, link-local or private addresses of this network"),
        ADMIN_REQUIRE_MFA(
                "csms.admin.require-mfa", true, "admins get tokens with a password alone, without their second factor"),
        EMAIL_VERIFICATION(
                "csms.accounts.require-email-verification",
                true,
                "new accounts charge without proving their e-mail address"),
        ACCEPT_UNKNOWN_CHARGERS(
                "csms.ocpp.allow-accept-unknown",
                false,
                "csms.ocpp.unknown-chargers=accept lets any charger id in and accepts it without an operator");

        private final String setting;
        private final boolean production;
        private final String risk;

        Safeguard(String setting, boolean production, String risk) {
            this.setting = setting;
            this.production = production;
            this.risk = risk;
        }

        public String setting() {
            return setting;
        }

        /** The value in production (the safe one); a test bench defaults to the other. */
        public boolean productionValue() {
            return production;
        }

        public String risk() {
            return risk;
        }
    }

    @Inject
    Config config;

    private Kind kind;
    private final Map<Safeguard, Boolean> values = new ConcurrentHashMap<>();

    @PostConstruct
    void read() {
        kind = of(config.getOptionalValue("csms.environment", String.class));
    }

    /** {@code production} unless the setting says {@code test}; anything else is refused. */
    static Kind of(Optional<String> setting) {
        String value = setting.map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("production");
        try {
            return Kind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("csms.environment must be production or test, not " + value, e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public boolean production() {
        return kind == Kind.production;
    }

    /** The value of the safeguard's setting: its own when given, else the environment's default. */
    public boolean flag(Safeguard safeguard) {
        return values.computeIfAbsent(
                safeguard,
                s -> config.getOptionalValue(s.setting(), Boolean.class)
                        .orElse(kind == Kind.production ? s.productionValue() : !s.productionValue()));
    }

    /** Whether the safeguard is weaker here than production's default. */
    public boolean relaxed(Safeguard safeguard) {
        return flag(safeguard) != safeguard.productionValue();
    }

    /** The safeguards relaxed in this deployment (all of them on a test bench, by default). */
    public List<Safeguard> relaxed() {
        return List.of(Safeguard.values()).stream().filter(this::relaxed).toList();
    }

    /** Says once that something production refuses was allowed here, and by which setting. */
    public void warnRelaxed(Safeguard safeguard) {
        if (production() && relaxed(safeguard)) {
            LOG.severe(
                    () -> "PRODUCTION with " + safeguard.setting() + "=" + flag(safeguard) + ": " + safeguard.risk());
        }
    }
}
