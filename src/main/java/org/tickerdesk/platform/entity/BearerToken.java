package org.tickerdesk.platform.entity;

import jakarta.security.enterprise.credential.Credential;

/** The credential of a REST call: the token from {@code Authorization: Bearer <token>}. */
public record BearerToken(String value) implements Credential {

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
