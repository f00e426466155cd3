package io.csms.web.api;

import io.csms.platform.Jsonp;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body of the errors the server answers itself, before the API's own mappers can: a bearer
 * token MP-JWT refuses (401 from the authentication mechanism), a URL the container cannot parse, an
 * exception in a filter. Mapped as the WAR's error page (web.xml), so that these too are {@code
 * application/problem+json} like every API error, with no server page or stack trace.
 */
@WebServlet(urlPatterns = ContainerErrors.PATH)
public class ContainerErrors extends HttpServlet {

    static final String PATH = "/problem";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // not an error dispatch: nothing here
            return;
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String type = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "too-large";
            case 429 -> "too-many-requests";
            default -> status >= 500 ? "internal-error" : "error";
        };
        String detail = switch (status) {
            case 401 -> "A valid access token is required";
            case 500 -> "Something went wrong on our side";
            default -> title;
        };
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(Jsonp.JSON
                        .createObjectBuilder()
                        .add("type", Problems.type(type).toString())
                        .add("title", title)
                        .add("status", status)
                        .add("detail", detail)
                        .build()
                        .toString());
    }
}
