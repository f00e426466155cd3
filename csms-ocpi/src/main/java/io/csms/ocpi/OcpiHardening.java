package io.csms.ocpi;

import io.csms.platform.Environment;
import io.csms.platform.Jsonp;
import io.csms.platform.http.HardenedHttp;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers and a bound on request bodies for the OCPI door and the console ({@code
 * csms.ocpi.max-body-bytes}, 1 MiB), as the API has; and, in production, a console session cookie
 * that browsers send over HTTPS only.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class OcpiHardening extends HardenedHttp {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "csms.ocpi.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Override
    protected long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** An OCPI envelope, as every answer of this door: 413 with 2001 (OCPI 2.2.1 status_codes). */
    @Override
    protected void tooLarge(HttpServletResponse response, long max) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(Jsonp.JSON
                        .createObjectBuilder()
                        .add("status_code", OcpiStatus.INVALID_PARAMETERS.code())
                        .add("status_message", "The body is larger than " + max + " bytes")
                        .add(
                                "timestamp",
                                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                        .build()
                        .toString());
    }

    /**
     * The console's session cookie is Secure in production (a bench on plain HTTP keeps a usable
     * one) and SameSite=Strict everywhere.
     */
    @WebListener
    public static class SessionCookie implements ServletContextListener {

        @Inject
        Environment environment;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            var cookie = event.getServletContext().getSessionCookieConfig();
            cookie.setSecure(environment.production());
            // never sent along with another site's request: no cross-site request carries a session
            cookie.setAttribute("SameSite", "Strict");
        }
    }
}
