package io.csms.ocpi.console;

import io.csms.account.Accounts;
import io.csms.account.SecondFactors;
import io.csms.platform.TrustedProxies;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who is at the console in this browser session: nobody, an operator whose password is checked but
 * who must enrol a second factor before anything else ({@link #pending}), or an operator logged in
 * with both factors. Opening the session renews its id (no fixation); it ends after {@code
 * csms.console.session-timeout} (default 30 minutes) without an action of the operator's (a live
 * view's refreshes do not count, {@link ConsoleGuard}).
 */
@Named
@SessionScoped
public class ConsoleSession implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * An operator as the console knows it, with when its second factor was confirmed (a reset or a
     * new one ends the session). Getters for the pages.
     */
    public record Operator(long accountId, String email, List<String> roles, Instant secondFactorSince)
            implements Serializable {

        public String getEmail() {
            return email;
        }

        public boolean isRoot() {
            return roles.contains("root");
        }
    }

    @Inject
    Accounts accounts;

    @Inject
    TrustedProxies proxies;

    private Operator pending;
    /** The new secret of the pending enrolment, until the enrolment page has shown it once. */
    private SecondFactors.Enrolment enrolment;

    private Operator operator;
    private Instant lastAction;

    public Operator getOperator() {
        return operator;
    }

    public Operator pending() {
        return pending;
    }

    /** The password was right, but there is no second factor yet: enrolment comes first. */
    void mustEnrol(Operator who, SecondFactors.Enrolment started) {
        renewId();
        pending = who;
        enrolment = started;
        operator = null;
    }

    /** The pending enrolment's new secret, once: the page that shows it takes it. */
    SecondFactors.Enrolment takeEnrolment() {
        SecondFactors.Enrolment taken = enrolment;
        enrolment = null;
        return taken;
    }

    /** Both factors were checked: the session opens for {@code who}. */
    void open(Operator who) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        renewId();
        AuthenticationStatus status = CDI.current()
                .select(SecurityContext.class)
                .get()
                .authenticate(
                        request,
                        (HttpServletResponse) external.getResponse(),
                        AuthenticationParameters.withParams()
                                .credential(new ConsoleCredential(Long.toString(who.accountId()), who.roles()))
                                .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            throw new IllegalStateException("The console session did not open: " + status);
        }
        request.getSession().setMaxInactiveInterval((int) timeout().toSeconds());
        pending = null;
        enrolment = null;
        operator = who;
        lastAction = Instant.now();
        accounts.consoleOpened(who.accountId(), proxies.clientAddress(request));
    }

    /** An action of the operator's (not a live view's refresh): the idle time starts again. */
    void acted() {
        lastAction = Instant.now();
    }

    /** Whether the operator has done nothing for longer than the session timeout. */
    boolean idle() {
        return lastAction != null && lastAction.plus(timeout()).isBefore(Instant.now());
    }

    /** Ends the session: logged out, the session invalidated, audited. */
    public String logout() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (operator != null) {
            accounts.consoleLogout(operator.accountId(), proxies.clientAddress(request));
        }
        request.logout();
        external.invalidateSession();
        return "/login.xhtml?faces-redirect=true";
    }

    static Duration timeout() {
        return ConfigProvider.getConfig()
                .getOptionalValue("csms.console.session-timeout", Duration.class)
                .orElse(Duration.ofMinutes(30));
    }

    private static void renewId() {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
    }
}
