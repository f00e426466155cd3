package io.csms.web.api;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** RFC 9457 problem details, the error body of every API response. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Names of the error responses in the OpenAPI document's components (see {@link CsmsApi}). */
    public static final String BAD_REQUEST = "BadRequest";

    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    public static final String CHARGER_ERROR = "ChargerError";
    public static final String CHARGER_OFFLINE = "ChargerOffline";
    public static final String CHARGER_TIMEOUT = "ChargerTimeout";
    private static final String TYPE_BASE = "https://csms.io/problems/";

    /** The body: {@code type} is stable per kind of error, {@code detail} is for humans. */
    public record Problem(URI type, String title, int status, String detail) {}

    private Problems() {}

    /** The URI naming a problem type, e.g. {@code charger-offline}. */
    public static URI type(String name) {
        return URI.create(TYPE_BASE + name);
    }

    public static Response.ResponseBuilder response(Response.Status status, String type, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(type(type), status.getReasonPhrase(), status.getStatusCode(), detail));
    }
}
