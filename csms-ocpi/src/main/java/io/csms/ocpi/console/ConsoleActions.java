package io.csms.ocpi.console;

import io.csms.platform.Refusal;
import io.csms.platform.TrustedProxies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What every console page does around a change: who acts (the logged-in account's id, as the audit
 * trail names it), from which address, and the message the page shows afterwards. A refusal of the
 * services becomes an error message on the page, never a stack trace.
 */
@RequestScoped
public class ConsoleActions {

    @Inject
    ConsoleSession session;

    @Inject
    TrustedProxies proxies;

    /** The acting account's id, as the audit trail records it. */
    public String actor() {
        return Long.toString(session.getOperator().accountId());
    }

    /** The acting operator's address (behind a trusted proxy: the one it forwarded). */
    public String address() {
        return proxies.clientAddress(request());
    }

    /**
     * Scheme, host and port the operator reached the console at (HTTPS when a trusted proxy says so):
     * where chargers fetch files when {@code csms.files.base-url} is not set (a test bench; production
     * requires the setting).
     */
    public String requestBase() {
        HttpServletRequest request = request();
        String scheme = proxies.secure(request) ? "https" : "http";
        int port = request.getServerPort();
        boolean usual = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName() + (usual ? "" : ":" + port);
    }

    /** Runs a change and says it was done, or shows why it was refused. */
    public boolean act(Runnable action, String done) {
        try {
            action.run();
            info(done);
            return true;
        } catch (Refusal | IllegalArgumentException e) {
            error(e.getMessage());
            return false;
        }
    }

    public static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    private static final jakarta.json.JsonWriterFactory PRETTY = io.csms.platform.Jsonp.JSON.createWriterFactory(
            java.util.Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true));

    /** JSON laid out for people to read and edit. */
    public static String pretty(jakarta.json.JsonStructure json) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (var writer = PRETTY.createWriter(out)) {
            writer.write(json);
        }
        return out.toString().strip();
    }

    /** JSON text laid out for people to read and edit. */
    public static String pretty(String json) {
        try (var reader = io.csms.platform.Jsonp.JSON.createReader(new java.io.StringReader(json))) {
            return pretty(reader.read());
        }
    }

    /** A form's text as a value: blank is none. */
    public static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
