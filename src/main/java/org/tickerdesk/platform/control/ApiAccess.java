package org.tickerdesk.platform.control;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may call what outside the admin pages. REST writes need an admin's bearer token, never a
 * session cookie (so no other site can make a logged-in browser write); private data needs a token
 * or the admin's login to read; market data is public unless {@code
 * tickerdesk.api.read-requires-token}; metrics need a caller. A signed webhook is let through to
 * its resource, which checks the signature.
 */
public final class ApiAccess {

    /**
     * The REST resources whose data is private: reading them needs credentials. Matched as the
     * first path segment after {@code /api/} (and a version such as {@code v1/}).
     */
    public static final Set<String> PRIVATE_RESOURCES =
            Set.of(
                    "orders",
                    "fills",
                    "positions",
                    "exit-defaults",
                    "traders",
                    "notifications",
                    "jobs",
                    "resolutions",
                    "tasks",
                    "cluster");

    /**
     * Webhooks that a third party calls, each proving itself by signing its body with a secret the
     * resource checks: a followed trader's trades ({@code POST /api/v1/traders/<id>/trades}). Only
     * POST; every other method and every neighbouring path needs a token as usual.
     */
    private static final Pattern SIGNED_WEBHOOKS = Pattern.compile("/api/v1/traders/[^/]+/trades");

    /** Operations endpoints that tell more than a stranger should know. */
    private static final List<String> PRIVATE_OPERATIONS = List.of("/metrics");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Who the request comes from, as far as access is concerned. */
    public enum Caller {
        ANONYMOUS,
        VIEWER,
        ADMIN
    }

    public enum Verdict {
        ALLOW,
        /** 401: credentials are missing (or are a cookie where a token is needed). */
        UNAUTHORIZED,
        /** 403: the caller is known but may not do this. */
        FORBIDDEN
    }

    private ApiAccess() {}

    /**
     * @param path the request's path inside the application, as the container normalised it
     * @param byToken whether the caller proved itself with a bearer token on this very request
     */
    public static Verdict decide(
            String method, String path, Caller caller, boolean byToken, boolean readRequiresToken) {
        if (isPrivateOperation(path)) {
            return caller == Caller.ANONYMOUS ? Verdict.UNAUTHORIZED : Verdict.ALLOW;
        }
        if (!isApi(path)) {
            return Verdict.ALLOW;
        }
        if (method.equals("POST") && SIGNED_WEBHOOKS.matcher(path).matches()) {
            return Verdict.ALLOW;
        }
        if (!isSafe(method)) {
            if (caller == Caller.ANONYMOUS || !byToken) {
                return Verdict.UNAUTHORIZED;
            }
            return caller == Caller.ADMIN ? Verdict.ALLOW : Verdict.FORBIDDEN;
        }
        if (PRIVATE_RESOURCES.contains(resource(path)) || readRequiresToken) {
            return caller == Caller.ANONYMOUS ? Verdict.UNAUTHORIZED : Verdict.ALLOW;
        }
        return Verdict.ALLOW;
    }

    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    public static boolean isSafe(String method) {
        return SAFE_METHODS.contains(method);
    }

    private static boolean isPrivateOperation(String path) {
        return PRIVATE_OPERATIONS.stream()
                .anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    /**
     * The resource an API path names: {@code /api/v1/orders/x} and {@code /api/orders} → orders.
     */
    static String resource(String path) {
        List<String> segments =
                Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).skip(1).toList();
        if (segments.isEmpty()) {
            return "";
        }
        boolean versioned = segments.get(0).matches("v\\d+");
        return versioned ? (segments.size() > 1 ? segments.get(1) : "") : segments.get(0);
    }
}
