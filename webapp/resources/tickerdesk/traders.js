/*
 * The Traders page and a trader's page, kept current by the traders stream of /ws/market
 * (TickerdeskStream); the page's own session authenticates the connection. On the Traders page a
 * trader's change rewrites its row (copying, paper, allocation, sizing, and the inline edit's fields
 * unless one is being typed in); a trader the page has no row for, or one deleted, has the list
 * asked for again. On a trader's page a newer version of that trader says the form is stale.
 * Values are written as the server formats them (TradersPage), and as text, never as markup.
 * Each row's sparkline (ECharts) draws the trader's copied P&L curve, first as the page rendered it
 * (data-curve), then each time the stream pushes a curve message of the trader; once drawn, the
 * element's data-points, data-closed and data-last say what it shows.
 */
(function () {
    "use strict";
    if (!window.TickerdeskStream) {
        return;
    }
    var table = document.getElementById("tradersTable");
    var changed = document.getElementById("traderChanged");
    if (!table && !changed) {
        return;
    }
    var live = document.getElementById("tradersLive");

    function text(el, value) {
        if (el && el.textContent !== value) {
            el.textContent = value;
        }
    }

    function cell(row, name) {
        return row.querySelector('[data-field="' + name + '"]');
    }

    function edit(row, name) {
        return row.querySelector('[data-edit="' + name + '"]');
    }

    function sizing(s) {
        if (s.mode === "fixed") {
            return "fixed " + s.amount;
        }
        if (s.mode === "ratio") {
            return "ratio " + s.ratio;
        }
        return s.mode;
    }

    function typed(input, value) {
        if (input && document.activeElement !== input) {
            if (input.type === "checkbox") {
                input.checked = value;
            } else if (input.value !== value) {
                input.value = value;
            }
        }
    }

    var reloading = false;

    function reload() {
        if (!reloading && typeof window.tdReloadTraders === "function") {
            reloading = true;
            window.tdReloadTraders();
            window.setTimeout(function () {
                reloading = false;
            }, 300);
        }
    }

    function show(t) {
        var row = document.getElementById("trader-" + t.id);
        if (!row) {
            reload();
            return;
        }
        if (Number(row.getAttribute("data-version")) > t.version) {
            return;
        }
        row.setAttribute("data-version", String(t.version));
        text(cell(row, "name"), t.name);
        text(cell(row, "feed"), t.feed);
        var enabled = cell(row, "enabled");
        text(enabled, t.enabled ? "ON" : "OFF");
        text(cell(row, "paper"), t.paper ? "paper" : "–");
        text(cell(row, "allocation"), String(t.allocation));
        text(cell(row, "sizing"), sizing(t.sizing));
        typed(edit(row, "paper"), t.paper);
        typed(edit(row, "allocation"), String(t.allocation));
        typed(edit(row, "mode"), t.sizing.mode);
        typed(edit(row, "value"), t.sizing.mode === "fixed" ? String(t.sizing.amount)
            : (t.sizing.mode === "ratio" ? String(t.sizing.ratio) : ""));
    }

    var UP = "#1a7f37";
    var DOWN = "#c62828";

    function drawCurve(el, curve) {
        var points = (curve && curve.points) || [];
        var last = points.length ? points[points.length - 1].pnl : null;
        el.setAttribute("data-points", String(points.length));
        el.setAttribute("data-closed", String(curve && curve.closed ? curve.closed : 0));
        el.setAttribute("data-last", last === null ? "" : String(last));
        el.title = points.length ? "Copied P&L " + last + " (" + (curve.closed || 0) + " closed)"
            : "Nothing copied yet";
        if (!window.echarts) {
            return;
        }
        var chart = window.echarts.getInstanceByDom(el);
        if (!chart) {
            chart = window.echarts.init(el);
            sparklines.push(chart);
        }
        var color = last !== null && last < 0 ? DOWN : UP;
        chart.setOption({
            animation: false,
            grid: {left: 2, right: 2, top: 3, bottom: 3},
            tooltip: {trigger: "axis", confine: true, textStyle: {fontSize: 11}},
            xAxis: {type: "time", show: false},
            yAxis: {type: "value", show: false, scale: true},
            series: [{type: "line", name: "Copied P&L", showSymbol: points.length === 1, symbolSize: 4,
                lineStyle: {width: 1.5, color: color}, itemStyle: {color: color},
                areaStyle: {color: color, opacity: 0.12},
                data: points.map(function (p) {
                    return [Date.parse(p.at), p.pnl];
                })}]
        }, true);
    }

    /* The list is rendered anew after an edit: the charts of rows no longer shown are let go. */
    var sparklines = [];

    function disposeDetached() {
        sparklines = sparklines.filter(function (chart) {
            if (document.body.contains(chart.getDom())) {
                return true;
            }
            chart.dispose();
            return false;
        });
    }

    function drawRendered() {
        disposeDetached();
        if (!table) {
            return;
        }
        table.querySelectorAll(".td-spark").forEach(function (el) {
            if (!el.hasAttribute("data-points")) {
                try {
                    drawCurve(el, JSON.parse(el.getAttribute("data-curve") || "{}"));
                } catch (e) {
                    el.setAttribute("data-points", "0");
                }
            }
        });
    }

    function showCurve(curve) {
        var row = document.getElementById("trader-" + curve.traderId);
        if (!row) {
            return;
        }
        var el = cell(row, "curve");
        if (el) {
            el.setAttribute("data-curve", JSON.stringify(curve));
            drawCurve(el, curve);
        }
        text(cell(row, "copiedPnl"), curve.pnl === null ? "–" : String(curve.pnl));
    }

    function onTradersPage(message) {
        if (message.type === "recovery" || message.type === "intake") {
            return;
        }
        if (message.type === "curve") {
            showCurve(message.data);
            return;
        }
        var t = message.data;
        if (t.change === "DELETED") {
            if (document.getElementById("trader-" + t.id)) {
                reload();
            }
            return;
        }
        show(t);
    }

    function onTraderPage(message) {
        if (message.type === "intake" || message.type === "curve") {
            return;
        }
        var t = message.data;
        if (!t || String(t.id) !== changed.getAttribute("data-id")) {
            return;
        }
        if (t.change === "DELETED") {
            changed.textContent = "deleted elsewhere";
            changed.hidden = false;
        } else if (t.version > Number(changed.getAttribute("data-version"))) {
            changed.hidden = false;
        }
    }

    /* Before the button's own handler (capture): a delete not confirmed never reaches it. */
    document.addEventListener("click", function (event) {
        var button = event.target.closest && event.target.closest("[data-confirm]");
        if (button && !window.confirm(button.getAttribute("data-confirm"))) {
            event.preventDefault();
            event.stopPropagation();
        }
    }, true);

    /* A list asked for again (a trader created or deleted) renders new rows to draw. */
    drawRendered();
    if (window.jQuery) {
        window.jQuery(document).on("pfAjaxComplete", drawRendered);
    }

    var stream = window.TickerdeskStream.shared((table || changed).getAttribute("data-ws"));
    stream.subscribe(["traders"], table ? onTradersPage : onTraderPage, {snapshot: true});
    if (live) {
        stream.onStatus(function (state) {
            text(live, state === "open" ? "live" : state + "…");
            live.className = state === "open" ? "td-live td-live-on" : "td-live td-live-off";
        });
    }
}());
