/*
 * The Data page's series: its stored range, bar count and gaps from /api/v1/bars/SYM/coverage, a
 * strip of the range with the gaps marked, and a candlestick chart (ECharts) over a time axis that
 * spans the whole stored range. Only the candles of the range in view are loaded: when the chart is
 * zoomed or panned, the candles of the new range replace the old, at most MAX_CANDLES of them, of
 * the series' bar size when the range holds few enough bars, else of a coarser interval. So years of
 * 1-minute bars are browsed without loading them all.
 */
(function () {
    "use strict";
    var view = document.getElementById("dataView");
    if (!view || !view.getAttribute("data-symbol") || !window.echarts) {
        return;
    }
    var MAX_CANDLES = 2000;
    var INTERVALS = [["1m", 60], ["5m", 300], ["15m", 900], ["30m", 1800], ["1h", 3600], ["4h", 14400],
        ["1d", 86400], ["1w", 604800], ["1M", 2592000]];
    var api = view.getAttribute("data-api");
    var symbol = view.getAttribute("data-symbol");
    var barSize = view.getAttribute("data-bar-size");
    var barMillis = Number(view.getAttribute("data-bar-seconds")) * 1000;
    var whatToShow = view.getAttribute("data-what-to-show");
    var note = document.getElementById("chartNote");
    var chart = window.echarts.init(document.getElementById("chart"));
    var range = null;
    var latestRequest = 0;
    var zoomTimer = null;

    function millis(value) {
        return typeof value === "number" ? value : Date.parse(value);
    }

    function day(ms) {
        return new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
    }

    function say(text) {
        note.textContent = text;
    }

    function get(path) {
        return window.fetch(api + path, {credentials: "same-origin", headers: {Accept: "application/json"}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status + " from " + path);
                }
                return response.json();
            });
    }

    function summary(coverage) {
        document.getElementById("dataCount").textContent =
            coverage.count === null ? "–" : Number(coverage.count).toLocaleString("en-US");
        document.getElementById("dataFirst").textContent = coverage.first ? day(millis(coverage.first)) : "–";
        document.getElementById("dataLast").textContent = coverage.last ? day(millis(coverage.last)) : "–";
        document.getElementById("dataGaps").textContent = coverage.gaps ? String(coverage.gaps.length) : "–";
    }

    /* The stored range as a strip; each gap a red mark placed by its share of the range. */
    function strip(coverage) {
        var bar = document.getElementById("coverage");
        bar.textContent = "";
        bar.classList.add("td-coverage-stored");
        var span = Math.max(range.to - range.from, 1);
        coverage.gaps.forEach(function (gap) {
            var from = millis(gap.from);
            var to = millis(gap.to);
            var mark = document.createElement("span");
            mark.className = "td-gap";
            mark.style.left = (100 * (from - range.from) / span) + "%";
            mark.style.width = Math.max(0.3, 100 * (to - from) / span) + "%";
            mark.title = "No bars from " + day(from) + " to " + day(to);
            mark.addEventListener("click", function () {
                var margin = Math.max(to - from, barMillis * 10);
                chart.dispatchAction({type: "dataZoom", startValue: from - margin, endValue: to + margin});
            });
            bar.appendChild(mark);
        });
    }

    /* The finest interval, no finer than the series' bars, of which the range holds few enough. */
    function interval(from, to) {
        if ((to - from) / barMillis <= MAX_CANDLES) {
            return barSize;
        }
        var coarser = INTERVALS.filter(function (i) {
            return i[1] * 1000 >= barMillis;
        });
        for (var k = 0; k < coarser.length; k++) {
            if ((to - from) / (coarser[k][1] * 1000) <= MAX_CANDLES) {
                return coarser[k][0];
            }
        }
        return coarser.length ? coarser[coarser.length - 1][0] : barSize;
    }

    function candlesPath(size, from, to) {
        return "/candles/" + encodeURIComponent(symbol) + "?interval=" + encodeURIComponent(size) +
            "&from=" + day(from) + "&to=" + day(to) + "&limit=" + MAX_CANDLES;
    }

    function draw(answer, size) {
        var data = answer.candles.map(function (c) {
            return [c.t, c.o, c.c, c.l, c.h, c.v];
        });
        chart.setOption({series: [{data: data}]});
        var shown = data.length + " candles of " + size +
            (data.length ? " from " + day(data[0][0]) + " to " + day(data[data.length - 1][0]) : "");
        if (data.length >= MAX_CANDLES) {
            shown += ": the first " + MAX_CANDLES + " of this range; zoom in to see the rest";
        }
        if (whatToShow !== "TRADES") {
            shown += ". The chart draws the candles of trades; the counts above are of " + whatToShow;
        }
        say(shown + ".");
    }

    /*
     * Loads the candles of [from, to). A coarser interval that the API cannot serve falls back to the
     * series' own bars; an answer overtaken by a newer zoom is dropped.
     */
    function load(from, to) {
        var request = ++latestRequest;
        var size = interval(from, to);
        say("Loading candles…");
        return get(candlesPath(size, from, to))
            .catch(function (failure) {
                if (size === barSize) {
                    throw failure;
                }
                size = barSize;
                return get(candlesPath(size, from, to));
            })
            .then(function (answer) {
                if (request === latestRequest) {
                    draw(answer, size);
                }
            })
            .catch(function (failure) {
                if (request === latestRequest) {
                    say("The candles could not be read: " + failure.message);
                }
            });
    }

    function visible() {
        var zoom = chart.getOption().dataZoom[0];
        var span = range.to - range.from;
        return [range.from + span * zoom.start / 100, range.from + span * zoom.end / 100];
    }

    function setUp() {
        var up = "#0f8a4b";
        var down = "#c62f2f";
        chart.setOption({
            animation: false,
            tooltip: {trigger: "axis", axisPointer: {type: "cross"}},
            grid: {left: 70, right: 30, top: 20, bottom: 80},
            xAxis: {type: "time", min: range.from, max: range.to},
            yAxis: {type: "value", scale: true},
            dataZoom: [{type: "inside", filterMode: "weakFilter"}, {type: "slider", filterMode: "weakFilter"}],
            series: [{
                type: "candlestick",
                name: symbol,
                encode: {x: 0, y: [1, 2, 3, 4]},
                itemStyle: {color: up, color0: down, borderColor: up, borderColor0: down},
                data: []
            }]
        });
        chart.on("datazoom", function () {
            window.clearTimeout(zoomTimer);
            zoomTimer = window.setTimeout(function () {
                var shown = visible();
                load(shown[0], shown[1]);
            }, 250);
        });
        window.addEventListener("resize", function () {
            chart.resize();
        });
    }

    get("/bars/" + encodeURIComponent(symbol) + "/coverage?barSize=" + encodeURIComponent(barSize) +
        "&whatToShow=" + encodeURIComponent(whatToShow))
        .then(function (coverage) {
            summary(coverage);
            if (!coverage.count || !coverage.first) {
                say("No " + symbol + " " + barSize + " " + whatToShow + " bars are stored: collect them on the Collect page.");
                return;
            }
            range = {from: millis(coverage.first), to: millis(coverage.last) + barMillis};
            strip(coverage);
            setUp();
            load(range.from, range.to);
        })
        .catch(function (failure) {
            summary({count: null, first: null, last: null, gaps: null});
            say("The stored bars could not be read: " + failure.message);
        });
}());
