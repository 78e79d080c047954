package org.tickerdesk.marketdata.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsItem;
import org.tickerdesk.marketdata.entity.NewsPublished;

/**
 * The news from the market-data sources, newest first. Sources repeat themselves (TWS sends the
 * day's bulletins again after every reconnect), so news is stored once per source and source id,
 * and only news stored for the first time is announced as {@link NewsPublished}.
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

    /** The latest news, newest first, at most {@code limit} (1 to {@value #MAX_RECENT}) items. */
    public List<NewsItem> recent(int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException(
                    "The limit must be between 1 and " + MAX_RECENT + ", not " + limit);
        }
        return em.createNamedQuery(NewsItem.RECENT, NewsItem.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
