package org.tickerdesk.marketdata.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.NumberedQuote;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * A numbered tick as the members of a cluster pass it to each other: a fixed layout of 84 bytes
 * plus the symbol, written and read by hand rather than serialised, so that a tick costs the data
 * grid one small array and its threads never load Tickerdesk's classes. The leader is not written:
 * the grid says which member published a message.
 *
 * <p>Layout: version (1 byte), market-data type (1), symbol length (2), symbol (UTF-8), the
 * leader's term, the tick's number in it (8 each), bid, ask, last (8 each, IEEE 754), bid size, ask
 * size, last size, volume, source time in epoch microseconds (8 each). Version 2 added the term and
 * the number; a member refuses another version rather than guess its layout.
 */
public final class QuoteWire {

    static final byte VERSION = 2;
    private static final int FIXED = 1 + 1 + 2 + 2 * 8 + 3 * 8 + 5 * 8;
    private static final int LONGEST_SYMBOL = 256;
    private static final MarketDataType[] TYPES = MarketDataType.values();

    private QuoteWire() {}

    public static byte[] write(NumberedQuote numbered) {
        Quote quote = numbered.quote();
        byte[] symbol = quote.symbol().getBytes(StandardCharsets.UTF_8);
        if (symbol.length > LONGEST_SYMBOL) {
            throw new IllegalArgumentException(
                    "A symbol of " + symbol.length + " bytes is longer than " + LONGEST_SYMBOL);
        }
        ByteBuffer out = ByteBuffer.allocate(FIXED + symbol.length);
        out.put(VERSION).put((byte) quote.type().ordinal()).putShort((short) symbol.length);
        out.put(symbol);
        out.putLong(numbered.term()).putLong(numbered.sequence());
        out.putDouble(quote.bid()).putDouble(quote.ask()).putDouble(quote.last());
        out.putLong(quote.bidSize()).putLong(quote.askSize()).putLong(quote.lastSize());
        out.putLong(quote.volume()).putLong(quote.timestampMicros());
        return out.array();
    }

    /**
     * The numbered tick the leader published; an {@link IllegalArgumentException} naming what is
     * wrong with the bytes.
     *
     * @param leader the UUID of the member that published them
     */
    public static NumberedQuote read(byte[] bytes, String leader) {
        if (bytes == null || bytes.length < FIXED) {
            throw new IllegalArgumentException(
                    "A quote needs at least "
                            + FIXED
                            + " bytes, got "
                            + (bytes == null ? 0 : bytes.length));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalArgumentException(
                    "Quote layout version " + version + ", this member reads " + VERSION);
        }
        int type = in.get();
        if (type < 0 || type >= TYPES.length) {
            throw new IllegalArgumentException("Unknown market-data type " + type);
        }
        int length = in.getShort();
        if (length < 1 || length > LONGEST_SYMBOL || bytes.length != FIXED + length) {
            throw new IllegalArgumentException(
                    "A symbol of "
                            + length
                            + " bytes does not fit a quote of "
                            + bytes.length
                            + " bytes");
        }
        byte[] symbol = new byte[length];
        in.get(symbol);
        long term = in.getLong();
        long sequence = in.getLong();
        Quote quote =
                new Quote(
                        new String(symbol, StandardCharsets.UTF_8),
                        in.getDouble(),
                        in.getDouble(),
                        in.getDouble(),
                        in.getLong(),
                        in.getLong(),
                        in.getLong(),
                        in.getLong(),
                        in.getLong(),
                        TYPES[type]);
        return new NumberedQuote(quote, term, leader, sequence);
    }
}
