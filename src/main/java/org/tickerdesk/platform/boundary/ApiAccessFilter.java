package org.tickerdesk.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.platform.control.ApiAccess;
import org.tickerdesk.platform.control.ApiAccess.Caller;

/**
 * Applies {@link ApiAccess} to the REST API and the metrics once the caller is known, answering
 * refusals as problem+json; and keeps the API stateless: nothing under {@code /api/} can open a
 * session.
 */
@WebFilter(
        filterName = "api-access",
        urlPatterns = {"/api/*", "/metrics", "/metrics/*"})
public class ApiAccessFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "tickerdesk.api.read-requires-token")
    boolean readRequiresToken;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = TickerdeskAuthentication.path(request);
        boolean byToken =
                request.getUserPrincipal() != null
                        && TickerdeskAuthentication.bearerToken(request).isPresent();
        switch (ApiAccess.decide(
                request.getMethod(), path, caller(request), byToken, readRequiresToken)) {
            case ALLOW -> chain.doFilter(statelessIfApi(request, path), response);
            case UNAUTHORIZED ->
                    AccessProblem.unauthorized(
                            response,
                            ApiAccess.isSafe(request.getMethod())
                                    ? "Reading this needs Authorization: Bearer <token>"
                                    : "Changes need Authorization: Bearer <token> (a login"
                                            + " cookie is not enough)",
                            null);
            case FORBIDDEN -> AccessProblem.forbidden(response, "This needs an admin token");
        }
    }

    private static Caller caller(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return Caller.ANONYMOUS;
        }
        return request.isUserInRole("admin") ? Caller.ADMIN : Caller.VIEWER;
    }

    private static HttpServletRequest statelessIfApi(HttpServletRequest request, String path) {
        return ApiAccess.isApi(path) ? new Stateless(request) : request;
    }

    /** Hands out an existing session (an admin reading) but never creates one. */
    private static final class Stateless extends HttpServletRequestWrapper {

        Stateless(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(false);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return super.getSession(false);
        }
    }
}
