package org.tickerdesk.copytrading.entity;

/**
 * Why a leader's trade was not copied (or not yet: {@link #waits()}), each with the sentence the
 * trader's page shows.
 */
public enum SkipReason {
    TRADER_DISABLED("the trader is disabled", false),
    COPY_STOP_LOSS("following is paused by the copy stop-loss", false),
    INSTRUMENT_NOT_ALLOWED("the instrument is not among those allowed", false),
    INSTRUMENT_DENIED("the instrument is denied", false),
    UNKNOWN_INSTRUMENT("the instrument is not known here", false),
    TOO_OLD("the trade is older than the maximum delay", false),
    PRICE_MOVED("the price moved too far from the leader's", false),
    NO_QUOTE("no quote for the instrument yet", true),
    MARKET_CLOSED("outside the instrument's trading hours", true),
    OVER_TRADE_CAP("over the cap per trade", false),
    OVER_EXPOSURE_CAP("over the cap on total exposure", false),
    OVER_POSITIONS_CAP("over the cap on open positions", false),
    ALLOCATION_USED("nothing left of the allocation", false),
    BELOW_MIN_SIZE("smaller than the minimum trade size", false),
    ABOVE_MAX_SIZE("larger than the maximum trade size", false),
    SIZED_TO_NOTHING("sized to less than one unit", false),
    NO_LEADER_PORTFOLIO("the leader's portfolio value is not known, needed to size a share", false),
    EXITS_NOT_COPIED("the trader's exits are not copied", false),
    NOTHING_TO_CLOSE("no copied position to close", false),
    ORDER_REFUSED("the order desk refused the order", false);

    private final String text;
    private final boolean waits;

    SkipReason(String text, boolean waits) {
        this.text = text;
        this.waits = waits;
    }

    /** The sentence shown beside the trade. */
    public String text() {
        return text;
    }

    /** True when the trade waits and is filtered again (every 30 s) until it is too old. */
    public boolean waits() {
        return waits;
    }
}
