package org.tickerdesk.instruments.control;

import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.WatchlistChanged;

/**
 * The catalog's database as a list, answering its lookups by symbol and conId, and its events as a
 * list: enough to test what the catalog decides without a database or a container.
 */
final class InMemoryInstruments {

    final List<Instrument> rows = new ArrayList<>();
    final List<WatchlistChanged> events = new ArrayList<>();

    InstrumentCatalog catalog(ContractLookup lookup) {
        InstrumentCatalog catalog = new InstrumentCatalog();
        catalog.em =
                proxy(
                        EntityManager.class,
                        (self, method, args) ->
                                switch (method.getName()) {
                                    case "persist" -> {
                                        rows.add((Instrument) args[0]);
                                        yield null;
                                    }
                                    case "createNamedQuery" -> query((String) args[0]);
                                    default ->
                                            throw new UnsupportedOperationException(
                                                    "EntityManager." + method.getName());
                                });
        catalog.watchlistChanged =
                proxy(
                        Event.class,
                        (self, method, args) -> {
                            if (!method.getName().equals("fire")) {
                                throw new UnsupportedOperationException(
                                        "Event." + method.getName());
                            }
                            events.add((WatchlistChanged) args[0]);
                            return null;
                        });
        catalog.lookup = lookup;
        return catalog;
    }

    private TypedQuery<Instrument> query(String name) {
        Map<String, Object> parameters = new HashMap<>();
        return proxy(
                TypedQuery.class,
                (self, method, args) ->
                        switch (method.getName()) {
                            case "setParameter" -> {
                                parameters.put((String) args[0], args[1]);
                                yield self;
                            }
                            case "getResultStream" ->
                                    rows.stream().filter(filter(name, parameters));
                            default ->
                                    throw new UnsupportedOperationException(
                                            "TypedQuery." + method.getName());
                        });
    }

    private static Predicate<Instrument> filter(String name, Map<String, Object> parameters) {
        return switch (name) {
            case Instrument.BY_SYMBOL -> i -> i.symbol().equals(parameters.get("symbol"));
            case Instrument.BY_CONID -> i -> Objects.equals(i.conId(), parameters.get("conId"));
            default -> throw new UnsupportedOperationException("Named query " + name);
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<?> type, InvocationHandler handler) {
        return (T)
                Proxy.newProxyInstance(
                        InMemoryInstruments.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
