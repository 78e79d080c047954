package org.tickerdesk.ibkr.history;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far back from its end a window reaches, as IB spells a duration: "3600 S", "5 D", "2 W", "6
 * M", "1 Y". IB decides which lookbacks suit which bar sizes, and says so when one does not.
 */
public record Lookback(int amount, Unit unit) {

    /** Seconds, days, weeks, months, years. */
    public enum Unit {
        S,
        D,
        W,
        M,
        Y
    }

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9}) ([SDWMY])");

    public Lookback {
        if (unit == null) {
            throw new IllegalArgumentException("A lookback needs its unit");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("A lookback must be at least 1 " + unit);
        }
    }

    public static Lookback parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not a duration; use a whole number and one of S (seconds), D"
                            + " (days), W (weeks), M (months), Y (years), e.g. \"1 D\" or \"2 W\"");
        }
        return new Lookback(Integer.parseInt(m.group(1)), Unit.valueOf(m.group(2)));
    }

    public String label() {
        return amount + " " + unit.name();
    }
}
