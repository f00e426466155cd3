package io.csms.web.ocpp;

import io.csms.chargepoint.Admission;
import io.csms.chargepoint.ChargerAdmission;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;

/**
 * Checks an OCPP WebSocket handshake before the upgrade, where an HTTP status can still be answered
 * (the WebSocket API itself cannot refuse): subprotocol {@code ocpp1.6} offered (else 400), the
 * charger known (else 404) and authenticated per its security profile (else 401, or 403 without TLS).
 */
@WebFilter(urlPatterns = "/ocpp/*", asyncSupported = true)
public class OcppHandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String SUBPROTOCOL = "ocpp1.6";

    @Inject
    ChargerAdmission admission;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "OCPP 1.6-J needs a WebSocket upgrade");
            return;
        }
        if (!offersOcpp16(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Subprotocol " + SUBPROTOCOL + " required");
            return;
        }
        String chargerId = chargerId(request);
        if (chargerId == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String[] basic = basicCredentials(request);
        X509Certificate[] certificates =
                (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        Admission decision = admission.admit(new ChargerAdmission.Handshake(
                chargerId,
                basic[0],
                basic[1],
                request.isSecure(),
                certificates == null || certificates.length == 0 ? null : certificates[0],
                request.getRemoteAddr()));
        if (decision instanceof Admission.Admitted) {
            chain.doFilter(request, response);
        } else if (decision instanceof Admission.Unknown) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Unknown charger");
        } else if (decision instanceof Admission.TlsRequired) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "This charger must connect over TLS (wss)");
        } else {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ocpp\", charset=\"UTF-8\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    /**
     * OCPP-J: the charge point identity is the last path segment. Read from the URI: the path info
     * belongs to whichever servlet the container picked for the upgrade, not to this filter.
     */
    static String chargerId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/ocpp/")) {
            return null;
        }
        String id = java.net.URLDecoder.decode(path.substring("/ocpp/".length()), StandardCharsets.UTF_8);
        return id.isEmpty() || id.length() > 48 || id.indexOf('/') >= 0 ? null : id;
    }

    private static String[] basicCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new String[2];
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? new String[2] : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return new String[2];
        }
    }

    private static boolean offersOcpp16(HttpServletRequest request) {
        var offered = request.getHeaders("Sec-WebSocket-Protocol");
        while (offered != null && offered.hasMoreElements()) {
            if (Arrays.stream(offered.nextElement().split(","))
                    .map(String::trim)
                    .anyMatch(SUBPROTOCOL::equals)) {
                return true;
            }
        }
        return false;
    }
}
