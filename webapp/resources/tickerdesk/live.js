/*
 * The Live page: a price tile for each followed symbol and a live candlestick chart of one of them,
 * all over the page's TickerdeskStream.
 *
 * Tiles: each followed symbol's quotes:SYM stream (the subscription is also what has a
 * demand-driven source stream the symbol; closing it lets go). A tile shows last, bid and ask, the
 * change in % from the price 24 hours ago (GET /api/v1/stats/SYM, read when the tile starts and
 * after a reconnect that could not resume, then applied to every new last price) and a stale
 * marker once the symbol's latest quote is older than data-stale-seconds by the server's clock.
 * The page's form re-renders the tiles when a symbol is followed or stopped; the script notices
 * and subscribes or unsubscribes to match, and writes what it knows into the new elements.
 *
 * Chart: ECharts; candles with volume below them, EMA 20 and Bollinger 20 over the price, RSI 14
 * in a pane of its own. The latest MAX_CANDLES candles of the interval come from GET
 * /api/v1/candles, the indicators' recent values from GET /api/v1/indicators, then the
 * candles:SYM:interval and indicators:SYM:name:interval streams keep them current; at most
 * MAX_CANDLES are kept. The chart repaints at most every PAINT_MILLIS, so a busy symbol never
 * holds the page up. The charted symbol, interval and overlays are kept for the browser tab.
 */
