package org.tickerdesk.trading.control;

import java.math.BigDecimal;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.Side;

/**
 * An exit committed with its client order id, to be handed to the order desk as it stands; in the
 * OCA group of the position's protection at the broker, if it has one, so the broker cancels that
 * protection the moment the exit fills. {@code position} is the position as the commit left it;
 * {@code ticket} and {@code order} the exit's order when it was stored in the same transaction.
 */
public record CommittedExit(
        long positionId,
        String symbol,
        String rule,
        String clientOrderId,
        Side side,
        BigDecimal quantity,
        OrderType orderType,
        BigDecimal limitPrice,
        long tickNanos,
        String ocaGroup,
        PositionSnapshot position,
        OrderTicket ticket,
        OrderSnapshot order) {

    /** An exit whose order is yet to be stored (a retry, one found at start-up). */
    CommittedExit(
            long positionId,
            String symbol,
            String rule,
            String clientOrderId,
            Side side,
            BigDecimal quantity,
            OrderType orderType,
            BigDecimal limitPrice,
            long tickNanos,
            String ocaGroup,
            PositionSnapshot position) {
        this(
                positionId,
                symbol,
                rule,
                clientOrderId,
                side,
                quantity,
                orderType,
                limitPrice,
                tickNanos,
                ocaGroup,
                position,
                null,
                null);
    }

    /** The same exit with its order, stored with it. */
    CommittedExit withOrder(OrderTicket ticket, OrderSnapshot order) {
        return new CommittedExit(
                positionId,
                symbol,
                rule,
                clientOrderId,
                side,
                quantity,
                orderType,
                limitPrice,
                tickNanos,
                ocaGroup,
                position,
                ticket,
                order);
    }
}
