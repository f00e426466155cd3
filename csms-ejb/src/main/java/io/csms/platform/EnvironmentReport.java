package io.csms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Says at start-up which environment this is and, in production, every safeguard that a setting
 * switched off (one SEVERE line each, so that nobody runs production like a bench unawares).
 */
@Startup
@Singleton
public class EnvironmentReport {

    private static final Logger LOG = Logger.getLogger(EnvironmentReport.class.getName());

    @Inject
    Environment environment;

    @PostConstruct
    void report() {
        if (environment.production()) {
            LOG.info("csms.environment=production");
            environment.relaxed().forEach(environment::warnRelaxed);
        } else {
            LOG.warning(() -> "csms.environment=test: a bench, not for production. Relaxed: "
                    + environment.relaxed().stream()
                            .map(s -> s.setting() + "=" + environment.flag(s))
                            .collect(Collectors.joining(", ")));
        }
    }
}
