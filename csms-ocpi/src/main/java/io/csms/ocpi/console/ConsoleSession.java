package io.csms.ocpi.console;

import io.csms.account.Accounts;
import io.csms.platform.TrustedProxies;
import jakarta.enterprise.context.SessionScoped;
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
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is at the console in this browser session: nobody, an operator whose password is checked but
 * who must enrol a second factor before anything else ({@link #pending}), or an operator logged in
 * with both factors. Opening the session renews its id (no fixation) and sets its idle timeout
 * ({@code csms.console.session-timeout}, default 30 minutes).
 */
@Named
@SessionScoped
public class ConsoleSession implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An operator as the console knows it (getters for the pages: Faces 4.0's EL reads no record accessors). */
    public record Operator(long accountId, String email, List<String> roles) implements Serializable {

        public String getEmail() {
            return email;
        }

        public boolean isRoot() {
            return roles.contains("root");
        }
    }

    @Inject
    transient SecurityContext security;

    @Inject
    transient Accounts accounts;

    @Inject
    transient TrustedProxies proxies;

    @Inject
    @ConfigProperty(name = "csms.console.session-timeout", defaultValue = "PT30M")
    transient Duration timeout;

    private Operator pending;
    private Operator operator;

    public Operator getOperator() {
        return operator;
    }

    public Operator pending() {
        return pending;
    }

    /** The password was right, but there is no second factor yet: enrolment comes first. */
    void mustEnrol(Operator who) {
        renewId();
        pending = who;
        operator = null;
    }

    /** Both factors were checked: the session opens for {@code who}. */
    void open(Operator who) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        renewId();
        AuthenticationStatus status = security.authenticate(
                request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new ConsoleCredential(Long.toString(who.accountId()), who.roles()))
                        .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            throw new IllegalStateException("The console session did not open: " + status);
        }
        request.getSession().setMaxInactiveInterval((int) timeout.toSeconds());
        pending = null;
        operator = who;
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
