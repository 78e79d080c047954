package org.tickerdesk.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The headers that keep a browser from being turned against the admin: what the page may load and
 * who may frame it (Content-Security-Policy), no guessing of content types, no referrer leaving the
 * site, and nothing of a page kept in a cache. Set on every answer; the stylesheets and scripts the
 * pages load (Faces resources, webjars) stay cacheable.
 */
@WebFilter(filterName = "security-headers", urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    /**
     * PrimeFaces renders inline scripts (each widget's initialisation) and inline event handlers,
     * and evaluates scripts that Ajax updates bring: without 'unsafe-inline' and 'unsafe-eval' the
     * admin does not work. Everything else is held to this origin; the dashboard's WebSocket
     * connects back to it (named explicitly, as older browsers do not count ws: as 'self').
     */
    static String contentSecurityPolicy(String host) {
        String sockets = host == null ? "" : " ws://" + host + " wss://" + host;
        return "default-src 'self'; "
                + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'"
                + sockets
                + "; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy(host(request)));
        if (!isStaticResource(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /**
     * The pages' stylesheets and scripts: Faces resources, and the libraries served from webjars,
     * whose addresses name their version, so a cached copy is never stale.
     */
    private static boolean isStaticResource(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context + "/jakarta.faces.resource/")
                || uri.startsWith(context + "/webjars/");
    }

    /** The Host header only when it is a plain host name or address, never a piece of policy. */
    private static String host(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host != null && HOST.matcher(host).matches() ? host : null;
    }
}
