package org.tickerdesk.instruments.entity;

import java.math.BigDecimal;

/**
 * What the broker knows of a contract beyond its {@link Contract}: its id there, the multiplier,
 * its full name, and when it trades, in the broker's notation ("20251121:0930-20251121:1600;...")
 * and in the exchange's time zone. Blank texts are null.
 */
public record InstrumentDetails(
        int conId,
        BigDecimal multiplier,
        String longName,
        String timeZone,
        String tradingHours,
        String liquidHours) {

    static final int LONG_NAME_LENGTH = 200;
    static final int TIME_ZONE_LENGTH = 64;

    /** IB sends about a week of sessions; far more would be a broken answer, not a schedule. */
    static final int HOURS_LENGTH = 10_000;

    public InstrumentDetails {
        if (conId <= 0) {
            throw new IllegalArgumentException("A contract id is a positive number, not " + conId);
        }
        if (multiplier != null && multiplier.signum() <= 0) {
            throw new IllegalArgumentException("The multiplier must be greater than zero");
        }
        multiplier = multiplier == null ? null : plain(multiplier);
        longName = shortened(blankToNull(longName));
        timeZone = limited("time zone", blankToNull(timeZone), TIME_ZONE_LENGTH);
        tradingHours = limited("trading hours", blankToNull(tradingHours), HOURS_LENGTH);
        liquidHours = limited("liquid hours", blankToNull(liquidHours), HOURS_LENGTH);
    }

    /**
     * 50.0 and 50 are one multiplier; stripping alone would make it 5E+1, which JSON would show as
     * such.
     */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * A long name is for reading: one longer than the column is cut rather than refusing the
     * contract.
     */
    private static String shortened(String name) {
        return name == null || name.length() <= LONG_NAME_LENGTH
                ? name
                : name.substring(0, LONG_NAME_LENGTH);
    }

    private static String limited(String what, String value, int length) {
        if (value != null && value.length() > length) {
            throw new IllegalArgumentException(
                    "The " + what + " are longer than " + length + " characters");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
