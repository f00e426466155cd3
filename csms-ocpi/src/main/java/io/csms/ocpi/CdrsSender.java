package io.csms.ocpi;

import io.csms.roaming.cdrs.CdrData;
import io.csms.roaming.cdrs.Cdrs;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET .../cdrs}, the CDRs Sender interface of every version: the caller's own drivers' CDRs
 * (never another party's, never one held for an operator), paginated by {@code last_updated}, oldest
 * first. A version's subclass names its path and {@link OcpiModule} and maps the model.
 */
public abstract class CdrsSender {

    /** CDRs per page at most. */
    static final int MAX_LIMIT = 100;

    @Inject
    protected Cdrs cdrs;

    @Inject
    OcpiCaller caller;

    @Inject
    BaseUrl baseUrl;

    @Context
    UriInfo uriInfo;

    /** The version's CDR object. */
    protected abstract JsonObject cdr(CdrData cdr);

    @GET
    public Response list() {
        return Paging.list(uriInfo, baseUrl, getClass(), MAX_LIMIT, (from, to, offset, limit) -> {
            Cdrs.Page page = cdrs.page(caller.required().partnerId(), from, to, offset, limit);
            return new Paging.Listed(
                    page.cdrs().stream().map(c -> (JsonValue) cdr(c)).toList(), page.total());
        });
    }
}
