package org.tickerdesk.ibkr.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tickerdesk.ibkr.faketws.FakeTws;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.messages.NewsBulletin;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsType;

/**
 * IB's news bulletins against the fake TWS, which answers reqNewsBulletins with bulletin 1 from
 * NYSE.
 */
class IbkrNewsTest {

    private static final Instant NOW = Instant.parse("2025-11-21T15:30:00Z");
    private static final ThreadFactory NEWS_THREADS =
            runnable -> {
                Thread thread = new Thread(runnable, "news-worker-test");
                thread.setDaemon(true);
                return thread;
            };

    private final BlockingQueue<News> stored = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> storingThreads = new LinkedBlockingQueue<>();
    @RegisterExtension final FakeTws tws = new FakeTws();
    private IbkrNews news;

    private void start() throws Exception {
        news = new IbkrNews(tws.start(200), NEWS_THREADS, Clock.fixed(NOW, ZoneOffset.UTC));
        news.start(
                item -> {
                    storingThreads.add(Thread.currentThread().getName());
                    stored.add(item);
                });
    }

    @AfterEach
    void stop() throws IOException {
        if (news != null) {
            news.close();
        }
    }

    @Test
    void bulletinsReachTheSinkOffTheReaderThread() throws Exception {
        start();
        assertEquals(
                List.of("12", "1", "1"),
                tws.server().nextRequest(12),
                "all of the day's bulletins");
        News bulletin = next();
        assertEquals(
                new News(
                        "ibkr",
                        "1",
                        NewsType.REGULAR,
                        "Exchange halted trading in XYZ",
                        null,
                        "NYSE",
                        null,
                        NOW),
                bulletin);
        assertEquals("news-worker-test", storingThreads.poll());
    }

    @Test
    void everyReconnectSubscribesAgainAndTheDaysBulletinsComeAgain() throws Exception {
        start();
        tws.server().nextRequest(12);
        assertEquals("1", next().sourceId());

        tws.server().dropConnection();

        assertEquals(List.of("12", "1", "1"), tws.server().nextRequest(12));
        assertEquals(
                "1",
                next().sourceId(),
                "the same bulletin again: telling repeats apart is the store's job");
    }

    @Test
    void aSessionUpBeforeTheNewsStartedIsSubscribedAtOnce() throws Exception {
        TwsSession session = tws.start(200);
        tws.connect();
        news = new IbkrNews(session, NEWS_THREADS, Clock.fixed(NOW, ZoneOffset.UTC));
        news.start(stored::add);
        tws.server().nextRequest(12);
        assertEquals("Exchange halted trading in XYZ", next().headline());
    }

    @Test
    void ibsBulletinTypesAreNewsTypes() {
        assertEquals(
                NewsType.REGULAR, IbkrNews.toNews(new NewsBulletin(7, 1, "text", ""), NOW).type());
        News unavailable =
                IbkrNews.toNews(new NewsBulletin(8, 2, "CBOE is not available", "CBOE"), NOW);
        assertEquals(NewsType.EXCHANGE_UNAVAILABLE, unavailable.type());
        assertEquals("CBOE", unavailable.originExchange());
        News available =
                IbkrNews.toNews(new NewsBulletin(9, 3, "CBOE is available again", ""), NOW);
        assertEquals(NewsType.EXCHANGE_AVAILABLE, available.type());
        assertNull(available.originExchange());
    }

    private News next() throws InterruptedException {
        News item = stored.poll(5, TimeUnit.SECONDS);
        assertNotNull(item, "no bulletin reached the sink within 5 s");
        return item;
    }
}
