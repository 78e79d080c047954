package org.tickerdesk.analytics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tickerdesk.analytics.control.AnalyticsInput;
import org.tickerdesk.analytics.control.AnalyticsInput.IndicatorQuery;
import org.tickerdesk.analytics.control.LiveAnalytics;
import org.tickerdesk.analytics.entity.IndicatorSpec;
import org.tickerdesk.analytics.entity.IndicatorValue;
import org.tickerdesk.history.entity.BarSize;

/**
 * Indicators over the candles of a live interval, stored bars first, computed when asked: one with
 * its recent values, or every one with its default period.
 */
@Path("v1/indicators")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorsResource {

    static final String ONE =
            "{\"symbol\":\"AAPL\",\"interval\":\"1m\",\"indicator\":\"macd\","
                    + "\"latest\":{\"t\":1763649060000,\"x\":false,\"macd\":0.12,\"signal\":0.1,"
                    + "\"histogram\":0.02},\"recent\":[{\"t\":1763649000000,\"macd\":0.11,"
                    + "\"signal\":0.095,\"histogram\":0.015},{\"t\":1763649060000,\"x\":false,"
                    + "\"macd\":0.12,\"signal\":0.1,\"histogram\":0.02}]}";

    static final String ALL =
            "{\"symbol\":\"AAPL\",\"interval\":\"1m\",\"indicators\":{"
                    + "\"sma20\":{\"t\":1763649060000,\"x\":false,\"value\":189.31},"
                    + "\"ema20\":{\"t\":1763649060000,\"x\":false,\"value\":189.35},"
                    + "\"rsi14\":{\"t\":1763649060000,\"x\":false,\"value\":61.2},"
                    + "\"macd\":{\"t\":1763649060000,\"x\":false,\"macd\":0.12,\"signal\":0.1,"
                    + "\"histogram\":0.02},\"bb20\":{\"t\":1763649060000,\"x\":false,"
                    + "\"upper\":189.9,\"middle\":189.31,\"lower\":188.72},"
                    + "\"atr14\":{\"t\":1763649060000,\"x\":false,\"value\":0.21},"
                    + "\"vwap\":{\"t\":1763649060000,\"x\":false,\"value\":189.02}}}";

    private static final String NAMES =
            "sma, ema, rsi, macd, bb, atr or vwap, optionally with a period (ema50, sma200, rsi7);"
                    + " defaults: sma20, ema20, rsi14, macd 12/26/9, bb20 (2 standard"
                    + " deviations), atr14, vwap (the session's, from 00:00 UTC; vwap30 rolls over"
                    + " 30 bars)";

    @Inject InstrumentIds instruments;

    @Inject LiveAnalytics analytics;

    @GET
    @Path("{symbol}/{type}")
    @Operation(
            summary = "One indicator: its latest value and its recent ones",
            description =
                    "Computed over the interval's candles, stored bars first and the live ones"
                            + " after; values are null until the series has enough bars for the"
                            + " period, and x is false on the candle still forming. Unknown"
                            + " parameters are refused.")
    @Parameter(
            name = "interval",
            in = ParameterIn.QUERY,
            description = "1m, 5m, 15m, 1h or 1d; default 1m",
            example = "1m")
    @Parameter(
            name = "period",
            in = ParameterIn.QUERY,
            description = "1 to 500, instead of the type's default (not for macd)",
            example = "50")
    @Parameter(
            name = "limit",
            in = ParameterIn.QUERY,
            description = "How many recent values, 1 to 500, default 20",
            example = "20")
    @APIResponse(
            responseCode = "200",
            description = "The indicator; latest is null while there are no candles",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Indicator"),
                            examples = @ExampleObject(name = "macd", value = ONE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Bad type, interval, period or limit, each named (code"
                            + " invalid_analytics_request)")
    @APIResponse(responseCode = "404", description = "Unknown instrument (code unknown_instrument)")
    public JsonObject one(
            @Parameter(description = "The symbol, e.g. AAPL", example = "AAPL") @PathParam("symbol")
                    String symbol,
            @Parameter(description = NAMES, example = "ema50") @PathParam("type") String type,
            @Context UriInfo uri) {
        IndicatorQuery query = AnalyticsInput.indicator(type, uri.getQueryParameters());
        instruments.id(symbol);
        List<IndicatorValue> recent =
                analytics.indicator(symbol, query.interval(), query.spec(), query.limit());
        return AnalyticsJson.indicator(symbol, query.interval(), query.spec().name(), recent);
    }

    @GET
    @Path("{symbol}")
    @Operation(
            summary = "Every indicator with its default period, at the latest candle",
            description =
                    "sma20, ema20, rsi14, macd, bb20, atr14 and vwap, each as its latest value;"
                            + " an indicator is left out while there are no candles.")
    @Parameter(
            name = "interval",
            in = ParameterIn.QUERY,
            description = "1m, 5m, 15m, 1h or 1d; default 1m",
            example = "1m")
    @APIResponse(
            responseCode = "200",
            description = "The indicators by name",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Indicators"),
                            examples = @ExampleObject(name = "AAPL", value = ALL)))
    @APIResponse(
            responseCode = "400",
            description = "Bad interval or an unknown parameter (code invalid_analytics_request)")
    @APIResponse(responseCode = "404", description = "Unknown instrument (code unknown_instrument)")
    public JsonObject all(
            @Parameter(description = "The symbol, e.g. AAPL", example = "AAPL") @PathParam("symbol")
                    String symbol,
            @Context UriInfo uri) {
        BarSize interval = AnalyticsInput.defaults(uri.getQueryParameters());
        instruments.id(symbol);
        List<IndicatorValue> latest =
                IndicatorSpec.DEFAULTS.stream()
                        .flatMap(spec -> analytics.indicator(symbol, interval, spec, 1).stream())
                        .toList();
        return AnalyticsJson.indicators(symbol, interval, latest);
    }
}
