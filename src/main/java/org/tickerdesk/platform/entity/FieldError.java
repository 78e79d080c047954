package org.tickerdesk.platform.entity;

import java.util.Objects;

/**
 * What is wrong with one field of a request, as the API's validation errors and the admin's forms
 * show it: the field by the name the caller used ({@code tickSize}, not {@code tick_size}), and a
 * sentence saying what to send instead.
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
