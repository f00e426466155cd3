package io.csms.web.api;

import io.csms.platform.http.HardenedHttp;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebFilter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Security headers and a bound on request bodies for the API ({@code csms.api.max-body-bytes}, 1 MiB). */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class HardeningFilter extends HardenedHttp {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "csms.api.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Override
    protected long maxBodyBytes() {
        return maxBodyBytes;
    }
}
