package org.tickerdesk.resolution.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.control.UnknownInstrumentException;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.resolution.entity.Resolution;
import org.tickerdesk.resolution.entity.ResolutionChanged;
import org.tickerdesk.resolution.entity.ResolutionOverview;
import org.tickerdesk.resolution.entity.ResolutionRun;
import org.tickerdesk.resolution.entity.ResolutionRunFinished;
import org.tickerdesk.resolution.entity.ResolutionSnapshot;
import org.tickerdesk.resolution.entity.ResolutionState;
import org.tickerdesk.resolution.entity.SourceAnswer;
import org.tickerdesk.trading.control.PositionStore;
import org.tickerdesk.trading.control.Settlement;

/**
 * Resolution and settlement: the run that asks the configured source about every instrument past
 * its expiry (and every event contract, whose outcome may be out before it) that has open positions
 * or no resolution yet, and an admin's resolution entered by hand. What is resolved is settled at
 * once; what cannot be determined stays awaiting with the reason, never guessed.
 */
@ApplicationScoped
public class Resolutions {

    private static final Logger LOG = Logger.getLogger(Resolutions.class.getName());

    @Inject InstrumentCatalog catalog;

    @Inject ResolutionStore store;

    @Inject PositionStore positions;

    @Inject Settlement settlement;

    /** The configured one, chosen by {@link ResolutionSources}. */
    @Inject ResolutionSource source;

    @Inject ResolutionSources sources;

    @Inject Clock clock;

    /** Each stored change and each run, for the {@code resolutions} stream and the page. */
    @Inject Event<ResolutionChanged> changed;

    @Inject Event<ResolutionRunFinished> runs;

