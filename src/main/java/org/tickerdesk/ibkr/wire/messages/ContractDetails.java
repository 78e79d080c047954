package org.tickerdesk.ibkr.wire.messages;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One contract matching a {@code reqContractDetails}: what the instrument catalog needs to know
 * (conId, exchange, currency, min tick, multiplier, expiry, trading hours and time zone, names),
 * and for a derivative its underlying as IB names it (conId, symbol, secType; 0 and empty for
 * anything else). {@code lastTradeDateOrContractMonth} is the expiry date alone; {@code
 * lastTradeTime} its time, if sent.
 */
public record ContractDetails(
        int reqId,
        int conId,
        String symbol,
        String secType,
        String lastTradeDateOrContractMonth,
        String lastTradeTime,
        BigDecimal strike,
        String right,
        String exchange,
        String primaryExchange,
        String currency,
        String localSymbol,
        String tradingClass,
        String marketName,
        BigDecimal minTick,
        String multiplier,
        String longName,
        String contractMonth,
        String timeZoneId,
        String tradingHours,
        String liquidHours,
        String realExpirationDate,
        String stockType,
        BigDecimal minSize,
        BigDecimal sizeIncrement,
        int underConId,
        String underSymbol,
        String underSecType)
        implements IncomingMessage {

    public ContractDetails {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(secType, "secType");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(currency, "currency");
        underSymbol = underSymbol == null ? "" : underSymbol;
        underSecType = underSecType == null ? "" : underSecType;
        if (conId <= 0) {
            throw new IllegalArgumentException("Contract details without a conId");
        }
        if (minTick == null || minTick.signum() <= 0) {
            throw new IllegalArgumentException("Contract details need a positive min tick");
        }
    }
}
