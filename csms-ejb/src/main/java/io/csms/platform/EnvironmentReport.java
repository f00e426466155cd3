package io.csms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /** Our public OCPI URL; without it the URLs we hand to partners follow each request's Host header. */
    @Inject
    @ConfigProperty(name = "csms.ocpi.base-url")
    Optional<String> ocpiBaseUrl;

    @PostConstruct
    void report() {
        if (environment.production()) {
            LOG.info("csms.environment=production");
            environment.relaxed().forEach(environment::warnRelaxed);
            if (ocpiBaseUrl.filter(url -> !url.isBlank()).isEmpty()) {
                LOG.warning("PRODUCTION without csms.ocpi.base-url: the versions and endpoint URLs given to OCPI"
                        + " partners are made from each request's Host header; set our public URL");
            }
        } else {
            LOG.warning(() -> "csms.environment=test: a bench, not for production. Relaxed: "
                    + environment.relaxed().stream()
                            .map(s -> s.setting() + "=" + environment.flag(s))
                            .collect(Collectors.joining(", ")));
        }
    }
}
