package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsItem;
import org.tickerdesk.marketdata.entity.NewsPublished;
import org.tickerdesk.marketdata.entity.NewsType;

/**
 * The news store's rule, with its table as a list: news is stored once per source and id, and only
 * news stored for the first time is announced.
 */
class NewsStoreTest {

    private static final Instant T0 = Instant.parse("2025-11-21T15:30:00Z");

    private final List<News> table = new ArrayList<>();
    private final List<NewsPublished> announced = new ArrayList<>();
    private final NewsStore store = new NewsStore();

    NewsStoreTest() {
        store.em =
                proxy(
                        EntityManager.class,
                        (self, method, args) ->
                                switch (method.getName()) {
                                    case "persist" -> {
                                        table.add(((NewsItem) args[0]).news());
                                        yield null;
                                    }
                                    case "createNamedQuery" -> countByKey((String) args[0]);
                                    default ->
                                            throw new UnsupportedOperationException(
                                                    "EntityManager." + method.getName());
                                });
        store.published =
                proxy(
                        Event.class,
                        (self, method, args) -> {
                            announced.add((NewsPublished) args[0]);
                            return null;
                        });
    }

    private static News bulletin(String source, String id, Instant at) {
        return News.of(
                source, id, NewsType.REGULAR, "Exchange halted trading in XYZ", "NYSE", null, at);
    }

    @Test
    void newNewsIsStoredAndAnnounced() {
        News news = bulletin("ibkr", "1", T0);
        assertTrue(store.record(news));
        assertEquals(List.of(news), table);
        assertEquals(List.of(new NewsPublished(news)), announced);
    }

    @Test
    void theSameItemRepeatedAfterAReconnectIsNeitherStoredNorAnnouncedAgain() {
        store.record(bulletin("ibkr", "1", T0));
        assertFalse(store.record(bulletin("ibkr", "1", T0.plusSeconds(60))));
        assertEquals(1, table.size());
        assertEquals(T0, table.get(0).receivedAt(), "the first arrival counts");
        assertEquals(1, announced.size());
    }

    @Test
    void theSameIdFromAnotherSourceIsOtherNews() {
        store.record(bulletin("ibkr", "1", T0));
        assertTrue(store.record(bulletin("benzinga", "1", T0)));
        assertTrue(store.record(bulletin("ibkr", "2", T0)));
        assertEquals(3, table.size());
    }

    @Test
    void recentNewsIsAskedForWithinLimits() {
        assertThrows(IllegalArgumentException.class, () -> store.recent(0));
        assertThrows(IllegalArgumentException.class, () -> store.recent(NewsStore.MAX_RECENT + 1));
    }

    private TypedQuery<Long> countByKey(String name) {
        assertEquals(NewsItem.COUNT_BY_KEY, name);
        Map<String, Object> parameters = new HashMap<>();
        return proxy(
                TypedQuery.class,
                (self, method, args) ->
                        switch (method.getName()) {
                            case "setParameter" -> {
                                parameters.put((String) args[0], args[1]);
                                yield self;
                            }
                            case "getSingleResult" ->
                                    table.stream()
                                            .filter(
                                                    n ->
                                                            n.source()
                                                                            .equals(
                                                                                    parameters.get(
                                                                                            "source"))
                                                                    && n.sourceId()
                                                                            .equals(
                                                                                    parameters.get(
                                                                                            "sourceId")))
                                            .count();
                            default ->
                                    throw new UnsupportedOperationException(
                                            "TypedQuery." + method.getName());
                        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<?> type, InvocationHandler handler) {
        return (T)
                Proxy.newProxyInstance(
                        NewsStoreTest.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
