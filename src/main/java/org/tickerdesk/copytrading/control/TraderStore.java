package org.tickerdesk.copytrading.control;

import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.copytrading.entity.Caps;
import org.tickerdesk.copytrading.entity.Filters;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.copytrading.entity.SizingMode;
import org.tickerdesk.copytrading.entity.StoredTrader;
import org.tickerdesk.copytrading.entity.Trader;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.copytrading.entity.TraderSnapshot;
import org.tickerdesk.trading.control.ExitRulesJson;

/**
 * Where followed traders are kept: PostgreSQL, table {@code traders}. Each change is one short
 * transaction of its own, committed when the call returns: the caller then tells the cache and the
 * pages. An edit locks the trader's row while it merges the body into what is stored, so a toggle
 * committed meanwhile is never written back over; a toggle is one {@code UPDATE ... SET enabled =
 * NOT enabled}, which the database serializes against every other change of the row.
 */
@Stateless
public class TraderStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A trader just created, and its webhook secret, shown this once. */
    public record Created(StoredTrader trader, String secret) {}

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    public Created create(TraderSettings settings, Instant at) {
        refuseTakenName(settings.name(), null);
        Trader trader = new Trader(settings, rules(settings), newSecret(), at);
        em.persist(trader);
        flush(settings.name());
        return new Created(trader.stored(), trader.secret());
    }

    /**
     * Merges the body into the stored settings ({@link TraderJson#edit}) under the row's lock.
     *
     * @throws UnknownTraderException when there is no such trader
     * @throws InvalidTraderException naming every field at fault
     * @throws TraderConflictException when the name is taken or the body's version is not the
     *     stored one
     */
    public StoredTrader update(long id, JsonObject body, Instant at) {
        Trader trader = em.find(Trader.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (trader == null) {
            throw new UnknownTraderException(id);
        }
        TraderJson.Edit edit = TraderJson.edit(id, settings(trader.stored()), body);
        if (edit.version() != null && edit.version() != trader.version()) {
            throw TraderConflictException.changed(id, edit.version(), trader.version());
        }
        refuseTakenName(edit.settings().name(), id);
        trader.change(edit.settings(), rules(edit.settings()), at);
        flush(edit.settings().name());
        return trader.stored();
    }

    public void delete(long id) {
        int deleted =
                em.createNativeQuery("DELETE FROM traders WHERE id = ?1")
                        .setParameter(1, id)
                        .executeUpdate();
        if (deleted == 0) {
            throw new UnknownTraderException(id);
        }
    }

    public Optional<StoredTrader> find(long id) {
        return Optional.ofNullable(em.find(Trader.class, id)).map(Trader::stored);
    }

    /** Every trader, by name. */
    public List<StoredTrader> all() {
        return em.createNamedQuery(Trader.ALL, Trader.class).getResultList().stream()
                .map(Trader::stored)
                .toList();
    }

    /** The ids of every trader, in order. */
    public long[] ids() {
        @SuppressWarnings("unchecked")
        List<Number> ids =
                em.createNativeQuery("SELECT id FROM traders ORDER BY id").getResultList();
        return ids.stream().mapToLong(Number::longValue).toArray();
    }

    /** A stored row as settings; the row was checked when it was written. */
    public static TraderSettings settings(StoredTrader row) {
        SizingMode mode = SizingMode.valueOf(row.sizingMode());
        return new TraderSettings(
                row.name(),
                row.feed(),
                row.enabled(),
                row.paper(),
                TraderJson.plain(row.allocation()),
                new Sizing(
                        mode,
                        TraderJson.plain(row.sizingAmount()),
                        TraderJson.plain(row.sizingRatio())),
                new Caps(
                        TraderJson.plain(row.capPerTrade()),
                        TraderJson.plain(row.capTotalExposure()),
                        row.capOpenPositions()),
                new Filters(
                        Trader.split(row.allowedSymbols()),
                        Trader.split(row.deniedSymbols()),
                        TraderJson.plain(row.minTradeSize()),
                        TraderJson.plain(row.maxTradeSize()),
                        row.maxDelaySeconds() == null
                                ? null
                                : Duration.ofSeconds(row.maxDelaySeconds()),
                        TraderJson.plain(row.maxPriceDeviationPercent())),
                row.copyExits(),
                TraderJson.plain(row.copyStopLossPercent()),
                ExitRulesJson.read(row.rules()),
                row.feedAccount());
    }

    /** A stored row as shown. */
    public static TraderSnapshot snapshot(StoredTrader row) {
        return new TraderSnapshot(
                row.id(), settings(row), row.createdAt(), row.updatedAt(), row.version());
    }

    private void refuseTakenName(String name, Long self) {
        List<?> taken =
                em.createNativeQuery("SELECT id FROM traders WHERE name = ?1 AND id <> ?2")
                        .setParameter(1, name)
                        .setParameter(2, self == null ? -1L : self)
                        .getResultList();
        if (!taken.isEmpty()) {
            throw TraderConflictException.nameTaken(name);
        }
    }

    /** Two requests for one new name at once: the unique key lets one through, here. */
    private void flush(String name) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (String.valueOf(e.getMessage()).contains("traders_name_key")) {
                throw TraderConflictException.nameTaken(name);
            }
            throw e;
        }
    }

    private static String rules(TraderSettings settings) {
        return ExitRulesJson.write(settings.rules()).toString();
    }

    static String newSecret() {
        byte[] secret = new byte[Trader.SECRET_LENGTH / 2];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }
}
