package org.tickerdesk.instruments.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Locale;
import org.tickerdesk.instruments.entity.ContractMatch;
import org.tickerdesk.platform.control.ProblemException;

/**
 * A lookup at the broker that gave no single contract to store; its message is for the user. Each
 * way of failing has its own status and code, so a program can tell "no such instrument" from "try
 * again later"; an ambiguous lookup lists the candidates under {@code matches}. It rolls the
 * catalog's transaction back, so a failed lookup leaves nothing behind.
 */
public class LookupFailedException extends ProblemException {

    /** Json's own factory methods look the provider up (a ServiceLoader search) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Why, so each way of failing can get its own answer (HTTP status, page message). */
    public enum Reason {
        /** No broker is configured to look anything up. */
        NOT_USED(409, "lookup_not_available", "Lookup not available"),
        /** The broker's connection is down. */
        NOT_CONNECTED(503, "broker_not_connected", "Broker not connected"),
        /** The broker did not answer in time. */
        TIMED_OUT(504, "broker_timeout", "Broker timeout"),
        /** The broker knows no contract of that description. */
        NO_SUCH_INSTRUMENT(404, "no_such_instrument", "No such instrument"),
        /** Several contracts fit; the query must say which. */
        AMBIGUOUS(422, "ambiguous_instrument", "Ambiguous instrument"),
        /** The broker refused the request, or answered with a contract Tickerdesk cannot hold. */
        REFUSED(502, "broker_refused", "Refused by the broker");

        private final int status;
        private final String code;
        private final String title;

        Reason(int status, String code, String title) {
            this.status = status;
            this.code = code;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;
    private final transient List<ContractMatch> matches;

    public LookupFailedException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public LookupFailedException(Reason reason, String message, List<ContractMatch> matches) {
        super(reason.status, reason.code, reason.title, message);
        this.reason = reason;
        this.matches = List.copyOf(matches);
    }

    public Reason reason() {
        return reason;
    }

    /** The candidates of an {@code AMBIGUOUS} lookup; empty otherwise. */
    public List<ContractMatch> matches() {
        return matches == null ? List.of() : matches;
    }

    @Override
    protected void extend(JsonObjectBuilder json) {
        if (!matches().isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            matches().forEach(m -> list.add(match(m)));
            json.add("matches", list);
        }
    }

    private static JsonObjectBuilder match(ContractMatch m) {
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("symbol", m.contract().symbol())
                        .add("kind", m.contract().kind().name().toLowerCase(Locale.ROOT))
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
