package org.tickerdesk.ibkr.entity;

/** The historical bar sizes IB accepts, with their exact wire spelling. */
public enum BarSize {
    SEC_1("1 secs"), SEC_5("5 secs"), SEC_10("10 secs"), SEC_15("15 secs"), SEC_30("30 secs"),
    MIN_1("1 min"), MIN_2("2 mins"), MIN_3("3 mins"), MIN_5("5 mins"), MIN_10("10 mins"), MIN_15("15 mins"),
    MIN_20("20 mins"), MIN_30("30 mins"),
    HOUR_1("1 hour"), HOUR_2("2 hours"), HOUR_3("3 hours"), HOUR_4("4 hours"), HOUR_8("8 hours"),
    DAY_1("1 day"), WEEK_1("1 week"), MONTH_1("1 month");

    private final String wire;

    BarSize(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static BarSize fromWire(String text) {
        for (BarSize size : values()) {
            if (size.wire.equals(text)) {
                return size;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an IB bar size (e.g. \"1 min\", \"1 day\")");
    }
}
