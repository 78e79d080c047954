package org.tickerdesk.marketdata.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsItem;
import org.tickerdesk.marketdata.entity.NewsPublished;

/**
 * The news from the market-data sources and the feeds that post it, newest first. Sources repeat
 * themselves (TWS sends the day's bulletins again after every reconnect, a feed retries a post it
 * saw no answer to), so news is stored once per source and source id, and only news stored for the
 * first time is announced as {@link NewsPublished}.
 */
@Stateless
public class NewsStore {

    public static final int MAX_RECENT = 500;

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Inject Event<NewsPublished> published;

    /** Stores the news unless stored before; true when it was new. */
    public boolean record(News news) {
        long stored =
                em.createNamedQuery(NewsItem.COUNT_BY_KEY, Long.class)
                        .setParameter("source", news.source())
                        .setParameter("sourceId", news.sourceId())
                        .getSingleResult();
        if (stored > 0) {
            return false;
        }
        em.persist(new NewsItem(news));
        published.fire(new NewsPublished(news));
        return true;
    }

    /** An item stored by {@link #ingest}: the one just stored, or the one stored before. */
    public record Ingested(NewsItem item, boolean created) {}

    /**
     * Stores the news unless its source and id were stored before, and says which item stands for
     * them: the new one, or the earlier one, unchanged.
     */
    public Ingested ingest(News news) {
        Optional<NewsItem> earlier = byKey(news.source(), news.sourceId());
        if (earlier.isPresent()) {
            return new Ingested(earlier.get(), false);
        }
        NewsItem item = new NewsItem(news);
        em.persist(item);
        em.flush();
        published.fire(new NewsPublished(news));
        return new Ingested(item, true);
    }

    public Optional<NewsItem> find(long id) {
        return Optional.ofNullable(em.find(NewsItem.class, id));
    }

    /** The latest news about one symbol, newest first, at most {@code limit} items. */
    public List<NewsItem> about(String symbol, int limit) {
        requireLimit(limit);
        return em.createNamedQuery(NewsItem.ABOUT, NewsItem.class)
                .setParameter("symbol", symbol)
                .setMaxResults(limit)
                .getResultList();
    }

    private Optional<NewsItem> byKey(String source, String sourceId) {
        return em.createNamedQuery(NewsItem.BY_KEY, NewsItem.class)
                .setParameter("source", source)
                .setParameter("sourceId", sourceId)
                .getResultStream()
                .findFirst();
    }

    /** The latest news, newest first, at most {@code limit} (1 to {@value #MAX_RECENT}) items. */
    public List<NewsItem> recent(int limit) {
        requireLimit(limit);
        return em.createNamedQuery(NewsItem.RECENT, NewsItem.class)
                .setMaxResults(limit)
                .getResultList();
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException(
                    "The limit must be between 1 and " + MAX_RECENT + ", not " + limit);
        }
    }
}
