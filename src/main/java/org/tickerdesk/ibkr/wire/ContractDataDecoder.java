package org.tickerdesk.ibkr.wire;

import java.math.BigDecimal;
import org.tickerdesk.ibkr.wire.messages.ContractDetails;
import org.tickerdesk.ibkr.wire.messages.ContractDetailsEnd;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * contractData and contractDataEnd. contractData lost its version field at 164 (size rules), gained
 * a separate last-trade date at 182, fund fields (funds only) at 179 and ineligibility reasons at
 * 186.
 */
final class ContractDataDecoder {

    /** The one version (163) that sent a size min tick before size rules replaced it. */
    private static final int FRACTIONAL_SIZE_SUPPORT = 163;

    private ContractDataDecoder() {}

    static IncomingMessage contractData(int v, FieldReader in) throws MalformedMessageException {
        int version = v < ServerVersions.SIZE_RULES ? in.integer("version") : 8;
        int reqId = version >= 3 ? in.integer("reqId") : -1;
        String symbol = in.string("symbol");
        String secType = in.string("secType");
        String[] expiry = splitExpiry(in.string("lastTradeDateOrContractMonth"));
        if (v >= ServerVersions.LAST_TRADE_DATE) {
            in.string("lastTradeDate");
        }
        BigDecimal strike = in.optionalDecimal("strike");
        String right = in.string("right");
        String exchange = in.string("exchange");
        String currency = in.string("currency");
        String localSymbol = in.string("localSymbol");
        String marketName = in.string("marketName");
        String tradingClass = in.string("tradingClass");
        int conId = in.integer("conId");
        BigDecimal minTick = in.decimal("minTick");
        if (v < ServerVersions.SIZE_RULES) {
            in.integer("mdSizeMultiplier");
        }
        String multiplier = in.string("multiplier");
        in.skip(2, "orderTypes, validExchanges");
        if (version >= 2) {
            in.integer("priceMagnifier");
        }
        int underConId = version >= 4 ? in.integer("underConId") : 0;
        String longName = "";
        String primaryExchange = "";
        if (version >= 5) {
            longName = UnicodeEscapes.decode(in.string("longName"));
            primaryExchange = in.string("primaryExch");
        }
        String contractMonth = "";
        String timeZoneId = "";
        String tradingHours = "";
        String liquidHours = "";
        if (version >= 6) {
            contractMonth = in.string("contractMonth");
            in.skip(3, "industry, category, subcategory");
            timeZoneId = in.string("timeZoneId");
            tradingHours = in.string("tradingHours");
            liquidHours = in.string("liquidHours");
        }
        if (version >= 8) {
            in.string("evRule");
            in.optionalDecimal("evMultiplier");
        }
        if (version >= 7) {
            skipPairs(in, "secIdList");
        }
        in.integer("aggGroup");
        String underSymbol = in.string("underSymbol");
        String underSecType = in.string("underSecType");
        in.string("marketRuleIds");
        String realExpirationDate = in.string("realExpirationDate");
        String stockType = in.string("stockType");
        BigDecimal minSize = null;
        BigDecimal sizeIncrement = null;
        if (v >= ServerVersions.SIZE_RULES) {
            minSize = in.optionalSize("minSize");
            sizeIncrement = in.optionalSize("sizeIncrement");
            in.optionalSize("suggestedSizeIncrement");
        } else if (v >= FRACTIONAL_SIZE_SUPPORT) {
            in.optionalSize("sizeMinTick");
        }
        if (v >= ServerVersions.FUND_DATA_FIELDS && secType.equals("FUND")) {
            in.skip(17, "fund fields");
        }
        if (v >= ServerVersions.INELIGIBILITY_REASONS) {
            skipPairs(in, "ineligibilityReasons");
        }
        return new ContractDetails(
                reqId,
                conId,
                symbol,
                secType,
                expiry[0],
                expiry[1],
                strike,
                right,
                exchange,
                primaryExchange,
                currency,
                localSymbol,
                tradingClass,
                marketName,
                minTick,
                multiplier,
                longName,
                contractMonth,
                timeZoneId,
                tradingHours,
                liquidHours,
                realExpirationDate,
                stockType,
                minSize,
                sizeIncrement,
                underConId,
                underSymbol,
                underSecType);
    }

    static IncomingMessage contractDataEnd(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        return new ContractDetailsEnd(in.integer("reqId"));
    }

    /**
     * IB packs "20250620 15:00 US/Central" or "20250620-15:00" into one field: date first, then
     * time.
     */
    private static String[] splitExpiry(String text) {
        String[] parts = text.contains("-") ? text.split("-") : text.trim().split("\\s+");
        String date = parts.length > 0 ? parts[0] : "";
        String time = parts.length > 1 ? parts[1] : "";
        return new String[] {date, time};
    }

    private static void skipPairs(FieldReader in, String name) throws MalformedMessageException {
        int count = in.integer(name + " count");
        if (count < 0 || count * 2 > in.remaining()) {
            throw new MalformedMessageException(
                    "contractData " + name + " count " + count + " exceeds the message");
        }
        in.skip(count * 2, name);
    }
}
