package org.tickerdesk.streaming.entity;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.tickerdesk.instruments.entity.Contract;

/**
 * A well-formed stream name such as {@code quotes:AAPL}, {@code quotes:*}, {@code candles:AAPL:1m}
 * or {@code jobs}. Well-formed says nothing of whether the server offers that stream or knows that
 * symbol.
 *
 * @param text the name as written, which is also how the client refers to it later
 * @param symbol the symbol, {@value #EVERY_SYMBOL} for every symbol, or {@code null} for a private
 *     stream
 * @param qualifiers what follows the symbol: the interval, or an indicator's name and interval
 */
public record StreamName(String text, StreamKind kind, String symbol, List<String> qualifiers) {

    public static final String EVERY_SYMBOL = "*";
    static final int MAX_LENGTH = 128;
    private static final Pattern QUALIFIER = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    public StreamName {
        qualifiers = List.copyOf(qualifiers);
    }

    /** The name of one symbol's quote stream: {@code quotes:AAPL}. */
    public static String quotes(String symbol) {
        return of(StreamKind.QUOTES, symbol);
    }

    /** The name of a stream of a kind with a symbol: {@code trades:AAPL}, {@code news:*}. */
    public static String of(StreamKind kind, String symbol) {
        return kind.wire() + ":" + symbol;
    }

    public boolean everySymbol() {
        return EVERY_SYMBOL.equals(symbol);
    }

    /**
     * Reads a stream name.
     *
     * @throws ProtocolViolationException {@code unknown_stream} for a kind the protocol does not
     *     name, {@code bad_request} for a name that is not written as its kind requires
     */
    public static StreamName parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new ProtocolViolationException(
                    ErrorCode.BAD_REQUEST,
                    "A stream name has at most " + MAX_LENGTH + " characters");
        }
        String[] parts = text.split(":", -1);
        StreamKind kind =
                StreamKind.fromWire(parts[0])
                        .orElseThrow(
                                () ->
                                        new ProtocolViolationException(
                                                ErrorCode.UNKNOWN_STREAM,
                                                "'"
                                                        + text
                                                        + "' is not a stream: the kinds are "
                                                        + StreamKind.NAMES));
        if (parts.length != 1 + kind.parameterCount()) {
            throw malformed(text, kind);
        }
        if (kind.isPrivate()) {
            return new StreamName(text, kind, null, List.of());
        }
        String symbol = parts[1];
        if (!symbol.equals(EVERY_SYMBOL) && !Contract.SYMBOL.matcher(symbol).matches()) {
            throw new ProtocolViolationException(
                    ErrorCode.BAD_REQUEST,
                    "'"
                            + symbol
                            + "' in '"
                            + text
                            + "' is not a symbol:"
                            + " use upper-case letters and digits (e.g. AAPL, BRK.B) or "
                            + EVERY_SYMBOL
                            + " for every symbol");
        }
        List<String> qualifiers = Arrays.asList(parts).subList(2, parts.length);
        if (!qualifiers.stream().allMatch(q -> QUALIFIER.matcher(q).matches())) {
            throw malformed(text, kind);
        }
        return new StreamName(text, kind, symbol, qualifiers);
    }

    private static ProtocolViolationException malformed(String text, StreamKind kind) {
        return new ProtocolViolationException(
                ErrorCode.BAD_REQUEST, "'" + text + "' is not a stream name: write " + kind.form());
    }
}
