package org.tickerdesk.copytrading.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.WatchedTrader;

/**
 * What a {@link TradeFeed} delivers into: the intake, for the traders of that one feed. Any thread
 * may call it.
 */
public interface TradeSink {

    /** The enabled traders whose feed is this sink's feed, by id, as the hot path reads them. */
    List<WatchedTrader> followed();

    /**
     * Takes one trade of a trader: written, decided and, when copied, ordered before this returns;
     * a trade delivered again (the same trade id) is answered as it stands and copied once.
     */
    IntakeSnapshot deliver(long traderId, LeaderTrade trade);

    /** The trade time of the trader's newest intake entry of this feed, if any. */
    Optional<Instant> lastTradeTime(long traderId);
}
