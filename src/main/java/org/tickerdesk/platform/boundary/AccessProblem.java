package org.tickerdesk.platform.boundary;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.tickerdesk.platform.control.ProblemException;

/**
 * A refused request's answer, written before any REST resource is reached: RFC 9457 {@code
 * application/problem+json} in the one shape every API error has ({@link ProblemException}).
 */
final class AccessProblem {

    static final String REALM = "Bearer realm=\"tickerdesk\"";

    private AccessProblem() {}

    /** 401: asks for a bearer token; {@code tokenError} names what was wrong with a given one. */
    static void unauthorized(HttpServletResponse response, String detail, String tokenError)
            throws IOException {
        response.setHeader(
                "WWW-Authenticate",
                tokenError == null ? REALM : REALM + ", error=\"" + tokenError + "\"");
        send(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "unauthorized", detail);
    }

    static void forbidden(HttpServletResponse response, String detail) throws IOException {
        send(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "forbidden", detail);
    }

    private static void send(
            HttpServletResponse response, int status, String title, String code, String detail)
            throws IOException {
        byte[] body =
                new ProblemException(status, code, title, detail)
                        .toJson()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
