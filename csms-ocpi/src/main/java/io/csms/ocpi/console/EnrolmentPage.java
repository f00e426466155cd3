package io.csms.ocpi.console;

import io.csms.account.SecondFactors;
import io.csms.platform.Refusal;
import io.csms.platform.TrustedProxies;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Enrolment of an operator's second factor at its first console login (password checked, no factor
 * yet): a new secret shown once as a QR code and as text, confirmed with a first code; then ten
 * recovery codes, shown once; then the session opens. Anyone else is sent to the login page.
 */
@Named
@ViewScoped
public class EnrolmentPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String RECOVERY_CODES = "console.recoveryCodes";

    @Inject
    SecondFactors secondFactors;

    @Inject
    ConsoleSession session;

    @Inject
    TrustedProxies proxies;

    private String secret;
    private String qrCode;
    private String code;
    private boolean shownBefore;
    private java.time.Instant confirmedAt;

    @PostConstruct
    void start() {
        if (session.pending() == null) {
            toLogin();
            return;
        }
        SecondFactors.Enrolment enrolment = session.takeEnrolment();
        if (enrolment == null) {
            // this page was shown already (a reload, a second tab): the secret is not shown again
            shownBefore = true;
            return;
        }
        secret = enrolment.secret();
        qrCode = QrCodes.dataUri(enrolment.uri(), 240);
    }

    /** The first code of the new secret: the factor is confirmed and the recovery codes are made. */
    public void confirm() {
        ConsoleSession.Operator pending = session.pending();
        if (pending == null) {
            toLogin();
            return;
        }
        if (confirmedAt != null) {
            return;
        }
        try {
            confirmedAt = secondFactors.confirm(pending.accountId(), code, address());
        } catch (Refusal e) {
            FacesContext.getCurrentInstance()
                    .addMessage(
                            "enrolment:code",
                            new FacesMessage(
                                    FacesMessage.SEVERITY_ERROR,
                                    "That code does not fit the new secret; check the app's clock and try the next code.",
                                    null));
            return;
        } finally {
            code = null;
        }
        // shown in this answer only: a reload of the page does not show them again
        FacesContext.getCurrentInstance()
                .getAttributes()
                .put(RECOVERY_CODES, secondFactors.newRecoveryCodes(pending.accountId(), address()));
        secret = null;
        qrCode = null;
    }

    /** The recovery codes are noted: the session opens. */
    public String proceed() {
        ConsoleSession.Operator pending = session.pending();
        if (pending == null || confirmedAt == null) {
            return "/login.xhtml?faces-redirect=true";
        }
        session.open(new ConsoleSession.Operator(pending.accountId(), pending.email(), pending.roles(), confirmedAt));
        return "/index.xhtml?faces-redirect=true";
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public boolean isShownBefore() {
        return shownBefore;
    }

    public String getSecret() {
        return secret;
    }

    public String getQrCode() {
        return qrCode;
    }

    @SuppressWarnings("unchecked")
    public List<String> getRecoveryCodes() {
        return (List<String>) FacesContext.getCurrentInstance().getAttributes().get(RECOVERY_CODES);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    private String address() {
        return proxies.clientAddress((HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    private static void toLogin() {
        try {
            var external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + ConsoleAuthentication.LOGIN_PAGE);
            FacesContext.getCurrentInstance().responseComplete();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
