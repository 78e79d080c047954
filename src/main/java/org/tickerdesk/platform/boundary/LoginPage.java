package org.tickerdesk.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.tickerdesk.platform.control.LoginThrottle;

/**
 * The login page: hands the typed credential to the authentication mechanism and says plainly why a
 * login failed (wrong password, or too many attempts).
 */
@Named
@RequestScoped
public class LoginPage {

    @Inject SecurityContext security;

    @Inject LoginThrottle throttle;

    @Inject FacesContext faces;

    private String username;
    private String password;
    private String next;

    public String login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Duration wait = throttle.waitFor(username, request.getRemoteAddr());
        if (!wait.isZero()) {
            tooMany(wait);
            return null;
        }
        AuthenticationStatus status =
                security.authenticate(
                        request,
                        (HttpServletResponse) external.getResponse(),
                        AuthenticationParameters.withParams()
                                .newAuthentication(true)
                                .credential(
                                        new UsernamePasswordCredential(
                                                username, new Password(password))));
        password = null;
        switch (status) {
            case SUCCESS -> {
                // a session id seen before the login must not be the logged-in one
                if (request.getSession(false) != null) {
                    request.changeSessionId();
                }
                external.redirect(request.getContextPath() + safeNext());
            }
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                Duration locked = throttle.waitFor(username, request.getRemoteAddr());
                if (locked.isZero()) {
                    faces.addMessage(
                            null,
                            new FacesMessage(
                                    FacesMessage.SEVERITY_ERROR,
                                    "Wrong user name or password",
                                    null));
                } else {
                    tooMany(locked);
                }
            }
        }
        return null;
    }

    public String logout() throws ServletException, IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        external.redirect(request.getContextPath() + "/login.xhtml");
        return null;
    }

    private void tooMany(Duration wait) {
        faces.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_ERROR,
                        "Too many failed logins; try again in "
                                + Math.max(1, wait.toSeconds())
                                + " s",
                        null));
    }

    /**
     * Only a path inside this application, so the login page cannot be used to send people
     * elsewhere.
     */
    private String safeNext() {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "/admin/";
        }
        return next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
