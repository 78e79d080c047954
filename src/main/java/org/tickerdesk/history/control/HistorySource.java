package org.tickerdesk.history.control;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.platform.entity.SourceName;

/**
 * SPI for a source of historical bars (IBKR). One call, one window: the bars of the window's series
 * that the source has, each a checked {@link Bar}, or an empty list when it has none there. The
 * call blocks, keeps the source's own pacing and ends within the timeout, so the collection job can
 * call it window by window from its own thread. It fails with a {@link HistoryFailureException} of
 * kind NO_SUCH_CONTRACT, REFUSED, CORRUPT_DATA (nothing of the window may then be stored) or
 * TIMED_OUT.
 *
 * <p>How an implementation is chosen, the pattern every SPI of Tickerdesk follows: each
 * implementation is a CDI bean or producer in the component that implements it (IBKR's in {@code
 * org.tickerdesk.ibkr.boundary}, a built-in one beside this SPI), qualified with {@link
 * ConfiguredAs} naming the configured kind it stands for. {@link HistorySources} is the one place
 * the configured name is read and the matching implementation selected; consumers inject the SPI
 * unqualified and never know which implementation they got. Today IBKR is the only source, used
 * whenever IBKR is configured; without it every fetch fails with NO_SOURCE.
 */
public interface HistorySource {

    /** The upstream an implementation draws its bars from. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @interface ConfiguredAs {
        SourceName value();

        /** The qualifier in code, for {@code Instance.select}. */
        final class Literal extends AnnotationLiteral<ConfiguredAs> implements ConfiguredAs {
            private final SourceName value;

            public Literal(SourceName value) {
                this.value = value;
            }

            @Override
            public SourceName value() {
                return value;
            }
        }
    }

    /** Recorded with every bar it delivers: {@code ibkr}. */
    String name();

    List<Bar> bars(HistoryWindow window, Duration timeout);

    /** The source where none is configured: every window fails with NO_SOURCE, saying why. */
    static HistorySource unavailable(String why) {
        return new HistorySource() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public List<Bar> bars(HistoryWindow window, Duration timeout) {
                throw new HistoryFailureException(HistoryFailureException.Kind.NO_SOURCE, why);
            }
        };
    }
}
