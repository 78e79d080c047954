package org.tickerdesk.trading.control;

import java.math.BigDecimal;

/** A position's price and best price as the engine holds them, to be written behind. */
public record PositionMark(long positionId, BigDecimal price, BigDecimal best) {}
