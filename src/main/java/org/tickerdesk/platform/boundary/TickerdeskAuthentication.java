package org.tickerdesk.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.platform.control.LoginThrottle;
import org.tickerdesk.platform.entity.BearerToken;

/**
 * How callers prove who they are. REST calls present {@code Authorization: Bearer <token>}; people
 * log in on the login page, which hands their credential here through {@code
 * SecurityContext.authenticate}, and stay logged in for the session. One mechanism serves both
 * because Jakarta Security 3 allows one per application.
 */
@ApplicationScoped
@AutoApplySession
public class TickerdeskAuthentication implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";

    @Inject IdentityStoreHandler identityStores;

    @Inject LoginThrottle throttle;

    @Inject
    @ConfigProperty(name = "tickerdesk.api.read-requires-token")
    boolean readRequiresToken;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            CredentialValidationResult result =
                    identityStores.validate(new BearerToken(authorization.substring(7).trim()));
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    ? context.notifyContainerAboutLogin(result)
                    : challenge(response, context, "invalid_token");
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return login(password, request.getRemoteAddr(), context);
        }
        boolean api = isApi(request);
        if (context.isProtected()) {
            return api ? challenge(response, context, null) : redirectToLogin(request, context);
        }
        if (api && readRequiresToken) {
            return challenge(response, context, null);
        }
        return context.doNothing();
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
        return context.notifyContainerAboutLogin(result);
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

    private static AuthenticationStatus challenge(
            HttpServletResponse response, HttpMessageContext context, String error) {
        response.setHeader(
                "WWW-Authenticate",
                error == null
                        ? "Bearer realm=\"tickerdesk\""
                        : "Bearer realm=\"tickerdesk\", error=\"" + error + "\"");
        try {
            response.setContentType("application/json");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.getWriter()
                    .write(
                            "{\"code\":\"unauthorized\",\"message\":\""
                                    + (error == null
                                            ? "This needs Authorization: Bearer <token>"
                                            : "The token is not valid")
                                    + "\"}");
        } catch (IOException e) {
            return context.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
