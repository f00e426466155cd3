package io.csms.web.metrics;

import io.csms.monitoring.Metrics;
import io.csms.platform.RandomTokens;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /csms/metrics}: the metrics in the Prometheus text format, for a scraper that logs in
 * with HTTP Basic, any user name and {@code csms.metrics.token} as the password (compared in
 * constant time; Basic, because a Bearer token in this WAR is taken for an access token of the
 * API). Without that setting the endpoint is off (404): the figures name partners and chargers.
 */
@WebServlet("/metrics")
public class MetricsEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Metrics metrics;

    @Inject
    @ConfigProperty(name = "csms.metrics.token")
    Optional<String> token;

    @Inject
    io.csms.platform.Environment environment;

    @Inject
    io.csms.platform.TrustedProxies proxies;

    /** In production the scraper's password travels over TLS only, unless this says the network is trusted. */
    @Inject
    @ConfigProperty(name = "csms.metrics.allow-plain-http", defaultValue = "false")
    boolean allowPlainHttp;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (token.filter(t -> !t.isBlank()).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Metrics are off: set csms.metrics.token");
            return;
        }
        if (environment.production() && !allowPlainHttp && !proxies.secure(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Metrics are served over HTTPS only");
            return;
        }
        if (!MessageDigest.isEqual(
                RandomTokens.sha256(password(request.getHeader("Authorization")))
                        .getBytes(StandardCharsets.US_ASCII),
                RandomTokens.sha256(token.get()).getBytes(StandardCharsets.US_ASCII))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"csms-metrics\", charset=\"UTF-8\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "The scraper's password is needed");
            return;
        }
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(metrics.scrape());
    }

    /** The password of an HTTP Basic {@code Authorization} header; "" when there is none. */
    static String password(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "";
        }
        try {
            String pair = new String(
                    java.util.Base64.getDecoder()
                            .decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? "" : pair.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
