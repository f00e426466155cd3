package io.csms.ocpi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The public base URL of {@code /ocpi} as partners see it: configured (behind a proxy), or the request's. */
@ApplicationScoped
public class BaseUrl {

    @Inject
    @ConfigProperty(name = "csms.ocpi.base-url")
    Optional<String> configured;

    public String base(UriInfo request) {
        return configured.orElseGet(() -> request.getBaseUri().toString()).replaceAll("/+$", "");
    }

    public String versions(UriInfo request) {
        return base(request) + "/versions";
    }

    /** Our versions URL, for a page of the console ({@code request} is one of this WAR's). */
    public String versions(jakarta.servlet.http.HttpServletRequest request) {
        String own = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
        return configured.orElse(own).replaceAll("/+$", "") + "/versions";
    }
}
