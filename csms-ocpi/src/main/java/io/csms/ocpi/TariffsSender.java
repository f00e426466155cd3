package io.csms.ocpi;

import io.csms.tariff.TariffData;
import io.csms.tariff.Tariffs;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET .../tariffs}, the Tariffs Sender interface of every version: the tariffs in force,
 * paginated by {@code last_updated}, the same for every partner (and for anonymous callers when the
 * operator opened the open data). A version's subclass names its path and {@link OcpiModule} and maps
 * the model (OCPI 2.2.1 fields) to its objects.
 */
public abstract class TariffsSender {

    static final int MAX_LIMIT = 100;

    @Inject
    Tariffs tariffs;

    @Inject
    BaseUrl baseUrl;

    @Context
    UriInfo uriInfo;

    /** The version's Tariff object. */
    protected abstract JsonObject tariff(TariffData tariff);

    @GET
    public Response list() {
        return Paging.list(uriInfo, baseUrl, getClass(), MAX_LIMIT, (from, to, offset, limit) -> {
            Tariffs.Page page = tariffs.page(from, to, offset, limit);
            return new Paging.Listed(
                    page.tariffs().stream().map(t -> (JsonValue) tariff(t)).toList(), page.total());
        });
    }
}
