package io.csms.ocpi.console;

import io.csms.account.Accounts;
import io.csms.platform.TrustedProxies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The console's login form: e-mail, password and a code of the authenticator app (or a recovery
 * code). Checked by {@link Accounts#consoleLogin}, operators only, with the throttle and the audit
 * trail the API's login has. An operator without a second factor goes on to enrol one; every
 * refusal is one message that does not say which part was wrong.
 */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    Accounts accounts;

    @Inject
    ConsoleSession session;

    @Inject
    TrustedProxies proxies;

    @Inject
    io.csms.account.SecondFactors secondFactors;

    private String email;
    private String password;
    private String code;

    public String login() {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request =
                (HttpServletRequest) faces.getExternalContext().getRequest();
        Accounts.Login outcome = accounts.consoleLogin(email, password, code, proxies.clientAddress(request));
        password = null;
        code = null;
        if (outcome instanceof Accounts.Opened opened) {
            ConsoleSession.Operator who = new ConsoleSession.Operator(
                    opened.accountId(), opened.email(), opened.roles(), opened.secondFactorSince());
            if (!opened.secondFactor()) {
                // the new secret is made here, by this POST; the enrolment page only shows it, once
                session.mustEnrol(who, secondFactors.enrol(opened.accountId(), proxies.clientAddress(request)));
                return "/enrol.xhtml?faces-redirect=true";
            }
            session.open(who);
            return "/index.xhtml?faces-redirect=true";
        }
        String message;
        if (outcome instanceof Accounts.Throttled throttled) {
            message = "Too many failed logins: try again in "
                    + Math.max(1, throttled.retryAfter().toSeconds()) + " s.";
        } else if (outcome instanceof Accounts.SecondFactorRequired) {
            message = "Enter the code your authenticator app shows (or a recovery code).";
        } else {
            message = "Wrong e-mail, password or code, or the account is no operator's.";
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        return null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
