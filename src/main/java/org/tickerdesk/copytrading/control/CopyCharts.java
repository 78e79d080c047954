package org.tickerdesk.copytrading.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.copytrading.entity.CurveChanged;
import org.tickerdesk.copytrading.entity.FidelitySeries;
import org.tickerdesk.copytrading.entity.IntakeStatus;
import org.tickerdesk.copytrading.entity.PnlCurve;
import org.tickerdesk.platform.control.Lane;
import org.tickerdesk.trading.control.BookPnl;
import org.tickerdesk.trading.control.ClosedPnl;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.PositionChanged;
import org.tickerdesk.trading.entity.PositionOrigin;

/**
 * The data of the copy-trading charts: each trader's copied P&amp;L curve ({@link PnlCurves}), read
 * through trading's positions by the trader's book, and a trader's copy fidelity over time ({@link
 * CopyFidelity}) from the newest {@link #FIDELITY_WINDOW} copies of the intake.
 *
 * <p>When a copied position changes (opened, reduced, closed) its trader's curve is read again and
 * announced ({@link CurveChanged}) for the {@code traders} stream: on a thread of the server's, not
 * on the order desk's lane that reported the change, and once for however many changes of the
 * trader arrived while the last read ran.
 */
@ApplicationScoped
public class CopyCharts {

    public static final int FIDELITY_WINDOW = 1000;

    private static final Logger LOG = Logger.getLogger(CopyCharts.class.getName());

    @Inject Positions positions;

    @Inject IntakeLog intake;

    @Inject Clock clock;

    @Inject Event<CurveChanged> changed;

    @Resource ManagedThreadFactory threads;

    /**
     * Where the curves are read again: a thread of its own, so the order desk's lane only notes.
     */
    private Lane reads;

    private final Set<Long> changedPositions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean queued = new AtomicBoolean();

    @PostConstruct
    void open() {
        reads = Lane.open(threads);
    }

    @PreDestroy
    void close() {
        reads.close();
    }

    /** Every trader's curve that has a copied position, by trader id, in two queries. */
    public Map<Long, PnlCurve> curves() {
        Instant now = clock.instant();
        Map<Long, List<ClosedPnl>> closes = new HashMap<>();
        for (ClosedPnl close : positions.closedInBooks(CopyDecisions.BOOKS, PnlCurves.CLOSES)) {
            trader(close.book())
                    .ifPresent(id -> closes.computeIfAbsent(id, k -> new ArrayList<>()).add(close));
        }
        Map<Long, BookPnl> books = new HashMap<>();
        for (BookPnl book : positions.pnlOfBooks(CopyDecisions.BOOKS)) {
            trader(book.book()).ifPresent(id -> books.put(id, book));
        }
        Set<Long> traders = new HashSet<>(closes.keySet());
        traders.addAll(books.keySet());
        Map<Long, PnlCurve> curves = new HashMap<>();
        for (long id : traders) {
            curves.put(
                    id, PnlCurves.of(id, closes.getOrDefault(id, List.of()), books.get(id), now));
        }
        return curves;
    }

    /** One trader's curve; empty without a copied position. */
    public PnlCurve curve(long traderId) {
        String book = CopyDecisions.book(traderId);
        Instant now = clock.instant();
        BookPnl pnl =
                positions.pnlOfBooks(book).stream()
                        .filter(b -> b.book().equals(book))
                        .findFirst()
                        .orElse(null);
        return PnlCurves.of(traderId, positions.closedInBook(book, PnlCurves.CLOSES), pnl, now);
    }

    /** One trader's fidelity over their newest {@link #FIDELITY_WINDOW} copies. */
    public FidelitySeries fidelity(long traderId) {
        return CopyFidelity.of(
                traderId,
                FIDELITY_WINDOW,
                intake.list(traderId, IntakeStatus.COPIED, FIDELITY_WINDOW));
    }

    /** After the commit, on the order desk's lane: only noted here, read on another thread. */
    void onPositionChanged(@Observes PositionChanged change) {
        if (change.position().origin() != PositionOrigin.COPY) {
            return;
        }
        changedPositions.add(change.position().id());
        if (queued.compareAndSet(false, true)) {
            try {
                reads.execute(this::drain);
            } catch (RuntimeException e) {
                queued.set(false);
                LOG.log(Level.WARNING, "The copied P&L curves could not be read again now", e);
            }
        }
    }

    private void drain() {
        try {
            while (!changedPositions.isEmpty()) {
                Set<Long> traders = new HashSet<>();
                for (Long id : List.copyOf(changedPositions)) {
                    changedPositions.remove(id);
                    positions.bookOf(id).flatMap(CopyCharts::trader).ifPresent(traders::add);
                }
                for (long trader : traders) {
                    changed.fire(new CurveChanged(curve(trader)));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A copied P&L curve could not be read again", e);
        } finally {
            queued.set(false);
            if (!changedPositions.isEmpty() && queued.compareAndSet(false, true)) {
                reads.execute(this::drain);
            }
        }
    }

    /** The trader a book of {@link CopyDecisions#book} belongs to. */
    static Optional<Long> trader(String book) {
        if (book == null || !book.startsWith(CopyDecisions.BOOKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(book.substring(CopyDecisions.BOOKS.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
