package io.csms.web.ocpp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * Refuses an OCPP WebSocket upgrade that does not offer subprotocol {@code ocpp1.6}, with an HTTP
 * status before the upgrade: the WebSocket API itself would accept it with no subprotocol.
 */
@WebFilter(urlPatterns = "/ocpp/*", asyncSupported = true)
public class OcppHandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String SUBPROTOCOL = "ocpp1.6";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade")) && !offersOcpp16(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Subprotocol " + SUBPROTOCOL + " required");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean offersOcpp16(HttpServletRequest request) {
        var offered = request.getHeaders("Sec-WebSocket-Protocol");
        while (offered != null && offered.hasMoreElements()) {
            if (Arrays.stream(offered.nextElement().split(",")).map(String::trim).anyMatch(SUBPROTOCOL::equals)) {
                return true;
            }
        }
        return false;
    }
}
