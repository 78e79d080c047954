package org.tickerdesk.ibkr.resolution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.ContractDetails;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.SecurityType;
import org.tickerdesk.resolution.entity.Resolution;

/**
 * What an option's settlement depends on: its underlying (as named for a history request, and as
 * the trader knows it), its strike and whether it is a call or a put.
 *
 * @param underlyingName the underlying's symbol, for the basis
 * @param underlying the underlying as a history request names it
 * @param underlyingSecType IB's secType of the underlying ("STK"), empty when IB did not say
 * @param strike the strike, in the underlying's price
 * @param call true for a call, false for a put
 */
record OptionTerms(
        String underlyingName,
        IbContract underlying,
        String underlyingSecType,
        BigDecimal strike,
        boolean call) {

    private static final String STOCK = SecurityType.STK.name();

    OptionTerms {
        Objects.requireNonNull(underlyingName, "underlyingName");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(underlyingSecType, "underlyingSecType");
        if (strike == null || strike.signum() < 0) {
            throw new IllegalArgumentException("An option needs a strike, not " + strike);
        }
    }

    /**
     * From IB's description of the option: the underlying by its conId (routed SMART) when IB gives
     * one, otherwise by its symbol as a stock in the option's currency.
     */
    static OptionTerms of(ContractDetails option) {
        if (!option.right().equals("C") && !option.right().equals("P")) {
            throw new IllegalArgumentException(
                    "IB describes "
                            + option.localSymbol()
                            + " with right '"
                            + option.right()
                            + "', neither call nor put");
        }
        String name = option.underSymbol().isBlank() ? option.symbol() : option.underSymbol();
        IbContract underlying =
                option.underConId() > 0
                        ? IbContract.byConId(option.underConId(), "SMART")
                        : IbContract.stock(name, "SMART", option.currency());
        return new OptionTerms(
                name.replace(' ', '.'),
                underlying,
                option.underSecType(),
                option.strike(),
                option.right().equals("C"));
    }

    /**
     * From the option's own name, when IB no longer describes it (IB drops expired options): an
     * option's root is its underlying's symbol, taken as a stock in the option's currency.
     */
    static OptionTerms ofSymbol(IbContract option) {
        return new OptionTerms(
                option.symbol().replace(' ', '.'),
                IbContract.stock(option.symbol(), "SMART", option.currency()),
                STOCK,
                option.strike(),
                option.right().equals("C"));
    }

    /** True when the underlying is a stock (or IB did not say, as with conId-only answers). */
    boolean onStock() {
        return underlyingSecType.isEmpty() || underlyingSecType.equals(STOCK);
    }

    /**
     * The intrinsic value at the underlying's close on the expiry day: for a call max(0, S − K),
     * for a put max(0, K − S), with a basis saying so.
     */
    Resolution settle(BigDecimal close, LocalDate day) {
        BigDecimal inTheMoney = call ? close.subtract(strike) : strike.subtract(close);
        String option = plain(strike) + (call ? " call" : " put");
        String head = underlyingName + " closed " + close.toPlainString() + " on " + day + "; ";
        if (inTheMoney.signum() <= 0) {
            return new Resolution(
                    BigDecimal.ZERO, null, head + option + " expired out of the money: 0");
        }
        return new Resolution(inTheMoney, null, head + option + ": " + inTheMoney.toPlainString());
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
