package org.tickerdesk.ibkr.wire.messages.ticks;

/**
 * IB's market-data types: what {@code reqMarketDataType} asks for and what {@code marketDataType}
 * reports for each subscription, so every tick can say whether it is live, frozen or delayed.
 */
public enum MarketDataKind {
    LIVE(1),
    FROZEN(2),
    DELAYED(3),
    DELAYED_FROZEN(4);

    private final int code;

    MarketDataKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MarketDataKind fromCode(int code) {
        for (MarketDataKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown market data type " + code);
    }

    /** Accepts the configuration spelling: live, frozen, delayed, delayed-frozen. */
    public static MarketDataKind fromSetting(String setting) {
        return valueOf(setting.trim().toUpperCase().replace('-', '_'));
    }
}
