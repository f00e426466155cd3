package io.csms.ocpi.console;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.Set;

/**
 * The console's login (Jakarta Security): a session opens only with a {@link ConsoleCredential},
 * which the login page makes after checking the password and the second factor; the session then
 * carries the operator ({@link AutoApplySession}). Every other request to a console path, page,
 * resource or AJAX call alike (the last told by a Faces partial response), is sent to the login page (web.xml protects {@code /admin/*} but the
 * login and enrolment pages). The partners' OCPI API of this WAR is not concerned: its requests are
 * let through untouched to its own authentication.
 *
 * <p>An alternative with a priority, so that the MP-JWT mechanism of the other WAR, visible
 * EAR-wide, does not make the choice ambiguous (which would answer every request of this WAR with
 * 500, on both servers).
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@AutoApplySession
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/admin/login.xhtml";

    /**
     * Sends the request to the login page: a redirect, or for an AJAX request (a live view whose
     * session ended) a Faces partial response telling it to go there.
     */
    static void toLogin(HttpServletRequest request, HttpServletResponse response) {
        String login = request.getContextPath() + LOGIN_PAGE;
        try {
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter()
                        .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"" + login
                                + "\"/></partial-response>");
            } else {
                response.sendRedirect(login);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @jakarta.inject.Inject
    io.csms.platform.AdminAddresses adminAddresses;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (request.getServletPath().startsWith("/admin") && !adminAddresses.admits(request)) {
            // csms.admin.allowed-addresses: not even the login page answers elsewhere
            try {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "The console does not answer this address");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (context.getAuthParameters().getCredential() instanceof ConsoleCredential operator) {
            Set<String> groups = new HashSet<>(operator.roles());
            return context.notifyContainerAboutLogin(operator.name(), groups);
        }
        if (context.isProtected()) {
            toLogin(request, response);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.doNothing();
    }
}
