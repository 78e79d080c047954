package org.tickerdesk.history.control;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Optional;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SourceBars;
import org.tickerdesk.history.entity.WhatToShow;

/**
 * SPI for a source of historical bars: the simulation, IBKR, Yahoo Finance, an uploaded CSV file.
 * The collection job splits each instrument's range into windows no longer than {@link
 * #longestWindow} and asks for them one at a time from its own thread.
 *
 * <p>One call, one window: the bars of the window's series that the source has, each a checked bar
 * starting inside the window, plus those it sent that cannot be stored, each with its reason (the
 * job skips and counts them). An empty answer is an empty window, not a failure. The call blocks,
 * keeps the source's own pacing and ends within the timeout. It fails with a {@link
 * HistoryFailureException}: of a {@linkplain HistoryFailureException.Kind#isTransient() transient}
 * kind (TIMED_OUT, UNAVAILABLE: a lost connection, pacing, HTTP 5xx or 429) when trying again later
 * may succeed, so the job retries it with backoff; of any other kind (NO_SUCH_CONTRACT, REFUSED)
 * when no retry can cure it, and the window fails with the source's reason.
 *
 * <p>How an implementation is chosen, the pattern every SPI of Tickerdesk follows: each
 * implementation is a CDI bean or producer in the component that implements it (IBKR's in {@code
 * org.tickerdesk.ibkr.boundary}, the built-in ones beside this SPI), qualified with {@link
 * ConfiguredAs} naming the source it stands for. {@link HistorySources} is the one place a source
 * is selected; since each collection names its source, it selects by that name, and IBKR's only
 * when IBKR is configured. Consumers never know which implementation they got.
 */
public interface HistorySource {

    /** The source an implementation stands for. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @interface ConfiguredAs {
        HistorySourceName value();

        /** The qualifier in code, for {@code Instance.select}. */
        final class Literal extends AnnotationLiteral<ConfiguredAs> implements ConfiguredAs {
            private final HistorySourceName value;

            public Literal(HistorySourceName value) {
                this.value = value;
            }

            @Override
            public HistorySourceName value() {
                return value;
            }
        }
    }

    /** Recorded with every bar it delivers. */
    HistorySourceName name();

    /**
     * The longest range one request may cover for bars of this size, or empty when the source does
     * not serve the size at all (Yahoo has no 1s bars): the job refuses such a collection up front.
     */
    Optional<Duration> longestWindow(BarSize barSize);

    /**
     * How far back from now the source keeps bars of this size, or empty when it keeps them all:
     * the job refuses a collection reaching further back up front rather than fetching emptiness.
     */
    default Optional<Duration> reachBack(BarSize barSize) {
        return Optional.empty();
    }

    /**
     * Whether the source has bars of this series at all (Yahoo and CSV files have trades only): the
     * job refuses a collection of a series its source does not have.
     */
    default boolean serves(WhatToShow series) {
        return true;
    }

    /**
     * How many windows of this source may be in flight at once across every running collection; the
     * job runs at most that many instruments in parallel. IBKR's pacing gate keeps its own budget
     * on top.
     */
    int parallelism();

    SourceBars bars(HistoryWindow window, Duration timeout);

    /** A source that cannot be used here: every window fails with NO_SOURCE, saying why. */
    static HistorySource unavailable(HistorySourceName name, String why) {
        return new HistorySource() {
            @Override
            public HistorySourceName name() {
                return name;
            }

            @Override
            public Optional<Duration> longestWindow(BarSize barSize) {
                throw new HistoryFailureException(HistoryFailureException.Kind.NO_SOURCE, why);
            }

            @Override
            public int parallelism() {
                return 1;
            }

            @Override
            public SourceBars bars(HistoryWindow window, Duration timeout) {
                throw new HistoryFailureException(HistoryFailureException.Kind.NO_SOURCE, why);
            }
        };
    }
}
