package org.tickerdesk.ibkr.wire.messages;

import java.util.List;
import java.util.Locale;

/**
 * The IB error and status codes Tickerdesk reacts to, each with its category, severity, what to do
 * about it and a sentence a trader understands. Codes not listed here keep IB's own text.
 */
public enum IbError {
    HISTORICAL_PACING_VIOLATION(
            162,
            Category.HISTORICAL_PACING,
            Severity.ERROR,
            Reaction.RETRY_LATER,
            "Historical data pacing violation: IB refused the request; it will be retried after a"
                    + " pause"),
    HISTORICAL_QUERY_FAILED(
            162,
            Category.HISTORICAL_DATA,
            Severity.ERROR,
            Reaction.FAIL_REQUEST,
            "The historical data service returned an error for this request"),
    NO_SECURITY_DEFINITION(
            200,
            Category.NO_SECURITY_DEFINITION,
            Severity.ERROR,
            Reaction.FAIL_REQUEST,
            "No such instrument at IBKR: no security definition matches the request"),
    CLIENT_ID_IN_USE(
            326,
            Category.CLIENT_ID_IN_USE,
            Severity.FATAL,
            Reaction.CHANGE_CLIENT_ID,
            "The client id is already in use at TWS/IB Gateway: configure another one"),
    MARKET_DATA_NOT_SUBSCRIBED(
            354,
            Category.NO_MARKET_DATA_PERMISSION,
            Severity.ERROR,
            Reaction.FAIL_REQUEST,
            "No market data permission for this instrument (not subscribed at IBKR)"),
    CANNOT_CONNECT(
            502,
            Category.CONNECTIVITY,
            Severity.FATAL,
            Reaction.RECONNECT,
            "Cannot connect to TWS/IB Gateway: is it running with the API enabled on this port?"),
    NOT_CONNECTED(
            504,
            Category.CONNECTIVITY,
            Severity.ERROR,
            Reaction.RECONNECT,
            "Not connected to TWS/IB Gateway"),
    CONNECTIVITY_LOST(
            1100,
            Category.CONNECTIVITY,
            Severity.WARNING,
            Reaction.WAIT_FOR_RESTORE,
            "TWS lost its connection to IB's servers; data stops until it is restored"),
    RESTORED_DATA_LOST(
            1101,
            Category.CONNECTIVITY,
            Severity.WARNING,
            Reaction.RESUBSCRIBE_ALL,
            "Connection to IB restored, but market data subscriptions were lost and must be"
                    + " requested again"),
    RESTORED_DATA_KEPT(
            1102,
            Category.CONNECTIVITY,
            Severity.INFO,
            Reaction.NONE,
            "Connection to IB restored; market data subscriptions were kept"),
    MARKET_DATA_FARM_BROKEN(
            2103,
            Category.DATA_FARM,
            Severity.WARNING,
            Reaction.NONE,
            "A market data farm connection is broken"),
    MARKET_DATA_FARM_OK(
            2104,
            Category.DATA_FARM,
            Severity.INFO,
            Reaction.NONE,
            "Market data farm connection is OK"),
    HISTORICAL_DATA_FARM_BROKEN(
            2105,
            Category.DATA_FARM,
            Severity.WARNING,
            Reaction.NONE,
            "A historical data farm connection is broken"),
    HISTORICAL_DATA_FARM_OK(
            2106,
            Category.DATA_FARM,
            Severity.INFO,
            Reaction.NONE,
            "Historical data farm connection is OK"),
    HISTORICAL_DATA_FARM_INACTIVE(
            2107,
            Category.DATA_FARM,
            Severity.INFO,
            Reaction.NONE,
            "Historical data farm connection is inactive but available on demand"),
    MARKET_DATA_FARM_INACTIVE(
            2108,
            Category.DATA_FARM,
            Severity.INFO,
            Reaction.NONE,
            "Market data farm connection is inactive but available on demand"),
    SECDEF_DATA_FARM_BROKEN(
            2157,
            Category.DATA_FARM,
            Severity.WARNING,
            Reaction.NONE,
            "The security definition data farm connection is broken"),
    SECDEF_DATA_FARM_OK(
            2158,
            Category.DATA_FARM,
            Severity.INFO,
            Reaction.NONE,
            "Security definition data farm connection is OK"),
    DELAYED_DATA_DISPLAYED(
            10167,
            Category.DELAYED_DATA,
            Severity.WARNING,
            Reaction.NONE,
            "No live market data subscription: delayed data is shown instead"),
    DELAYED_DATA_NOT_ENABLED(
            10168,
            Category.NO_MARKET_DATA_PERMISSION,
            Severity.ERROR,
            Reaction.FAIL_REQUEST,
            "No live market data subscription, and delayed market data is not enabled");

    /** Fragments of 162 texts that answer the request for good (see {@link #of}). */
    private static final List<String> HISTORICAL_ANSWERS =
            List.of(
                    "no data",
                    "cancel",
                    "permission",
                    "not subscribed",
                    "rejected",
                    "exceed",
                    "invalid",
                    "not valid",
                    "not supported",
                    "must occur",
                    "different ip");

    /** What an error is about. */
    public enum Category {
        CONNECTIVITY,
        CLIENT_ID_IN_USE,
        DATA_FARM,
        NO_SECURITY_DEFINITION,
        NO_MARKET_DATA_PERMISSION,
        DELAYED_DATA,
        HISTORICAL_PACING,
        HISTORICAL_DATA,
        OTHER
    }

    /**
     * How bad it is: INFO is a status report, FATAL means the connection cannot work as configured.
     */
    public enum Severity {
        INFO,
        WARNING,
        ERROR,
        FATAL
    }

    /** What the client should do about it. */
    public enum Reaction {
        NONE,
        WAIT_FOR_RESTORE,
        RESUBSCRIBE_ALL,
        RETRY_LATER,
        FAIL_REQUEST,
        RECONNECT,
        CHANGE_CLIENT_ID
    }

    private final int code;
    private final Category category;
    private final Severity severity;
    private final Reaction reaction;
    private final String meaning;

    IbError(int code, Category category, Severity severity, Reaction reaction, String meaning) {
        this.code = code;
        this.category = category;
        this.severity = severity;
        this.reaction = reaction;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public Category category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    public Reaction reaction() {
        return reaction;
    }

    public String meaning() {
        return meaning;
    }

    /**
     * The known error for a code, or null. Code 162 covers all historical-service errors. A text
     * naming pacing is a pacing violation, and so is a text we do not recognise, since the issue
     * wants a 162 retried rather than a job failed. "No data", "cancelled" and the refusals that no
     * retry can cure (no permission, a request IB rejects as too long or invalid, a session at
     * another address) are ordinary failures: taken for pacing, each would pause the gate for every
     * instrument, longer each time, and still fail.
     */
    public static IbError of(int code, String text) {
        if (code == 162) {
            String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
            boolean answered = HISTORICAL_ANSWERS.stream().anyMatch(lower::contains);
            boolean pacing = lower.contains("pacing") || !answered;
            return pacing ? HISTORICAL_PACING_VIOLATION : HISTORICAL_QUERY_FAILED;
        }
        for (IbError error : values()) {
            if (error.code == code) {
                return error;
            }
        }
        return null;
    }
}
