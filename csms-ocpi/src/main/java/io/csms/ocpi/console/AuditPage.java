package io.csms.ocpi.console;

import io.csms.audit.AuditLog;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit log: every event of the audit trail, newest first, filtered by time, actor, kind of
 * action and target, paged on the server; the same selection as CSV ({@link AuditExport}).
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditLog auditLog;

    private String from;
    private String to;
    private String actor;
    private String action;
    private String target;

    private AuditLog.Filter filter = AuditLog.Filter.ALL;

    private final LazyDataModel<AuditLog.Entry> events = new LazyDataModel<>() {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, auditLog.count(filter));
        }

        @Override
        public List<AuditLog.Entry> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return auditLog.page(filter, first, pageSize);
        }

        @Override
        public String getRowKey(AuditLog.Entry entry) {
            return Long.toString(entry.id());
        }

        @Override
        public AuditLog.Entry getRowData(String key) {
            return null;
        }
    };

    /** Applies the filter fields; a time that is no ISO-8601 instant is refused with a message. */
    public void search() {
        try {
            filter = new AuditLog.Filter(instant(from), instant(to), actor, action, target);
        } catch (DateTimeParseException e) {
            FacesContext.getCurrentInstance()
                    .addMessage(
                            null,
                            new FacesMessage(
                                    FacesMessage.SEVERITY_ERROR,
                                    "From and to are times such as 2026-12-01T00:00:00Z.",
                                    null));
        }
    }

    /** The CSV export's URL for the filter in force. */
    public String getCsvUrl() {
        StringBuilder url = new StringBuilder(
                FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/admin/audit.csv?");
        append(url, "from", filter.from() == null ? null : filter.from().toString());
        append(url, "to", filter.to() == null ? null : filter.to().toString());
        append(url, "actor", filter.actor());
        append(url, "action", filter.action());
        append(url, "target", filter.target());
        return url.toString();
    }

    private static void append(StringBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.append(name)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                    .append('&');
        }
    }

    static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text.strip());
    }

    public LazyDataModel<AuditLog.Entry> getEvents() {
        return events;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }
}
