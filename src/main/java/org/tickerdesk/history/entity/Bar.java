package org.tickerdesk.history.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One bar of a series: when it starts, its open, high, low and close, and where the source has them
 * its volume, volume-weighted average price and number of trades (null where it has none, as IB has
 * for MIDPOINT, BID and ASK series). Checked on construction, so a bar that exists is a possible
 * one: low at most high, open and close between them, nothing negative. A price may be 0, since a
 * BID series of an option is 0 while nobody bids; a negative one is taken for a fault on the wire.
 * WAP is not held between low and high, because IB computes it to more places than it rounds the
 * prices to.
 */
public record Bar(
        Instant start,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        BigDecimal wap,
        Integer count) {

    public Bar {
        Objects.requireNonNull(start, "A bar needs its start time");
        notNegative(start, "open", open);
        notNegative(start, "high", high);
        notNegative(start, "low", low);
        notNegative(start, "close", close);
        if (low.compareTo(high) > 0) {
            throw impossible(
                    start, "low " + low.toPlainString() + " is above high " + high.toPlainString());
        }
        within(start, "open", open, low, high);
        within(start, "close", close, low, high);
        if (volume != null && volume.signum() < 0) {
            throw impossible(start, "volume " + volume.toPlainString() + " is negative");
        }
        if (wap != null && wap.signum() < 0) {
            throw impossible(start, "WAP " + wap.toPlainString() + " is negative");
        }
        if (count != null && count < 0) {
            throw impossible(start, "trade count " + count + " is negative");
        }
    }

    private static void notNegative(Instant start, String name, BigDecimal price) {
        if (price == null) {
            throw impossible(start, "it has no " + name);
        }
        if (price.signum() < 0) {
            throw impossible(start, name + " " + price.toPlainString() + " is negative");
        }
    }

    private static void within(
            Instant start, String name, BigDecimal price, BigDecimal low, BigDecimal high) {
        if (price.compareTo(low) < 0) {
            throw impossible(
                    start,
                    name + " " + price.toPlainString() + " is below low " + low.toPlainString());
        }
        if (price.compareTo(high) > 0) {
            throw impossible(
                    start,
                    name + " " + price.toPlainString() + " is above high " + high.toPlainString());
        }
    }

    private static IllegalArgumentException impossible(Instant start, String what) {
        return new IllegalArgumentException("Bar at " + start + ": " + what);
    }
}
