package org.tickerdesk.resolution.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.entity.LatestQuote;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.resolution.entity.Outcome;
import org.tickerdesk.resolution.entity.Resolution;

/**
 * The {@code simulated} source: the simulated market's instruments resolve on schedule, the day
 * after their expiry (UTC). An event contract's outcome is drawn from the simulation's seed and the
 * symbol, so the same seed always resolves it the same way; a future or an option settles at the
 * last price the simulated market quoted for it. Before its expiry nothing resolves, and an expired
 * instrument the market never quoted cannot be settled: that is said, not guessed.
 */
@ApplicationScoped
@ResolutionSource.Kind(ResolutionSources.SIMULATED)
public class SimulatedResolution implements ResolutionSource {

    @Inject Clock clock;

    @Inject QuoteStore quotes;

    @Inject
    @ConfigProperty(name = "tickerdesk.sim.seed")
    long seed;

    @Override
    public Optional<Resolution> resolve(Contract contract) {
        return resolve(
                contract,
                LocalDate.now(clock),
                seed,
                symbol -> quotes.lastKnown(symbol).map(LatestQuote::quote));
    }

    static Optional<Resolution> resolve(
            Contract contract,
            LocalDate today,
            long seed,
            Function<String, Optional<Quote>> lastQuote) {
        if (contract.expiry() == null || !contract.expiry().isBefore(today)) {
            return Optional.empty();
        }
        if (contract.kind() == InstrumentKind.EVENT) {
            Outcome outcome = outcome(seed, contract.symbol());
            return Optional.of(
                    Resolution.of(
                            outcome,
                            "The simulated market's outcome for seed "
                                    + seed
                                    + ", after the expiry on "
                                    + contract.expiry()));
        }
        Quote quote =
                lastQuote
                        .apply(contract.symbol())
                        .orElseThrow(
                                () ->
                                        new ResolutionFailedException(
                                                "The simulated market has no price for "
                                                        + contract.symbol()
                                                        + " to settle it at: it has never quoted"
                                                        + " it (put it on the watchlist)"));
        BigDecimal price = price(quote);
        return Optional.of(
                new Resolution(
                        price,
                        null,
                        "The simulated market's last price "
                                + price.toPlainString()
                                + " at "
                                + Instant.ofEpochSecond(0, quote.timestampMicros() * 1_000)
                                + ", after the expiry on "
                                + contract.expiry()));
    }

    /**
     * YES or NO, from the seed and the symbol alone; String.hashCode is specified, so the draw is
     * the same on every JVM.
     */
    static Outcome outcome(long seed, String symbol) {
        long mixed = seed * 0x9E3779B97F4A7C15L ^ symbol.hashCode();
        return new SplittableRandom(mixed).nextBoolean() ? Outcome.YES : Outcome.NO;
    }

    /** The last trade, else the middle of bid and ask; never below zero. */
    private static BigDecimal price(Quote quote) {
        double price =
                Double.isFinite(quote.last()) ? quote.last() : (quote.bid() + quote.ask()) / 2;
        if (!Double.isFinite(price)) {
            throw new ResolutionFailedException(
                    "The simulated market's last quote of "
                            + quote.symbol()
                            + " has no price to settle it at");
        }
        BigDecimal decimal = BigDecimal.valueOf(Math.max(price, 0)).stripTrailingZeros();
        if (decimal.scale() > 8) {
            decimal = decimal.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }
}
