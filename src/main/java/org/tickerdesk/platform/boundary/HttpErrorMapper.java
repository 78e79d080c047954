package org.tickerdesk.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.platform.control.ProblemException;

/**
 * What Jakarta REST itself refuses (no such path, a method or media type the resource does not
 * take, ...) as a problem document rather than the server's HTML page. A 5xx here is a failure of
 * the server and is logged once; a 4xx is the caller's and is not.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(HttpErrorMapper.class.getName());

    @Context UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "Answered " + status + " to " + path(), e);
        }
        Response.ResponseBuilder answer =
                Response.fromResponse(
                        Problems.response(
                                new ProblemException(
                                        status,
                                        code(status),
                                        title(status),
                                        detail(status, original))));
        Set<String> allowed = original.getAllowedMethods();
        if (!allowed.isEmpty()) {
            answer.allow(allowed);
        }
        original.getHeaders().entrySet().stream()
                .filter(
                        h ->
                                h.getKey().equalsIgnoreCase("WWW-Authenticate")
                                        || h.getKey().equalsIgnoreCase("Retry-After"))
                .forEach(h -> h.getValue().forEach(v -> answer.header(h.getKey(), v)));
        return answer.build();
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }

    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    private String detail(int status, Response original) {
        return switch (status) {
            case 404 -> "Nothing is at " + path() + "; the API is under /api/v1 (see /openapi)";
            case 405 ->
                    "This path does not take that method; it takes "
                            + String.join(", ", new TreeSet<>(original.getAllowedMethods()));
            case 406 -> "This path answers in application/json only";
            case 415 -> "Send the body as application/json";
            default -> title(status);
        };
    }

    private String path() {
        return uri == null ? "this path" : uri.getRequestUri().getRawPath();
    }
}
