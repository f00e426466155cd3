package io.csms.ocpi.console;

import io.csms.authorization.IdTag;
import io.csms.authorization.IdTags;
import io.csms.platform.Refusal;
import io.csms.platform.TrustedProxies;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;

/**
 * The id tags page: the RFID tags chargers authorize (operators' own, and drivers' cards), a new
 * operator's tag, blocking and unblocking; through {@link IdTags}, as the operator API.
 */
@Named
@ViewScoped
public class IdTagsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IdTags idTags;

    @Inject
    TrustedProxies proxies;

    @Inject
    ConsoleSession session;

    /** Shows the tags starting with the search field's text. */
    public void search() {
        load();
    }

    /** A tag as the table shows it. */
    public record Row(String idTag, String kind, String status, String expiry, String parent, String label)
            implements Serializable {

        public boolean blocked() {
            return "Blocked".equals(status);
        }
    }

    private List<Row> rows;
    private String prefix;

    private String idTag;
    private String expiryDate;
    private String parentIdTag;
    private String label;

    @PostConstruct
    public void load() {
        rows = idTags.list(prefix == null ? null : prefix.strip(), 0, 500).stream()
                .map(IdTagsPage::row)
                .toList();
    }

    private static Row row(IdTag t) {
        return new Row(
                t.idTag(),
                t.kind(),
                t.status(),
                t.expiryDate() == null ? "" : t.expiryDate().toString(),
                t.parentIdTag() == null ? "" : t.parentIdTag(),
                t.label() == null ? "" : t.label());
    }

    public void register() {
        // the table then shows the tag just made
        prefix = idTag == null ? null : idTag.strip();
        act(
                () -> idTags.register(
                        idTag == null ? null : idTag.strip(),
                        new IdTags.Settings("Accepted", blank(expiryDate), blank(parentIdTag), blank(label)),
                        actor(),
                        address()),
                "Id tag " + idTag + " registered.");
        idTag = null;
        expiryDate = null;
        parentIdTag = null;
        label = null;
    }

    public void block(String tag) {
        act(
                () -> idTags.change(tag, new IdTags.Settings("Blocked", null, null, null), actor(), address()),
                "Id tag " + tag + " blocked.");
    }

    public void unblock(String tag) {
        act(
                () -> idTags.change(tag, new IdTags.Settings("Accepted", null, null, null), actor(), address()),
                "Id tag " + tag + " accepted again.");
    }

    private void act(Runnable action, String done) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            action.run();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
        } catch (Refusal e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        load();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String actor() {
        return Long.toString(session.getOperator().accountId());
    }

    private String address() {
        return proxies.clientAddress((HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getIdTag() {
        return idTag;
    }

    public void setIdTag(String idTag) {
        this.idTag = idTag;
    }

    public String getExpiryDate() {
        return expiryDate;
    }

    public void setExpiryDate(String expiryDate) {
        this.expiryDate = expiryDate;
    }

    public String getParentIdTag() {
        return parentIdTag;
    }

    public void setParentIdTag(String parentIdTag) {
        this.parentIdTag = parentIdTag;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
