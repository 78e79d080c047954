package org.tickerdesk.ibkr.entity;

/** How far back a historical request reaches, as IB spells it: "3600 S", "30 D", "2 W", "6 M", "1 Y". */
public record HistoryDuration(int amount, Unit unit) {

    /** Seconds, days, weeks, months, years. */
    public enum Unit { S, D, W, M, Y }

    public HistoryDuration {
        if (unit == null) {
            throw new IllegalArgumentException("A duration needs its unit");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("A duration must be positive");
        }
    }

    public String wire() {
        return amount + " " + unit.name();
    }

    public static HistoryDuration parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like \"30 D\"");
        }
        return new HistoryDuration(Integer.parseInt(parts[0]), Unit.valueOf(parts[1]));
    }
}
