package io.csms.web.api;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** RFC 9457 problem details, the error body of every API response. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://csms.io/problems/";

    /** The body: {@code type} is stable per kind of error, {@code detail} is for humans. */
    public record Problem(URI type, String title, int status, String detail) {}

    private Problems() {}

    public static Response.ResponseBuilder response(Response.Status status, String type, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(URI.create(TYPE_BASE + type), status.getReasonPhrase(), status.getStatusCode(), detail));
    }
}
