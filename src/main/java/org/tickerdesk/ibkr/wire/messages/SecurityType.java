package org.tickerdesk.ibkr.wire.messages;

/** IB's secType codes for the instruments Tickerdesk quotes and trades. */
public enum SecurityType {
    STK,
    FUT,
    OPT,
    FOP,
    IND,
    CASH,
    CFD,
    CRYPTO,
    BOND,
    FUND,
    WAR,
    CMDTY,
    BAG;

    /** Derivatives need an expiry (and options a strike and right) to name one contract. */
    public boolean isDerivative() {
        return this == FUT || this == OPT || this == FOP || this == WAR;
    }

    public boolean hasStrike() {
        return this == OPT || this == FOP || this == WAR;
    }

    /** Unknown codes from the wire are kept out of the enum: the caller keeps the raw text. */
    public static SecurityType fromWire(String code) {
        for (SecurityType type : values()) {
            if (type.name().equals(code)) {
                return type;
            }
        }
        return null;
    }
}
