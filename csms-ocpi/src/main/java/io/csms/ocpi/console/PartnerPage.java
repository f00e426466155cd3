package io.csms.ocpi.console;

import io.csms.audit.AuditLog;
import io.csms.ocpi.BaseUrl;
import io.csms.platform.Refusal;
import io.csms.roaming.Partner;
import io.csms.roaming.Partners;
import io.csms.roaming.Registrations;
import io.csms.roaming.access.ModuleId;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
    ConsoleActions actions;

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

    private boolean sendTokenBase64;
    private String roles;
    private String hubClients;
    private String pushQueue;
    private String lastPushError;

    @Inject
    io.csms.roaming.outbox.Outbox outbox;

    public String getRoles() {
        return roles;
    }

    public String getHubClients() {
        return hubClients;
    }

    public String getPushQueue() {
        return pushQueue;
    }

    public String getLastPushError() {
        return lastPushError;
    }

    private boolean totpIncoming;
    private boolean totpOutgoingSet;
    private String clientCertificateSha256;
    /** A new TOTP secret per direction (never shown; blank leaves it), or its removal. */
    private String newTotpIncoming;

    private String newTotpOutgoing;
    private boolean removeTotpIncoming;
    private boolean removeTotpOutgoing;

    private String theirVersionsUrl;
    private String theirToken;
    /** A new token A lives in the answer that made it only: never rendered again. */
    private static final String NEW_TOKEN = "console.newTokenA";

    /** Loads the partner named by the {@code id} view parameter; an unknown one says so. */
    public void load() {
        var partner = partners.find(id);
        found = partner.isPresent();
        if (!found) {
            ConsoleActions.error("No partner " + id + ".");
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
        roles = String.join(
                ", ",
                p.roles().stream().map(r -> r.role().name()).distinct().sorted().toList());
        hubClients = String.join(
                ", ", p.hubClients().stream().map(Object::toString).sorted().toList());
        var queue = outbox.queue(id);
        pushQueue = queue.pending() + " waiting"
                + (queue.oldest() == null ? "" : ", the oldest since " + queue.oldest())
                + (queue.lastPushAt() == null ? "" : "; last push " + queue.lastPushAt());
        lastPushError = queue.lastError() == null ? "" : queue.lastError() + " (" + queue.lastErrorAt() + ")";
        modules = new ArrayList<>(p.allowedModules());
        sendTokenBase64 = p.sendTokenBase64();
        totpIncoming = p.totpIncomingRequired();
        totpOutgoingSet = p.totpOutgoing();
        clientCertificateSha256 = p.clientCertificateSha256() == null ? "" : p.clientCertificateSha256();
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
                        actions.actor()),
                "Module rights saved.");
    }

    /**
     * The partner's security settings: how our token is encoded, the client certificate it must
     * present (its SHA-256 fingerprint; empty: none), and a TOTP second secret per direction, set or
     * removed (secrets are never shown again).
     */
    public void saveSecurity() {
        String incoming = removeTotpIncoming ? "" : ConsoleActions.blank(newTotpIncoming);
        String outgoing = removeTotpOutgoing ? "" : ConsoleActions.blank(newTotpOutgoing);
        String certificate = clientCertificateSha256 == null ? "" : clientCertificateSha256.strip();
        newTotpIncoming = null;
        newTotpOutgoing = null;
        removeTotpIncoming = false;
        removeTotpOutgoing = false;
        act(
                () -> partners.update(
                        id,
                        new Partners.Settings(
                                null,
                                null,
                                null,
                                null,
                                sendTokenBase64,
                                incoming,
                                outgoing,
                                null,
                                certificate,
                                null,
                                null,
                                null),
                        actions.actor()),
                "Security settings saved.");
    }

    /** A new registration token (token A) for the partner to register with; shown once. */
    public void newRegistrationToken() {
        act(
                () -> FacesContext.getCurrentInstance()
                        .getAttributes()
                        .put(NEW_TOKEN, partners.newRegistrationToken(id, actions.actor())),
                "A new token A: hand it over now.");
    }

    public void register() {
        String url = theirVersionsUrl;
        String token = theirToken;
        theirToken = null;
        act(
                () -> registrations.registerWith(
                        id, url, token, baseUrl.versions(ConsoleActions.request()), actions.actor()),
                "Registered with the partner.");
    }

    public void rotate() {
        act(
                () -> registrations.rotate(id, baseUrl.versions(ConsoleActions.request()), actions.actor()),
                "Credentials rotated both ways.");
    }

    public void unregister() {
        act(() -> registrations.unregisterWith(id, actions.actor()), "Unregistered: the partner's tokens end.");
    }

    public void revoke() {
        act(() -> partners.revoke(id, actions.actor()), "Revoked: every token of the partner ends now.");
    }

    public String delete() {
        try {
            partners.delete(id, actions.actor());
        } catch (Refusal e) {
            ConsoleActions.error(e.getMessage());
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        ConsoleActions.info("Partner " + name + " deleted.");
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
            ConsoleActions.info(done);
        } catch (Refusal | IllegalArgumentException e) {
            ConsoleActions.error(e.getMessage());
        } catch (RuntimeException e) {
            // the partner could not be reached, or answered wrongly: say so, never a stack trace
            ConsoleActions.error("The partner could not be reached or refused: " + e.getMessage());
        }
        load();
    }

    public boolean isSendTokenBase64() {
        return sendTokenBase64;
    }

    public void setSendTokenBase64(boolean sendTokenBase64) {
        this.sendTokenBase64 = sendTokenBase64;
    }

    public boolean isTotpIncoming() {
        return totpIncoming;
    }

    public boolean isTotpOutgoingSet() {
        return totpOutgoingSet;
    }

    public String getClientCertificateSha256() {
        return clientCertificateSha256;
    }

    public void setClientCertificateSha256(String clientCertificateSha256) {
        this.clientCertificateSha256 = clientCertificateSha256;
    }

    public String getNewTotpIncoming() {
        return null;
    }

    public void setNewTotpIncoming(String newTotpIncoming) {
        this.newTotpIncoming = newTotpIncoming;
    }

    public String getNewTotpOutgoing() {
        return null;
    }

    public void setNewTotpOutgoing(String newTotpOutgoing) {
        this.newTotpOutgoing = newTotpOutgoing;
    }

    public boolean isRemoveTotpIncoming() {
        return removeTotpIncoming;
    }

    public void setRemoveTotpIncoming(boolean removeTotpIncoming) {
        this.removeTotpIncoming = removeTotpIncoming;
    }

    public boolean isRemoveTotpOutgoing() {
        return removeTotpOutgoing;
    }

    public void setRemoveTotpOutgoing(boolean removeTotpOutgoing) {
        this.removeTotpOutgoing = removeTotpOutgoing;
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
