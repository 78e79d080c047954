package org.tickerdesk.trading.control;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.Side;
import org.tickerdesk.trading.entity.TimeInForce;

/**
 * An order as a person or a program types it, every field a string (blank when not given): turned
 * into a valid {@link OrderTicket} for a known instrument, or refused with a message naming the
 * field to fix. Prices must sit on the instrument's tick grid, as a broker would refuse them
 * otherwise; quantities are whole units. {@code paper} sends the order to the paper broker even
 * when a live broker is configured (see {@link OrderDesk}); the order desk stores it so.
 */
public record OrderInput(
        String clientOrderId,
        String symbol,
        String side,
        String quantity,
        String type,
        String limitPrice,
        String stopPrice,
        String tif,
        String ocaGroup,
        boolean paper) {

    /** An order for the configured broker. */
    public OrderInput(
            String clientOrderId,
            String symbol,
            String side,
            String quantity,
            String type,
            String limitPrice,
            String stopPrice,
            String tif,
            String ocaGroup) {
        this(
                clientOrderId,
                symbol,
                side,
                quantity,
                type,
                limitPrice,
                stopPrice,
                tif,
                ocaGroup,
                false);
    }

    /** An order in no OCA group for the configured broker, as REST and the pages place them. */
    public OrderInput(
            String clientOrderId,
            String symbol,
            String side,
            String quantity,
            String type,
            String limitPrice,
            String stopPrice,
            String tif) {
        this(clientOrderId, symbol, side, quantity, type, limitPrice, stopPrice, tif, null);
    }

    /** The same order, for the paper broker when {@code toPaper}, else the configured one. */
    public OrderInput toPaper(boolean toPaper) {
        return new OrderInput(
                clientOrderId,
                symbol,
                side,
                quantity,
                type,
                limitPrice,
                stopPrice,
                tif,
                ocaGroup,
                toPaper);
    }

    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    static final BigDecimal MAX_PRICE = new BigDecimal("10000000000");

    public OrderTicket toTicket(
            Function<String, Optional<Contract>> contracts, Supplier<String> newClientOrderId) {
        String id = clean(clientOrderId);
        if (id != null && !OrderTicket.CLIENT_ORDER_ID.matcher(id).matches()) {
            throw new InvalidOrderException(
                    "clientOrderId",
                    "clientOrderId must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting"
                            + " with a letter or digit, not '"
                            + clientOrderId
                            + "'");
        }
        Contract contract = contract(contracts);
        OrderType orderType = parsedType();
        BigDecimal limit =
                price("limitPrice", limitPrice, orderType.needsLimit(), orderType, contract);
        BigDecimal stop = price("stopPrice", stopPrice, orderType.needsStop(), orderType, contract);
        return new OrderTicket(
                id != null ? id : newClientOrderId.get(),
                contract,
                parsedSide(),
                parsedQuantity(),
                orderType,
                limit,
                stop,
                parsedTif(),
                clean(ocaGroup));
    }

    private Contract contract(Function<String, Optional<Contract>> contracts) {
        String value = clean(symbol);
        if (value == null) {
            throw new InvalidOrderException("symbol", "symbol is required");
        }
        String upper = value.toUpperCase(Locale.ROOT);
        return contracts
                .apply(upper)
                .orElseThrow(
                        () ->
                                new InvalidOrderException(
                                        "symbol",
                                        "No instrument "
                                                + upper
                                                + " is known: add it first (POST"
                                                + " /api/v1/instruments or the instruments page)"));
    }

    private Side parsedSide() {
        String value = required("side", side, "BUY or SELL");
        try {
            return Side.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidOrderException("side", "side must be BUY or SELL, not '" + side + "'");
        }
    }

    private OrderType parsedType() {
        String value = required("type", type, "MKT, LMT, STP or STP_LMT").replace(' ', '_');
        try {
            return OrderType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidOrderException(
                    "type", "type must be MKT, LMT, STP or STP_LMT, not '" + type + "'");
        }
    }

    private TimeInForce parsedTif() {
        String value = clean(tif);
        try {
            return value == null
                    ? TimeInForce.DAY
                    : TimeInForce.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidOrderException("tif", "tif must be DAY or GTC, not '" + tif + "'");
        }
    }

    private BigDecimal parsedQuantity() {
        BigDecimal value =
                number("quantity", required("quantity", quantity, "a whole number above zero"));
        if (value.signum() <= 0) {
            throw new InvalidOrderException(
                    "quantity", "quantity must be above zero, not " + quantity);
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new InvalidOrderException(
                    "quantity", "quantity must be a whole number, not " + quantity);
        }
        if (value.compareTo(MAX_QUANTITY) > 0) {
            throw new InvalidOrderException(
                    "quantity",
                    "quantity " + quantity + " is more than " + MAX_QUANTITY.toPlainString());
        }
        return value;
    }

    private static BigDecimal price(
            String field, String raw, boolean needed, OrderType type, Contract contract) {
        String value = clean(raw);
        if (!needed) {
            if (value != null) {
                throw new InvalidOrderException(field, type + " takes no " + field);
            }
            return null;
        }
        if (value == null) {
            throw new InvalidOrderException(field, type + " needs " + field);
        }
        BigDecimal price = number(field, value);
        if (price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0) {
            throw new InvalidOrderException(
                    field,
                    field
                            + " must be above zero and at most "
                            + MAX_PRICE.toPlainString()
                            + ", not "
                            + raw);
        }
        if (price.remainder(contract.tickSize()).signum() != 0) {
            throw new InvalidOrderException(
                    field,
                    field
                            + " "
                            + raw
                            + " is not a multiple of "
                            + contract.symbol()
                            + "'s tick size "
                            + contract.tickSize().toPlainString());
        }
        return price;
    }

    private static BigDecimal number(String field, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidOrderException(
                    field, field + " must be a number, not '" + value + "'");
        }
    }

    private static String required(String field, String value, String expected) {
        String clean = clean(value);
        if (clean == null) {
            throw new InvalidOrderException(field, field + " is required: " + expected);
        }
        return clean.toUpperCase(Locale.ROOT);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
