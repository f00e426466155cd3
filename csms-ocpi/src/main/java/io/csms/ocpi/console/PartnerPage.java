package io.csms.ocpi.console;

import io.csms.audit.AuditLog;
import io.csms.ocpi.BaseUrl;
import io.csms.platform.Refusal;
import io.csms.roaming.Partner;
import io.csms.roaming.Partners;
import io.csms.roaming.Registrations;
import io.csms.roaming.access.ModuleId;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * One partner: its standing and module rights, the credentials actions (a new token A, registering
 * with the partner, rotation, unregistering, revocation, deletion), and its audit trail. Every
 * action goes through {@link Partners} and {@link Registrations}, as the operator API's do, and
 * answers with a message on the page; a new token A is shown once.
 */
@Named
@ViewScoped
public class PartnerPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Partners partners;

    @Inject
    Registrations registrations;

    @Inject
    AuditLog auditLog;

    @Inject
    BaseUrl baseUrl;

    @Inject
    ConsoleSession session;

    private long id;
    private boolean found;
    private String name;
    private String status;
    private String version;
    private String parties;
    private String connection;
    private String lastContact;
    private List<String> modules = new ArrayList<>();
    private List<AuditLog.Entry> audit = List.of();

    private String theirVersionsUrl;
    private String theirToken;
    /** A new token A lives in the answer that made it only: never rendered again. */
    private static final String NEW_TOKEN = "console.newTokenA";

    /** Loads the partner named by the {@code id} view parameter; an unknown one says so. */
    public void load() {
        var partner = partners.find(id);
        found = partner.isPresent();
        if (!found) {
            message(FacesMessage.SEVERITY_ERROR, "No partner " + id + ".");
            return;
        }
        Partner p = partner.get();
        name = p.name();
        status = p.status().name();
        version = p.version() == null ? "" : p.version();
        parties = String.join(
                ", ", p.parties().stream().map(Object::toString).sorted().toList());
        connection = p.connectionStatus() == null ? "" : p.connectionStatus();
        lastContact = p.lastContactAt() == null ? "" : p.lastContactAt().toString();
        modules = new ArrayList<>(p.allowedModules());
        audit = auditLog.page(new AuditLog.Filter(null, null, null, null, "partner:" + id), 0, 50);
    }

    public void saveModules() {
        act(
                () -> partners.update(
                        id,
                        new Partners.Settings(
                                null,
                                new LinkedHashSet<>(modules),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        actor()),
                "Module rights saved.");
    }

    /** A new registration token (token A) for the partner to register with; shown once. */
    public void newRegistrationToken() {
        act(
                () -> FacesContext.getCurrentInstance()
                        .getAttributes()
                        .put(NEW_TOKEN, partners.newRegistrationToken(id, actor())),
                "A new token A: hand it over now.");
    }

    public void register() {
        String url = theirVersionsUrl;
        String token = theirToken;
        theirToken = null;
        act(
                () -> registrations.registerWith(id, url, token, baseUrl.versions(request()), actor()),
                "Registered with the partner.");
    }

    public void rotate() {
        act(() -> registrations.rotate(id, baseUrl.versions(request()), actor()), "Credentials rotated both ways.");
    }

    public void unregister() {
        act(() -> registrations.unregisterWith(id, actor()), "Unregistered: the partner's tokens end.");
    }

    public void revoke() {
        act(() -> partners.revoke(id, actor()), "Revoked: every token of the partner ends now.");
    }

    public String delete() {
        try {
            partners.delete(id, actor());
        } catch (Refusal e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        message(FacesMessage.SEVERITY_INFO, "Partner " + name + " deleted.");
        return "/partners.xhtml?faces-redirect=true";
    }

    /** After the token A was noted: the page is rendered again, without it. */
    public void dismissToken() {}

    /** The modules a partner may be granted (not the configuration ones every partner has). */
    public List<String> getGrantable() {
        return Arrays.stream(ModuleId.values())
                .filter(m -> !m.configuration())
                .map(ModuleId::id)
                .toList();
    }

    private void act(Supplier<?> action, String done) {
        try {
            action.get();
            message(FacesMessage.SEVERITY_INFO, done);
        } catch (Refusal | IllegalArgumentException e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        } catch (RuntimeException e) {
            // the partner could not be reached, or answered wrongly: say so, never a stack trace
            message(FacesMessage.SEVERITY_ERROR, "The partner could not be reached or refused: " + e.getMessage());
        }
        load();
    }

    private String actor() {
        return Long.toString(session.getOperator().accountId());
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public boolean isFound() {
        return found;
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    public String getVersion() {
        return version;
    }

    public String getParties() {
        return parties;
    }

    public String getConnection() {
        return connection;
    }

    public String getLastContact() {
        return lastContact;
    }

    public List<String> getModules() {
        return modules;
    }

    public void setModules(List<String> modules) {
        this.modules = modules;
    }

    public List<AuditLog.Entry> getAudit() {
        return audit;
    }

    public String getTheirVersionsUrl() {
        return theirVersionsUrl;
    }

    public void setTheirVersionsUrl(String theirVersionsUrl) {
        this.theirVersionsUrl = theirVersionsUrl;
    }

    public String getTheirToken() {
        return theirToken;
    }

    public void setTheirToken(String theirToken) {
        this.theirToken = theirToken;
    }

    public String getNewTokenA() {
        return (String) FacesContext.getCurrentInstance().getAttributes().get(NEW_TOKEN);
    }
}
