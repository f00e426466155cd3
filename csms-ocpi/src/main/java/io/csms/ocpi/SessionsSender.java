package io.csms.ocpi;

import io.csms.roaming.sessions.RoamingSessions;
import io.csms.roaming.sessions.SessionData;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET .../sessions}, the Sessions Sender interface of every version: the caller's own
 * drivers' sessions (never another party's), paginated by {@code last_updated}, oldest change
 * first. A version's subclass names its path and {@link OcpiModule} and maps the model.
 */
public abstract class SessionsSender {

    /** Sessions per page at most. */
    static final int MAX_LIMIT = 100;

    @Inject
    RoamingSessions sessions;

    @Inject
    OcpiCaller caller;

    @Inject
    BaseUrl baseUrl;

    @Context
    UriInfo uriInfo;

    /** The version's Session object. */
    protected abstract JsonObject session(SessionData session);

    @GET
    public Response list() {
        return Paging.list(uriInfo, baseUrl, getClass(), MAX_LIMIT, (from, to, offset, limit) -> {
            RoamingSessions.Page page = sessions.page(caller.required().partnerId(), from, to, offset, limit);
            return new Paging.Listed(
                    page.sessions().stream().map(s -> (JsonValue) session(s)).toList(), page.total());
        });
    }

    /** The caller's session of that id; 404 otherwise (another partner's is as unknown as none). */
    protected SessionData own(String id) {
        int transactionId;
        try {
            transactionId = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw unknown();
        }
        return sessions.find(transactionId)
                .filter(s -> s.partnerId() == caller.required().partnerId())
                .orElseThrow(SessionsSender::unknown);
    }

    private static OcpiException unknown() {
        return new OcpiException(404, OcpiStatus.CLIENT_ERROR, "Unknown session");
    }
}
