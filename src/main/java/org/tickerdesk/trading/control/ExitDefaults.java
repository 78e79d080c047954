package org.tickerdesk.trading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tickerdesk.trading.entity.ExitRules;

/**
 * The exit rules a new position gets when it names none, per account (the broker's name for now).
 * Kept in memory after the first read, since every order change asks; a change is written first.
 */
@ApplicationScoped
public class ExitDefaults {

    static final String NONE = ExitRulesJson.write(ExitRules.NONE).toString();

    @Inject PositionStore store;

    @Inject Clock clock;

    private final Map<String, String> cached = new ConcurrentHashMap<>();

    /** The account's default rules as JSON; none at all until some are set. */
    public String json(String account) {
        return cached.computeIfAbsent(account, a -> store.defaults(a).orElse(NONE));
    }

    public ExitRules rules(String account) {
        return ExitRulesJson.read(json(account));
    }

    /**
     * Replaces the account's defaults; positions opened before keep theirs.
     *
     * @throws InvalidPositionException naming every field at fault; nothing changes then
     */
    public ExitRules put(String account, JsonValue rules) {
        ExitRules parsed = ExitRulesJson.read(rules, "rules");
        String json = ExitRulesJson.write(parsed).toString();
        store.defaults(account, json, clock.instant());
        cached.put(account, json);
        return parsed;
    }
}
