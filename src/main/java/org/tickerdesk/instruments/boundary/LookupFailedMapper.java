package org.tickerdesk.instruments.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.tickerdesk.instruments.control.LookupFailed;
import org.tickerdesk.instruments.entity.ContractMatch;

/**
 * A failed lookup at the broker, each way of failing with its own status and code, so a program can
 * tell "no such instrument" from "try again later": {@code {"code": ..., "message": ...}}, and for
 * an ambiguous lookup the candidates under {@code "matches"}.
 */
@Provider
public class LookupFailedMapper implements ExceptionMapper<LookupFailed> {

    @Override
    public Response toResponse(LookupFailed e) {
        JsonObjectBuilder body =
                Json.createObjectBuilder()
                        .add("code", code(e.reason()))
                        .add("message", e.getMessage());
        if (!e.matches().isEmpty()) {
            JsonArrayBuilder matches = Json.createArrayBuilder();
            e.matches().forEach(m -> matches.add(match(m)));
            body.add("matches", matches);
        }
        return Response.status(status(e.reason()))
                .type(MediaType.APPLICATION_JSON)
                .entity(body.build().toString())
                .build();
    }

    /** 422 (Unprocessable Content) has no constant in Jakarta REST 3.1, hence plain numbers. */
    static int status(LookupFailed.Reason reason) {
        return switch (reason) {
            case NOT_USED -> 409;
            case NOT_CONNECTED -> 503;
            case TIMED_OUT -> 504;
            case NO_SUCH_INSTRUMENT -> 404;
            case AMBIGUOUS -> 422;
            case REFUSED -> 502;
        };
    }

    static String code(LookupFailed.Reason reason) {
        return switch (reason) {
            case NOT_USED -> "lookup_not_available";
            case NOT_CONNECTED -> "broker_not_connected";
            case TIMED_OUT -> "broker_timeout";
            case NO_SUCH_INSTRUMENT -> "no_such_instrument";
            case AMBIGUOUS -> "ambiguous_instrument";
            case REFUSED -> "broker_refused";
        };
    }

    private static JsonObjectBuilder match(ContractMatch m) {
        JsonObjectBuilder json =
                Json.createObjectBuilder()
                        .add("symbol", m.contract().symbol())
                        .add("kind", m.contract().kind().name().toLowerCase())
                        .add("exchange", m.contract().exchange())
                        .add("currency", m.contract().currency())
                        .add("conId", m.details().conId());
        if (m.contract().expiry() != null) {
            json.add("expiry", m.contract().expiry().toString());
        }
        if (m.details().longName() != null) {
            json.add("longName", m.details().longName());
        }
        return json;
    }
}
