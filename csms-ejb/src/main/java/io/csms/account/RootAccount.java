package io.csms.account;

import io.csms.platform.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first root account at startup from {@code csms.admin.email} and
 * {@code csms.admin.password}, once: when a root account exists, the settings are ignored.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class RootAccount {

    private static final Logger LOG = Logger.getLogger(RootAccount.class.getName());

    @Inject
    @ConfigProperty(name = "csms.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "csms.admin.password")
    Optional<String> password;

    @Inject
    Accounts accounts;

    @PostConstruct
    void ensure() {
        if (email.isEmpty() || password.isEmpty()) {
            LOG.info("No csms.admin.email / csms.admin.password set: no root account created at startup");
            return;
        }
        try {
            if (accounts.ensureRoot(email.get(), password.get())) {
                LOG.warning(() -> "Root account " + email.get() + " created from csms.admin.email");
            }
        } catch (Refusal e) {
            LOG.severe(() -> "Root account not created: " + e.getMessage());
        }
    }
}
