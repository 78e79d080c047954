package org.tickerdesk.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.tickerdesk.platform.control.ApiAccess;
import org.tickerdesk.platform.control.LoginThrottle;
import org.tickerdesk.platform.entity.BearerToken;
import org.tickerdesk.platform.entity.WebOrigin;

/**
 * How callers prove who they are. Programs present {@code Authorization: Bearer <token>} on every
 * call, and nothing of it is remembered: no session is created for it. People log in on the login
 * page, which hands their credential here through {@code SecurityContext.authenticate}, and stay
 * logged in for the session, which serves the pages and reads, but never a REST write: a cookie is
 * sent by the browser to any request, also one another site provokes. For the same reason a
 * WebSocket handshake counts as the session's only from the server's own pages: a browser lets any
 * site open a WebSocket anywhere with the user's cookies, and only the {@code Origin} it names
 * tells them apart. One mechanism serves both because Jakarta Security 3 allows one per
 * application. What a caller may then do is {@link ApiAccessFilter}'s decision.
 */
@ApplicationScoped
public class TickerdeskAuthentication implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";

    @Inject IdentityStoreHandler identityStores;

    @Inject LoginThrottle throttle;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<String> token = bearerToken(request);
        if (token.isPresent()) {
            CredentialValidationResult result =
                    identityStores.validate(new BearerToken(token.get()));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return refuse(response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return login(password, request.getRemoteAddr(), context);
        }
        Principal loggedIn = request.getUserPrincipal();
        if (loggedIn != null && servesSession(request)) {
            if (isWebSocketHandshake(request) && !fromOwnOrigin(request)) {
                return refuseForeignOrigin(request, response, context);
            }
            return continueSession(loggedIn, context);
        }
        if (context.isProtected()) {
            return redirectToLogin(request, context);
        }
        return context.doNothing();
    }

    /** The token of {@code Authorization: Bearer <token>}, if the request carries one. */
    static Optional<String> bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.empty();
    }

    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    }

    /** A session serves pages, and reads everywhere; REST writes need the token itself. */
    private static boolean servesSession(HttpServletRequest request) {
        return !ApiAccess.isApi(path(request)) || ApiAccess.isSafe(request.getMethod());
    }

    private static boolean isWebSocketHandshake(HttpServletRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    /**
     * Same scheme, host and port as the request was addressed to; the scheme is the one the client
     * used also behind a TLS proxy, as the HTTP listener reads it from {@code X-Forwarded-Proto}.
     */
    private static boolean fromOwnOrigin(HttpServletRequest request) {
        Optional<WebOrigin> origin = WebOrigin.ofHeader(request.getHeader("Origin"));
        return origin.isPresent()
                && origin.equals(
                        WebOrigin.ofRequest(request.getScheme(), request.getHeader("Host")));
    }

    private static AuthenticationStatus refuseForeignOrigin(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            AccessProblem.forbidden(
                    response,
                    "A WebSocket signed in with the session cookie opens only from this server's"
                            + " own pages, not from Origin "
                            + Optional.ofNullable(request.getHeader("Origin")).orElse("(none)")
                            + "; a program connects with Authorization: Bearer <token>");
            return AuthenticationStatus.SEND_FAILURE;
        } catch (IOException e) {
            return context.responseUnauthorized();
        }
    }

    /**
     * The container remembers a login in the session once asked to ({@code setRegisterSession}),
     * but it counts for a request only when the mechanism says so, which this does.
     */
    private static AuthenticationStatus continueSession(
            Principal loggedIn, HttpMessageContext context) {
        try {
            context.getHandler()
                    .handle(
                            new Callback[] {
                                new CallerPrincipalCallback(context.getClientSubject(), loggedIn)
                            });
            return AuthenticationStatus.SUCCESS;
        } catch (IOException | UnsupportedCallbackException e) {
            return context.doNothing();
        }
    }

    private AuthenticationStatus login(
            UsernamePasswordCredential credential, String address, HttpMessageContext context) {
        String user = credential.getCaller();
        if (!throttle.waitFor(user, address).isZero()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(user, address);
            return AuthenticationStatus.SEND_FAILURE;
        }
        throttle.succeeded(user, address);
        AuthenticationStatus status = context.notifyContainerAboutLogin(result);
        context.setRegisterSession(result.getCallerPrincipal().getName(), result.getCallerGroups());
        return status;
    }

    private static AuthenticationStatus redirectToLogin(
            HttpServletRequest request, HttpMessageContext context) {
        String target = request.getRequestURI().substring(request.getContextPath().length());
        return context.redirect(
                request.getContextPath()
                        + LOGIN_PAGE
                        + "?next="
                        + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    private static AuthenticationStatus refuse(
            HttpServletResponse response, HttpMessageContext context) {
        try {
            AccessProblem.unauthorized(response, "The bearer token is not valid", "invalid_token");
            return AuthenticationStatus.SEND_FAILURE;
        } catch (IOException e) {
            return context.responseUnauthorized();
        }
    }
}
