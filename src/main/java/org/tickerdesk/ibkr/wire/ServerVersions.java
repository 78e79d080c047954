package org.tickerdesk.ibkr.wire;

/**
 * The server versions this client negotiates, and the versions at which a message it encodes or
 * decodes changes shape. Names follow IB's published {@code MIN_SERVER_VER_*} constants.
 */
public final class ServerVersions {

    /** The oldest server we speak to: TWS/IB Gateway 10.x era. */
    public static final int MIN = 157;

    /**
     * The newest we implement field for field. From 201 (IB's MIN_SERVER_VER_PROTOBUF) every
     * message id travels as a 4-byte binary integer instead of text and executions as protobuf,
     * with more messages moving to protobuf up to 213; this client speaks neither. Up to 200 every
     * message is NUL-separated text.
     */
    public static final int MAX = 200;

    public static final int DURATION = 158;
    public static final int POST_TO_ATS = 160;
    public static final int AUTO_CANCEL_PARENT = 162;
    public static final int SIZE_RULES = 164;
    public static final int ADVANCED_ORDER_REJECT = 166;
    public static final int MANUAL_ORDER_TIME = 169;
    public static final int PEGBEST_PEGMID_OFFSETS = 170;
    public static final int BOND_ISSUERID = 176;
    public static final int FA_PROFILE_DESUPPORT = 177;
    public static final int PENDING_PRICE_REVISION = 178;
    public static final int FUND_DATA_FIELDS = 179;
    public static final int LAST_TRADE_DATE = 182;
    public static final int CUSTOMER_ACCOUNT = 183;
    public static final int PROFESSIONAL_CUSTOMER = 184;
    public static final int BOND_ACCRUED_INTEREST = 185;
    public static final int INELIGIBILITY_REASONS = 186;
    public static final int RFQ_FIELDS = 187;
    public static final int INCLUDE_OVERNIGHT = 189;
    public static final int UNDO_RFQ_FIELDS = 190;
    public static final int CME_TAGGING_FIELDS = 192;
    public static final int CME_TAGGING_FIELDS_IN_OPEN_ORDER = 193;
    public static final int ERROR_TIME = 194;
    public static final int FULL_ORDER_PREVIEW_FIELDS = 195;
    public static final int HISTORICAL_DATA_END = 196;
    public static final int SUBMITTER = 198;
    public static final int IMBALANCE_ONLY = 199;
    public static final int PARAMETRIZED_DAYS_OF_EXECUTIONS = 200;

    private ServerVersions() {}

    /** Fails when a negotiated version is outside what this client implements. */
    public static int requireSupported(int version) throws ProtocolException {
        if (version < MIN || version > MAX) {
            throw new ProtocolException(
                    "TWS negotiated server version "
                            + version
                            + ", but this client speaks "
                            + MIN
                            + " to "
                            + MAX
                            + ": update TWS/IB Gateway (or this client)");
        }
        return version;
    }
}