(function () {
    "use strict";
    var view = document.getElementById("liveView");
    if (!view || !window.TickerdeskStream) {
        return;
    }
    var MAX_CANDLES = 500;
    var PAINT_MILLIS = 250;
    var UP = "#0f8a4b";
    var DOWN = "#c62f2f";
    var OVERLAYS = {ema: "ema", bb: "bb", rsi: "rsi"};
    var api = view.getAttribute("data-api");
    var staleMillis = Number(view.getAttribute("data-stale-seconds")) * 1000;
    var stream = window.TickerdeskStream.shared(view.getAttribute("data-ws"));
    var note = document.getElementById("chartNote");
    var chartElement = document.getElementById("chart");

    /* Per followed symbol: its quote subscription, latest quote and 24-hour statistics. */
    var followed = {};
    var tilesDirty = {};
    var tilesScheduled = false;

    var saved = load();
    var chart = {
        symbol: saved.symbol || null,
        interval: saved.interval || "1m",
        overlays: saved.overlays || {ema: true, bb: true, rsi: true},
        generation: 0,
        subscription: null,
        candles: window.TickerdeskStream.series(MAX_CANDLES),
        lines: {},
        echarts: null,
        layout: null,
        paintTimer: null
    };

    function load() {
        try {
            return JSON.parse(window.sessionStorage.getItem("tickerdesk.live") || "{}");
        } catch (e) {
            return {};
        }
    }

    function save() {
        try {
            window.sessionStorage.setItem("tickerdesk.live", JSON.stringify(
                {symbol: chart.symbol, interval: chart.interval, overlays: chart.overlays}));
        } catch (e) {
            return;
        }
    }

    function get(path) {
        return window.fetch(api + path, {credentials: "same-origin", headers: {Accept: "application/json"}})
            .then(function (response) {
                if (!response.ok) {
                    var failure = new Error("HTTP " + response.status + " from " + path);
                    failure.status = response.status;
                    throw failure;
                }
                return response.json();
            });
    }

    function price(value) {
        return value === null || value === undefined ? "–" : Number(value).toFixed(value >= 10 ? 2 : 4);
    }

    function text(el, value) {
        if (el && el.textContent !== value) {
            el.textContent = value;
        }
    }

    function cssEscape(value) {
        return window.CSS && window.CSS.escape ? window.CSS.escape(value) : value.replace(/([^\w-])/g, "\\$1");
    }

    /* ---- tiles ---- */

    function tileOf(symbol) {
        return view.querySelector('[data-live-symbol="' + cssEscape(symbol) + '"]');
    }

    function field(tile, name) {
        return tile.querySelector('[data-field="' + name + '"]');
    }

    function readStats(symbol) {
        get("/stats/" + encodeURIComponent(symbol))
            .then(function (stats) {
                if (followed[symbol]) {
                    followed[symbol].open = stats.open;
                    dirty(symbol);
                }
            })
            .catch(function () {
                if (followed[symbol]) {
                    followed[symbol].open = null;
                    dirty(symbol);
                }
            });
    }

    function follow(symbol) {
        var state = {quote: null, open: null, rejected: null, previousLast: null};
        followed[symbol] = state;
        state.subscription = stream.subscribe(["quotes:" + symbol], function (message) {
            if (message.type === "recovery") {
                if (!message.recovered) {
                    readStats(symbol);
                }
                return;
            }
            if (message.data) {
                state.quote = message.data;
                state.ts = message.ts;
                dirty(symbol);
            }
        }, {
            snapshot: true,
            onRejected: function (rejection) {
                state.rejected = rejection.message;
                dirty(symbol);
            }
        });
        readStats(symbol);
    }

    function unfollow(symbol) {
        followed[symbol].subscription.close();
        delete followed[symbol];
    }

    function dirty(symbol) {
        tilesDirty[symbol] = true;
        if (!tilesScheduled) {
            tilesScheduled = true;
            window.requestAnimationFrame(paintTiles);
        }
    }

    function paintTiles() {
        tilesScheduled = false;
        Object.keys(tilesDirty).forEach(paintTile);
        tilesDirty = {};
    }

    function paintTile(symbol) {
        var state = followed[symbol];
        var tile = tileOf(symbol);
        if (!state || !tile) {
            return;
        }
        var q = state.quote;
        if (q) {
            var last = field(tile, "last");
            text(last, price(q.last));
            text(field(tile, "bid"), price(q.bid));
            text(field(tile, "ask"), price(q.ask));
            tile.setAttribute("data-last", q.last === null ? "" : q.last);
            tile.setAttribute("data-ts", state.ts);
            tile.classList.remove("td-up", "td-down");
            if (state.previousLast !== null && q.last !== null && q.last !== state.previousLast) {
                tile.classList.add(q.last > state.previousLast ? "td-up" : "td-down");
            }
            state.previousLast = q.last;
        }
        var change = field(tile, "change");
        change.classList.remove("td-up", "td-down");
        if (q && q.last !== null && state.open) {
            var percent = (q.last - state.open) / state.open * 100;
            text(change, (percent > 0 ? "+" : "") + percent.toFixed(2) + " %");
            change.classList.add(percent >= 0 ? "td-up" : "td-down");
        } else {
            text(change, "– %");
        }
        markStale(symbol, tile);
    }

    /* A tile is stale while its latest quote is older than the limit, or while it has none. */
    function markStale(symbol, tile) {
        var state = followed[symbol];
        var marker = field(tile, "stale");
        var age = state.quote ? stream.serverNow() - state.ts : null;
        var stale = state.rejected !== null || age === null || age > staleMillis;
        tile.classList.toggle("td-stale", stale);
        marker.hidden = !stale;
        if (state.rejected) {
            text(marker, "not streamed: " + state.rejected);
        } else if (age === null) {
            text(marker, "no quote yet");
        } else {
            text(marker, "stale: no tick for " + Math.floor(age / 1000) + " s");
        }
    }

    function checkStaleness() {
        Object.keys(followed).forEach(function (symbol) {
            var tile = tileOf(symbol);
            if (tile) {
                markStale(symbol, tile);
            }
        });
    }

    /* What the form rendered is what is followed: subscribe the new symbols, let go of the gone. */
    function sync() {
        var holder = document.getElementById("live:tiles");
        var wanted = (holder && holder.getAttribute("data-followed") || "").split(",").filter(Boolean);
        Object.keys(followed).forEach(function (symbol) {
            if (wanted.indexOf(symbol) < 0) {
                unfollow(symbol);
            }
        });
        wanted.forEach(function (symbol) {
            if (!followed[symbol]) {
                follow(symbol);
            }
            dirty(symbol);
        });
        if (!chart.symbol || wanted.indexOf(chart.symbol) < 0) {
            showChart(wanted.length ? wanted[0] : null);
        } else if (!chart.subscription) {
            showChart(chart.symbol);
        }
        markCharted();
    }

    function markCharted() {
        view.querySelectorAll("[data-live-symbol]").forEach(function (tile) {
            tile.classList.toggle("td-charted", tile.getAttribute("data-live-symbol") === chart.symbol);
        });
    }

    /* ---- chart ---- */

    function candleStreams() {
        var streams = ["candles:" + chart.symbol + ":" + chart.interval];
        Object.keys(OVERLAYS).forEach(function (name) {
            if (chart.overlays[name]) {
                streams.push("indicators:" + chart.symbol + ":" + name + ":" + chart.interval);
            }
        });
        return streams;
    }

    function line(name) {
        if (!chart.lines[name]) {
            chart.lines[name] = window.TickerdeskStream.series(MAX_CANDLES);
        }
        return chart.lines[name];
    }

    function putCandle(c, keepNewer) {
        var value = [c.t, c.o, c.c, c.l, c.h, c.v === null || c.v === undefined ? 0 : c.v];
        if (keepNewer) {
            chart.candles.putIfAbsent(c.t, value);
        } else {
            chart.candles.put(c.t, value);
        }
    }

    /* An indicator point, from the stream's values or the REST API's point alike. */
    function putIndicator(name, t, values, keepNewer) {
        var put = keepNewer ? "putIfAbsent" : "put";
        if (name === "bb") {
            line("bbUpper")[put](t, values.upper);
            line("bbMiddle")[put](t, values.middle);
            line("bbLower")[put](t, values.lower);
        } else {
            line(name)[put](t, values.value);
        }
    }

    function showChart(symbol) {
        if (chart.subscription) {
            chart.subscription.close();
            chart.subscription = null;
        }
        chart.symbol = symbol;
        chart.generation++;
        chart.candles.clear();
        chart.lines = {};
        save();
        markIntervals();
        text(document.getElementById("chartSymbol"), symbol || "–");
        markCharted();
        if (!symbol || !window.echarts) {
            text(note, window.echarts ? "Follow an instrument to chart it." : "The chart library did not load.");
            if (chart.echarts) {
                chart.echarts.clear();
                chart.layout = null;
            }
            return;
        }
        var generation = chart.generation;
        chart.subscription = stream.subscribe(candleStreams(), function (message) {
            if (generation !== chart.generation) {
                return;
            }
            if (message.type === "recovery") {
                if (!message.recovered) {
                    readChart(generation);
                }
                return;
            }
            if (message.type === "candle" || (message.type === "snapshot" && message.data.o !== undefined)) {
                putCandle(message.data, false);
            } else if (message.type === "indicator" || message.type === "snapshot") {
                var name = message.stream.split(":")[2];
                putIndicator(name, message.data.t, message.data.values, false);
            }
            schedulePaint();
        }, {
            snapshot: true,
            onRejected: function (rejection) {
                text(note, rejection.stream + ": " + rejection.message);
            }
        });
        text(note, "Reading the " + chart.interval + " candles of " + symbol + "…");
        readChart(generation);
    }

    /* The stored and live series so far; what the streams already brought is newer and stays. */
    function readChart(generation) {
        var symbol = encodeURIComponent(chart.symbol);
        var interval = encodeURIComponent(chart.interval);
        var reads = [get("/candles/" + symbol + "?interval=" + interval + "&limit=" + MAX_CANDLES)
            .then(function (answer) {
                if (generation === chart.generation) {
                    answer.candles.forEach(function (c) {
                        putCandle(c, true);
                    });
                }
            })];
        Object.keys(OVERLAYS).forEach(function (name) {
            if (chart.overlays[name]) {
                reads.push(get("/indicators/" + symbol + "/" + name + "?interval=" + interval + "&limit=" + MAX_CANDLES)
                    .then(function (answer) {
                        if (generation === chart.generation) {
                            answer.recent.forEach(function (point) {
                                putIndicator(name, point.t, point, true);
                            });
                        }
                    }));
            }
        });
        Promise.all(reads)
            .then(function () {
                if (generation === chart.generation) {
                    paint();
                }
            })
            .catch(function (failure) {
                if (generation === chart.generation) {
                    text(note, "The chart could not be read: " + failure.message + "; the live candles still arrive.");
                }
            });
    }

    function schedulePaint() {
        if (chart.paintTimer === null) {
            chart.paintTimer = window.setTimeout(function () {
                chart.paintTimer = null;
                paint();
            }, PAINT_MILLIS);
        }
    }

    function pairs(series) {
        var times = series.times();
        var values = series.values();
        return times.map(function (t, i) {
            return [t, values[i]];
        });
    }

    function layout() {
        var rsi = chart.overlays.rsi;
        var grids = [
            {left: 70, right: 30, top: 20, height: rsi ? "52%" : "66%"},
            {left: 70, right: 30, top: rsi ? "60%" : "74%", height: rsi ? "12%" : "14%"}
        ];
        var xAxes = [
            {type: "time", gridIndex: 0, axisLabel: {show: false}},
            {type: "time", gridIndex: 1, axisLabel: {show: !rsi}}
        ];
        var yAxes = [
            {type: "value", scale: true, gridIndex: 0},
            {type: "value", gridIndex: 1, splitNumber: 2, axisLabel: {show: false}}
        ];
        if (rsi) {
            grids.push({left: 70, right: 30, top: "76%", height: "14%"});
            xAxes.push({type: "time", gridIndex: 2});
            yAxes.push({type: "value", gridIndex: 2, min: 0, max: 100, splitNumber: 2});
        }
        var axes = xAxes.map(function (axis, i) {
            return i;
        });
        return {
            animation: false,
            tooltip: {trigger: "axis", axisPointer: {type: "cross"}},
            axisPointer: {link: [{xAxisIndex: "all"}]},
            grid: grids,
            xAxis: xAxes,
            yAxis: yAxes,
            dataZoom: [{type: "inside", xAxisIndex: axes, filterMode: "weakFilter"},
                {type: "slider", xAxisIndex: axes, filterMode: "weakFilter", bottom: 4, height: 18}],
            series: []
        };
    }

    function paint() {
        if (!chart.symbol || !window.echarts) {
            return;
        }
        if (!chart.echarts) {
            chart.echarts = window.echarts.init(chartElement);
            window.addEventListener("resize", function () {
                chart.echarts.resize();
            });
        }
        var shape = chart.interval + (chart.overlays.rsi ? " rsi" : "");
        if (chart.layout !== shape) {
            chart.echarts.setOption(layout(), true);
            chart.layout = shape;
        }
        var candles = chart.candles.values();
        var series = [{
            id: "candles", type: "candlestick", name: chart.symbol, xAxisIndex: 0, yAxisIndex: 0,
            encode: {x: 0, y: [1, 2, 3, 4]},
            itemStyle: {color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN},
            data: candles
        }, {
            id: "volume", type: "bar", name: "Volume", xAxisIndex: 1, yAxisIndex: 1,
            data: candles.map(function (c) {
                return {value: [c[0], c[5]], itemStyle: {color: c[2] >= c[1] ? UP : DOWN}};
            })
        }];
        if (chart.overlays.ema) {
            series.push({id: "ema", type: "line", name: "EMA 20", showSymbol: false, xAxisIndex: 0, yAxisIndex: 0,
                lineStyle: {width: 1.5, color: "#2454d6"}, data: pairs(line("ema"))});
        }
        if (chart.overlays.bb) {
            ["bbUpper", "bbMiddle", "bbLower"].forEach(function (name) {
                series.push({id: name, type: "line", name: name === "bbMiddle" ? "BB middle" : "BB " + name.substring(2).toLowerCase(),
                    showSymbol: false, xAxisIndex: 0, yAxisIndex: 0,
                    lineStyle: {width: 1, type: name === "bbMiddle" ? "dashed" : "solid", color: "#9a6bd6"},
                    data: pairs(line(name))});
            });
        }
        if (chart.overlays.rsi) {
            series.push({id: "rsi", type: "line", name: "RSI 14", showSymbol: false, xAxisIndex: 2, yAxisIndex: 2,
                lineStyle: {width: 1.5, color: "#b7791f"}, data: pairs(line("rsi")),
                markLine: {silent: true, symbol: "none", lineStyle: {color: "#999", type: "dotted"},
                    data: [{yAxis: 30}, {yAxis: 70}]}});
        }
        chart.echarts.setOption({series: series}, {replaceMerge: ["series"]});
        var last = candles.length ? candles[candles.length - 1] : null;
        chartElement.setAttribute("data-candles", String(candles.length));
        chartElement.setAttribute("data-last-close", last ? String(last[2]) : "");
        chartElement.setAttribute("data-last-time", last ? String(last[0]) : "");
        chartElement.setAttribute("data-interval", chart.interval);
        chartElement.setAttribute("data-symbol", chart.symbol);
        text(note, candles.length + " " + chart.interval + " candles of " + chart.symbol +
            (last ? ", last close " + price(last[2]) : "") + ".");
    }

    function markIntervals() {
        document.querySelectorAll("#intervals [data-interval]").forEach(function (a) {
            a.classList.toggle("active", a.getAttribute("data-interval") === chart.interval);
        });
        document.querySelectorAll("#overlays [data-overlay]").forEach(function (box) {
            box.checked = chart.overlays[box.getAttribute("data-overlay")] === true;
        });
    }

    document.getElementById("intervals").addEventListener("click", function (event) {
        var chosen = event.target.getAttribute && event.target.getAttribute("data-interval");
        if (chosen) {
            event.preventDefault();
            if (chosen !== chart.interval) {
                chart.interval = chosen;
                showChart(chart.symbol);
            }
        }
    });

    document.getElementById("overlays").addEventListener("change", function (event) {
        var name = event.target.getAttribute("data-overlay");
        if (name) {
            chart.overlays[name] = event.target.checked;
            showChart(chart.symbol);
        }
    });

    view.addEventListener("click", function (event) {
        var target = event.target.closest ? event.target.closest("[data-chart]") : null;
        if (target) {
            showChart(target.getAttribute("data-chart"));
        }
    });

    /*
     * The form's updates replace it whole, tiles and all: match the streams to the new tiles. Only
     * the form's replacement is watched, not the text the script writes into it.
     */
    new window.MutationObserver(sync).observe(view, {childList: true});

    window.setInterval(checkStaleness, 1000);
    sync();
}());
