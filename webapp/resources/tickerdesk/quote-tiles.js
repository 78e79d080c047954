/*
 * Live quote tiles: one tile per symbol, fed by the quotes:* stream of /ws/market through the
 * page's TickerdeskStream, which reconnects and resumes by itself. Frames may arrive thousands of
 * times a second; the page repaints at most once per animation frame.
 */
(function () {
    "use strict";
    var container = document.getElementById("tiles");
    if (!container || !window.TickerdeskStream) {
        return;
    }
    var tiles = {};
    var pending = {};
    var scheduled = false;

    function price(value) {
        return value === null || value === undefined ? "–" : Number(value).toFixed(value >= 10 ? 2 : 4);
    }

    function tile(symbol) {
        var t = tiles[symbol];
        if (t) {
            return t;
        }
        var empty = container.querySelector(".td-tiles-empty");
        if (empty) {
            empty.remove();
        }
        t = document.createElement("div");
        t.className = "td-tile";
        t.id = "tile-" + symbol.replace(/[^A-Za-z0-9_-]/g, "_");
        t.setAttribute("data-symbol", symbol);
        t.innerHTML = '<span class="td-tile-symbol"></span><span class="td-tile-last"></span>' +
            '<span class="td-tile-quote"></span>';
        t.querySelector(".td-tile-symbol").textContent = symbol;
        var ordered = Object.keys(tiles).concat([symbol]).sort();
        var next = tiles[ordered[ordered.indexOf(symbol) + 1]];
        container.insertBefore(t, next || null);
        tiles[symbol] = t;
        return t;
    }

    function paint() {
        scheduled = false;
        Object.keys(pending).forEach(function (symbol) {
            var q = pending[symbol];
            var t = tile(symbol);
            var last = t.querySelector(".td-tile-last");
            var previous = parseFloat(t.getAttribute("data-last"));
            last.textContent = price(q.last);
            t.setAttribute("data-last", q.last);
            t.classList.remove("td-up", "td-down");
            if (!isNaN(previous) && q.last !== previous) {
                t.classList.add(q.last > previous ? "td-up" : "td-down");
            }
            t.querySelector(".td-tile-quote").textContent = price(q.bid) + " × " + price(q.ask);
        });
        pending = {};
    }

    function accept(quote) {
        if (quote && quote.symbol) {
            pending[quote.symbol] = quote;
            if (!scheduled) {
                scheduled = true;
                window.requestAnimationFrame(paint);
            }
        }
    }

    function onMessage(message) {
        if (message.type === "quote" || message.type === "snapshot") {
            accept(message.data);
        }
    }

    window.TickerdeskStream.shared(container.getAttribute("data-ws"))
        .subscribe(["quotes:*"], onMessage, {snapshot: true});
}());