    /**
     * One run. Runs one at a time: the scheduled run and a "resolve now" never ask a source about
     * the same instrument twice at once.
     */
    public synchronized ResolutionRun run() {
        LocalDate today = LocalDate.now(clock);
        Map<String, ResolutionSnapshot> stored = bySymbol(store.all());
        Set<String> held = positions.heldSymbols();
        int asked = 0;
        int resolved = 0;
        int settled = 0;
        int awaiting = 0;
        List<String> failures = new ArrayList<>();
        for (Instrument instrument : catalog.all()) {
            String symbol = instrument.symbol();
            ResolutionSnapshot known = stored.get(symbol);
            if (!instrument.kind().expires()) {
                continue;
            }
            if (known != null && known.state() == ResolutionState.RESOLVED) {
                if (held.contains(symbol)) {
                    try {
                        ResolutionStore.Settled done =
                                store.resolve(symbol, known.resolution(), known.source(), now());
                        settled += settle(done);
                        if (!done.positions().isEmpty()) {
                            announce(instrument, done.resolution());
                        }
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, e, () -> "Settling " + symbol + " failed");
                        failures.add(symbol + ": settling its positions failed: " + e);
                    }
                }
                continue;
            }
            boolean expired = instrument.expiredOn(today);
            if (!expired && instrument.kind() != InstrumentKind.EVENT) {
                continue;
            }
            asked++;
            try {
                String name = sources.configured();
                SourceAnswer answer = source.answer(instrument.contract());
                Optional<Resolution> found = answer.found();
                if (found.isPresent()) {
                    ResolutionStore.Settled done = store.resolve(symbol, found.get(), name, now());
                    settled += settle(done);
                    resolved++;
                    announce(instrument, done.resolution());
                } else if (expired) {
                    announce(
                            instrument,
                            store.awaiting(
                                    symbol,
                                    answer.reason()
                                            .orElseGet(() -> cannotTell(name, instrument.kind())),
                                    now()));
                    awaiting++;
                }
            } catch (ResolutionFailedException | IllegalArgumentException e) {
                failed(instrument, expired, e.getMessage(), failures);
                awaiting += expired ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Resolving " + symbol + " failed");
                failed(instrument, expired, "The resolution source failed: " + e, failures);
                awaiting += expired ? 1 : 0;
            }
        }
        ResolutionRun run = new ResolutionRun(asked, resolved, settled, awaiting, failures);
        runs.fire(new ResolutionRunFinished(run, now()));
        if (resolved > 0 || settled > 0 || !failures.isEmpty()) {
            LOG.info(() -> "Resolution: " + run.summary());
        }
        return run;
    }

    private void failed(Instrument instrument, boolean expired, String why, List<String> failures) {
        failures.add(instrument.symbol() + ": " + why);
        if (expired) {
            announce(instrument, store.awaiting(instrument.symbol(), why, now()));
        }
    }

    private static String cannotTell(String source, InstrumentKind kind) {
        String what = kind == InstrumentKind.EVENT ? "outcome" : "settlement price";
        if (source.equals(ResolutionSources.MANUAL)) {
            return "Waiting for an admin to enter the "
                    + what
                    + " (the resolution source is manual)";
        }
        return "The " + source + " source cannot tell the " + what + " yet";
    }

    /**
     * An admin's resolution: stored as the {@code manual} source's and the instrument's open
     * positions settled at it. Entered again at the same value it settles nothing more (unless
     * positions were opened since); at another value it is refused.
     *
     * @param who who entered it, for its basis ("admin over the API")
     * @throws UnknownInstrumentException when no instrument has the symbol
     * @throws NotResolvableException for a stock
     * @throws InvalidResolutionException naming the field at fault
     * @throws ResolutionConflictException when it was resolved at another value
     */
    public ResolutionStore.Settled enter(String symbol, ResolutionInput input, String who) {
        Instrument instrument =
                catalog.find(symbol).orElseThrow(() -> new UnknownInstrumentException(symbol));
        if (!instrument.kind().expires()) {
            throw new NotResolvableException(symbol);
        }
        Resolution resolution = input.toResolution(instrument.kind(), "Entered by " + who);
        ResolutionStore.Settled done =
                store.resolve(symbol, resolution, ResolutionSources.MANUAL, now());
        settle(done);
        announce(instrument, done.resolution());
        return done;
    }

    /**
     * Every instrument awaiting resolution or resolved: those stored, and those past their expiry
     * that no run has asked about yet; awaiting ones first, then by symbol.
     */
    public List<ResolutionOverview> overview() {
        LocalDate today = LocalDate.now(clock);
        Map<String, Instrument> instruments = new HashMap<>();
        catalog.all().forEach(i -> instruments.put(i.symbol(), i));
        Map<String, ResolutionSnapshot> stored = bySymbol(store.all());
        List<ResolutionOverview> list = new ArrayList<>();
        for (ResolutionSnapshot resolution : stored.values()) {
            list.add(
                    overview(
                            resolution.symbol(), instruments.get(resolution.symbol()), resolution));
        }
        String source;
        try {
            source = sources.configured();
        } catch (IllegalArgumentException e) {
            source = "configured";
        }
        for (Instrument instrument : instruments.values()) {
            if (!stored.containsKey(instrument.symbol()) && instrument.expiredOn(today)) {
                list.add(
                        overview(
                                instrument.symbol(),
                                instrument,
                                new ResolutionSnapshot(
                                        instrument.symbol(),
                                        ResolutionState.AWAITING,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        0,
                                        null,
                                        "Expired on "
                                                + instrument.contract().expiry()
                                                + "; the next resolution run asks the "
                                                + source
                                                + " source")));
            }
        }
        list.sort(
                Comparator.comparing((ResolutionOverview o) -> !o.awaiting())
                        .thenComparing(ResolutionOverview::symbol));
        return list;
    }

    /** One instrument's resolution beside what the instrument is. */
    public ResolutionOverview overviewOf(String symbol, ResolutionSnapshot resolution) {
        return overview(symbol, catalog.find(symbol).orElse(null), resolution);
    }

    /** The configured source's name, or what is wrong with the setting. */
    public String sourceName() {
        try {
            return sources.configured();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static ResolutionOverview overview(
            String symbol, Instrument instrument, ResolutionSnapshot resolution) {
        return new ResolutionOverview(
                symbol,
                instrument == null ? null : instrument.kind(),
                instrument == null ? null : instrument.contract().expiry(),
                instrument == null ? null : instrument.description(),
                resolution);
    }

    private void announce(Instrument instrument, ResolutionSnapshot resolution) {
        changed.fire(new ResolutionChanged(overview(instrument.symbol(), instrument, resolution)));
    }

    private int settle(ResolutionStore.Settled done) {
        if (!done.positions().isEmpty()) {
            settlement.settled(done.positions());
        }
        return done.positions().size();
    }

    private Instant now() {
        return clock.instant();
    }

    private static Map<String, ResolutionSnapshot> bySymbol(List<ResolutionSnapshot> all) {
        Map<String, ResolutionSnapshot> map = new HashMap<>();
        all.forEach(r -> map.put(r.symbol(), r));
        return map;
    }
}
