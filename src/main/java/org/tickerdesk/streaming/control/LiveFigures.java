package org.tickerdesk.streaming.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tickerdesk.analytics.control.CandleAggregator;
import org.tickerdesk.analytics.control.LiveAnalytics;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.analytics.entity.IndicatorSpec;
import org.tickerdesk.analytics.entity.IndicatorValue;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.streaming.entity.ErrorCode;
import org.tickerdesk.streaming.entity.ProtocolViolationException;
import org.tickerdesk.streaming.entity.StreamKind;
import org.tickerdesk.streaming.entity.StreamName;

/**
 * The candle and indicator streams: {@code candles:<SYM>:<interval>} for the live intervals, and
 * {@code indicators:<SYM>:<name>:<interval>}, each for one symbol (no {@code *}: a chart draws one
 * symbol). The values come from analytics as they change; an indicator is computed only while some
 * client subscribes to it, so subscribing asks analytics for it and leaving releases it.
 */
final class LiveFigures {

    /** One indicator of one symbol's candles, however its subscribers spelled it. */
    private record Wanted(String symbol, BarSize interval, IndicatorSpec spec) {}

    private final LiveAnalytics analytics;

    /**
     * The stream names subscribed for each wanted indicator, with their subscriptions: {@code bb}
     * and {@code bb20} are one indicator, and each subscriber gets it on the stream it named.
     */
    private final Map<Wanted, Map<String, Integer>> names = new HashMap<>();

    private final StreamFamily<Candle> candles;
    private final StreamFamily<IndicatorValue> indicators;

    LiveFigures(LiveAnalytics analytics, StreamContext context) {
        this.analytics = analytics;
        candles =
                new StreamFamily<>(
                        new StreamFamily.Traits<>(
                                StreamKind.CANDLES,
                                new DataStream.Shape<>(
                                        CandleFrames.CANDLE, CandleFrames::candle, 1),
                                false,
                                true,
                                this::latestCandle),
                        context);
        indicators =
                new StreamFamily<>(
                        new StreamFamily.Traits<>(
                                StreamKind.INDICATORS,
                                new DataStream.Shape<>(
                                        CandleFrames.INDICATOR, CandleFrames::indicator, 1),
                                false,
                                true,
                                this::latestValue),
                        context);
    }

    StreamFamily<Candle> candles() {
        return candles;
    }

    StreamFamily<IndicatorValue> indicators() {
        return indicators;
    }

    void publish(Candle candle) {
        candles.publish(
                StreamName.of(StreamKind.CANDLES, candle.symbol())
                        + ":"
                        + candle.interval().label(),
                candle);
    }

    void publish(IndicatorValue value) {
        List<String> streams;
        synchronized (names) {
            Map<String, Integer> named =
                    names.get(new Wanted(value.symbol(), value.interval(), value.spec()));
            streams = named == null ? List.of() : List.copyOf(named.keySet());
        }
        streams.forEach(stream -> indicators.publish(stream, value));
    }

    /**
     * Refuses what analytics does not compute: a wildcard, an interval without live candles, an
     * indicator it does not know.
     */
    static void check(StreamName name) {
        if (name.everySymbol()) {
            throw new ProtocolViolationException(
                    ErrorCode.BAD_REQUEST,
                    name.text()
                            + ": candles and indicators are per symbol; name one, such as AAPL");
        }
        if (name.kind() == StreamKind.INDICATORS) {
            spec(name);
        }
        interval(name);
    }

    /** Analytics computes the indicator from now on, for this subscription. */
    void want(StreamName name) {
        if (name.kind() == StreamKind.INDICATORS) {
            Wanted wanted = new Wanted(name.symbol(), interval(name), spec(name));
            synchronized (names) {
                names.computeIfAbsent(wanted, w -> new HashMap<>())
                        .merge(name.text(), 1, Integer::sum);
            }
            analytics.want(wanted.symbol(), wanted.interval(), wanted.spec());
        }
    }

    void release(StreamName name) {
        if (name.kind() == StreamKind.INDICATORS) {
            Wanted wanted = new Wanted(name.symbol(), interval(name), spec(name));
            synchronized (names) {
                Map<String, Integer> named = names.get(wanted);
                if (named != null) {
                    named.computeIfPresent(
                            name.text(), (text, count) -> count == 1 ? null : count - 1);
                    if (named.isEmpty()) {
                        names.remove(wanted);
                    }
                }
            }
            analytics.release(wanted.symbol(), wanted.interval(), wanted.spec());
        }
    }

    private List<Candle> latestCandle(String stream) {
        StreamName name = StreamName.parse(stream);
        List<Candle> kept = analytics.candles(name.symbol(), interval(name));
        return kept.isEmpty() ? List.of() : List.of(kept.get(kept.size() - 1));
    }

    private List<IndicatorValue> latestValue(String stream) {
        StreamName name = StreamName.parse(stream);
        return analytics.indicator(name.symbol(), interval(name), spec(name), 1);
    }

    private static BarSize interval(StreamName name) {
        String label = name.qualifiers().get(name.qualifiers().size() - 1);
        Optional<BarSize> interval =
                CandleAggregator.INTERVALS.stream()
                        .filter(i -> i.label().equals(label))
                        .findFirst();
        return interval.orElseThrow(
                () ->
                        new ProtocolViolationException(
                                ErrorCode.UNKNOWN_STREAM,
                                name.text()
                                        + ": live intervals are "
                                        + CandleAggregator.INTERVALS.stream()
                                                .map(BarSize::label)
                                                .toList()));
    }

    private static IndicatorSpec spec(StreamName name) {
        try {
            return IndicatorSpec.parse(name.qualifiers().get(0));
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolationException(
                    ErrorCode.UNKNOWN_STREAM, name.text() + ": " + e.getMessage());
        }
    }
}
