package org.tickerdesk.platform.control;

import jakarta.ejb.ApplicationException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.tickerdesk.platform.entity.FieldError;

/**
 * A request that cannot be served, as the API answers it (RFC 9457 problem details): the HTTP
 * status, a stable {@code code} a program can switch on, a {@code title} that is the same for every
 * occurrence of the code, a {@code detail} for this occurrence, and for a validation error every
 * field at fault. Each component's failures extend it, so one mapper answers them all and the
 * admin's forms can put each message beside its field. It is an application exception: it rolls the
 * transaction back and is never logged as a failure of the server, because it is the caller's to
 * fix or the world's state, not a bug.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    /** Json's own factory methods look the provider up (a ServiceLoader search) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * Where problem types are named; a URN, because nothing needs to be fetched to understand it.
     */
    public static final String TYPE_PREFIX = "urn:tickerdesk:problem:";

    private final int status;
    private final String code;
    private final String title;
    private final transient List<FieldError> errors;

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    /**
     * A validation problem: the detail says every field's message at once, so a caller reading only
     * the detail still learns everything.
     */
    public ProblemException(int status, String code, String title, List<FieldError> errors) {
        this(status, code, title, joined(errors), errors);
    }

    public ProblemException(
            int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A problem has a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.title = Objects.requireNonNull(title, "title");
        this.errors = List.copyOf(errors);
    }

    /** The body is not JSON, or not the JSON this API reads (the shape, not the field values). */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad_request", "Bad request", detail);
    }

    public static ProblemException payloadTooLarge(long limit) {
        return new ProblemException(
                413,
                "payload_too_large",
                "Payload too large",
                "The body is larger than " + limit + " bytes");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Every field at fault; empty unless this is a validation problem. */
    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }

    /** The message for one field, or null when that field is fine. */
    public String errorFor(String field) {
        return errors().stream()
                .filter(e -> e.field().equals(field))
                .map(FieldError::message)
                .findFirst()
                .orElse(null);
    }

    /** The problem as {@code application/problem+json}. */
    public final JsonObject toJson() {
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("type", TYPE_PREFIX + code)
                        .add("title", title)
                        .add("status", status)
                        .add("detail", detail() == null ? title : detail())
                        .add("code", code);
        if (!errors().isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            errors().forEach(
                            e ->
                                    list.add(
                                            JSON.createObjectBuilder()
                                                    .add("field", e.field())
                                                    .add("message", e.message())));
            json.add("errors", list);
        }
        extend(json);
        return json.build();
    }

    /** Adds what only this kind of problem says (the candidates of an ambiguous lookup, ...). */
    protected void extend(JsonObjectBuilder json) {}

    private static String joined(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("A validation problem names at least one field");
        }
        return errors.stream().map(FieldError::message).collect(Collectors.joining("; "));
    }
}
