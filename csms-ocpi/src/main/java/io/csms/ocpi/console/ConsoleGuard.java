package io.csms.ocpi.console;

import io.csms.account.Accounts;
import io.csms.platform.Environment;
import io.csms.platform.TrustedProxies;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Every console request, after the login ({@link ConsoleAuthentication}) let it in:
 *
 * <ul>
 *   <li>nothing is cached (token A, recovery codes and secrets are never shown again from a cache);
 *   <li>in production, the console answers over HTTPS only (a password never travels in clear);
 *   <li>an open session ends when its operator is no longer active, no longer an operator, or no
 *       longer has the second factor it logged in with (disabled, demoted, reset by a root), and
 *       when the operator has done nothing for the session timeout: a live view's refreshes (a
 *       component whose id is {@code live}) do not count as actions.
 * </ul>
 *
 * An ended session is sent to the login page.
 */
@WebFilter(urlPatterns = "/admin/*", asyncSupported = true)
public class ConsoleGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    Accounts accounts;

    @Inject
    Environment environment;

    @Inject
    TrustedProxies proxies;

    @Inject
    ConsoleSession session;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        if (environment.production() && !proxies.secure(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The console is served over HTTPS only");
            return;
        }
        String type = request.getContentType();
        if (request.getUserPrincipal() == null
                && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            // uploads are for logged-in operators: nothing of an anonymous one is parsed or stored
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Log in first");
            return;
        }
        if (request.getCharacterEncoding() == null) {
            // before any parameter is read (the live check below): forms are UTF-8
            request.setCharacterEncoding("UTF-8");
        }
        if (request.getUserPrincipal() != null) {
            ConsoleSession.Operator operator = session.getOperator();
            if (operator == null
                    || session.idle()
                    || !accounts.consoleStanding(operator.accountId(), operator.secondFactorSince())) {
                request.logout();
                HttpSession ended = request.getSession(false);
                if (ended != null) {
                    ended.invalidate();
                }
                ConsoleAuthentication.toLogin(request, response);
                return;
            }
            String source = request.getParameter("jakarta.faces.source");
            if (source == null || !(source.equals("live") || source.endsWith(":live"))) {
                session.acted();
            }
        }
        chain.doFilter(request, response);
    }
}
