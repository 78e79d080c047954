package org.tickerdesk.trading.control;

import java.math.BigDecimal;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.Side;

/**
 * An exit committed with its client order id, to be handed to the order desk as it stands; in the
 * OCA group of the position's protection at the broker, if it has one, so the broker cancels that
 * protection the moment the exit fills. {@code position} is the position as the commit left it.
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
        PositionSnapshot position) {}
