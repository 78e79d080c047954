package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.platform.entity.FieldError;

/**
 * What a collection must be before it is started, every fault at once and each naming its field:
 * instruments Tickerdesk knows, each once; a source that is here and serves the bar size and the
 * series; a range that does not reach into the future.
 */
@ApplicationScoped
public class CollectionChecks {

    @Inject InstrumentCatalog catalog;

    @Inject HistorySources sources;

    @Inject Clock clock;

    public void check(CollectionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String symbol : request.symbols()) {
            if (!seen.add(symbol)) {
                errors.add(new FieldError("instruments", symbol + " is named twice"));
            } else if (catalog.find(symbol).isEmpty()) {
                errors.add(
                        new FieldError(
                                "instruments",
                                symbol
                                        + " is not an instrument Tickerdesk knows; add it first"
                                        + " (POST /api/v1/instruments)"));
            }
        }
        HistorySource source = sources.named(request.source());
        try {
            Optional<Duration> longest = source.longestWindow(request.barSize());
            if (longest.isEmpty()) {
                errors.add(
                        new FieldError(
                                "barSize",
                                request.source().wire()
                                        + " has no "
                                        + request.barSize().label()
                                        + " bars"));
            }
            if (!source.serves(request.whatToShow())) {
                errors.add(
                        new FieldError(
                                "whatToShow",
                                request.source().wire()
                                        + " has no "
                                        + request.whatToShow()
                                        + " series; use TRADES"));
            }
            Optional<Duration> reach = source.reachBack(request.barSize());
            Instant now = clock.instant();
            if (reach.isPresent()
                    && request.from() != null
                    && request.from().isBefore(now.minus(reach.get()))) {
                errors.add(
                        new FieldError(
                                "from",
                                request.source().wire()
                                        + " keeps "
                                        + request.barSize().label()
                                        + " bars for the last "
                                        + reach.get().toDays()
                                        + " days only; 'from' "
                                        + request.from()
                                        + " is further back"));
            }
        } catch (HistoryFailureException e) {
            errors.add(new FieldError("source", e.getMessage()));
        }
        Instant now = clock.instant();
        if (request.from() != null && !request.from().isBefore(now)) {
            errors.add(new FieldError("from", "'from' " + request.from() + " is not in the past"));
        }
        if (request.to() != null && request.to().isAfter(now)) {
            errors.add(
                    new FieldError(
                            "to",
                            "'to' "
                                    + request.to()
                                    + " is in the future; use \"now\" to collect up to now"));
        }
        if (!errors.isEmpty()) {
            throw HistoryFailureException.invalid(errors);
        }
    }
}
