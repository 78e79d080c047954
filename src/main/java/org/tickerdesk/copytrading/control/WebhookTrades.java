package org.tickerdesk.copytrading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.IntakeStatus;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.WatchedTrader;
import org.tickerdesk.platform.control.ProblemException;

/**
 * The {@code webhook} feed: a trade posted for a trader, checked in this order, each refusal logged
 * in one line and nothing stored: the trader must exist (404), the body must be signed with the
 * trader's secret (401), the trader must take trades from webhooks (409), the trade must be
 * well-formed (400). Then the {@link Intake} takes it, through the sink of the passive {@link
 * TradeFeed} of this name ({@link Feed}): the endpoint is what feeds it.
 */
@ApplicationScoped
public class WebhookTrades {

    public static final String FEED = "webhook";

    private static final Logger LOG = Logger.getLogger(WebhookTrades.class.getName());

    @Inject WatchedTraders watched;

    @Inject TradeFeeds feeds;

    @Inject IntakeLog log;

    /**
     * @param body the request's exact bytes, as signed
     * @param signature the {@link TradeSignature#HEADER} header, null when absent
     * @param from who sent it, for the log
     */
    public IntakeSnapshot take(long traderId, byte[] body, String signature, String from) {
        try {
            WatchedTrader trader =
                    watched.trader(traderId)
                            .orElseThrow(() -> new UnknownTraderException(traderId));
            String secret = watched.secret(traderId).orElseThrow();
            if (!TradeSignature.verify(secret, body, signature)) {
                throw new BadSignatureException(traderId);
            }
            if (!trader.settings().feed().equals(FEED)) {
                throw new WrongFeedException(traderId, trader.settings().feed(), "a webhook");
            }
            LeaderTrade trade = TradeJson.read(body);
            return feeds.sink(FEED).deliver(traderId, trade);
        } catch (ProblemException e) {
            LOG.warning(
                    () ->
                            "Webhook trade for trader "
                                    + traderId
                                    + " from "
                                    + from
                                    + " refused ("
                                    + e.status()
                                    + " "
                                    + e.code()
                                    + "): "
                                    + e.getMessage());
            throw e;
        }
    }

    /**
     * A trader's intake, newest first, of one status or all (null).
     *
     * @throws UnknownTraderException when there is no such trader
     */
    public List<IntakeSnapshot> intake(long traderId, IntakeStatus status, int limit) {
        watched.trader(traderId).orElseThrow(() -> new UnknownTraderException(traderId));
        return log.list(traderId, status, limit);
    }

    /**
     * The webhook as a {@link TradeFeed}: passive, it is told of trades by the REST endpoint on the
     * request's thread ({@link WebhookTrades#take}) and never polls; always available.
     */
    static final class Feed implements TradeFeed {

        @Override
        public String name() {
            return FEED;
        }

        @Override
        public Optional<String> unavailable() {
            return Optional.empty();
        }

        @Override
        public void start(TradeSink sink) {
            // the endpoint delivers each trade as it arrives: nothing runs in between
        }

        @Override
        public void close() {
            // nothing was started
        }
    }
}
