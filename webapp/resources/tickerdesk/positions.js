/*
 * The Positions page, kept current by the positions stream of /ws/market (TickerdeskStream): the
 * page's own session authenticates the connection. The snapshot brings the open positions, each
 * "position" message a stored change (a final one takes the row away), each "price" message the
 * engine's prices, stops and targets of the positions whose instruments moved, laid over the rows.
 *
 * A row's rule fields show its stop-loss, take-profit and trailing distances in percent and its
 * time limit; Apply sends the fields the trader changed (an empty one removes that rule) through
 * the page's hidden Faces form, which keeps every other rule and answers with a message. Close and
 * choosing a position (its triggers and fills) go through the same form. A field being edited is
 * not overwritten by a change that arrives meanwhile.
 *
 * The chosen position's instrument is charted with ECharts: 1m candles from GET /api/v1/candles
 * and then the candles:SYM:1m stream, with lines at the entry, the stop and the target, which move
 * as the stream moves them. Values are written as text, never as markup.
 */
(function () {
    "use strict";
    var table = document.getElementById("positionsTable");
    if (!table || !window.TickerdeskStream) {
        return;
    }
    var MAX_CANDLES = 120;
    var PAINT_MILLIS = 250;
    var UP = "#0f8a4b";
    var DOWN = "#c62f2f";
    var FINAL = ["CLOSED", "SETTLED", "CANCELLED"];
    var RULES = ["stopLoss", "takeProfit", "trailing", "timeLimit"];
    var COLUMNS = ["id", "symbol", "side", "quantity", "averagePrice", "currentPrice", "unrealizedPnl",
        "realizedPnl", "state", "stopLevel", "targetLevel"];
    var NUMBERS = ["quantity", "averagePrice", "currentPrice", "unrealizedPnl", "realizedPnl", "stopLevel",
        "targetLevel"];
    var rows = document.getElementById("positionRows");
    var api = table.getAttribute("data-api");
    var admin = table.getAttribute("data-admin") === "true";
    var stream = window.TickerdeskStream.shared(table.getAttribute("data-ws"));
    var chartElement = document.getElementById("chart");
    var note = document.getElementById("chartNote");

    /* Per position id: the latest data, prices laid over it. */
    var positions = {};
    var selected = table.getAttribute("data-selected") || null;
    var chart = {symbol: null, generation: 0, subscription: null, echarts: null, paintTimer: null,
        candles: window.TickerdeskStream.series(MAX_CANDLES)};
    var holdingsTimer = null;
    var detailTimer = null;

    function text(el, value) {
        if (el && el.textContent !== value) {
            el.textContent = value;
        }
    }

    function field(row, name) {
        return row.querySelector('[data-field="' + name + '"]');
    }

    function isNumber(n) {
        return typeof n === "number" && isFinite(n);
    }

    function price(n) {
        return isNumber(n) ? n.toFixed(Math.abs(n) >= 10 ? 2 : 4) : "–";
    }

    function money(n) {
        return isNumber(n) ? (n > 0 ? "+" : "") + n.toFixed(2) : "–";
    }

    function plain(n) {
        return isNumber(n) ? String(n) : "–";
    }

    function format(name, p) {
        var value = p[name];
        if (name === "unrealizedPnl" || name === "realizedPnl") {
            return money(value);
        }
        if (name === "quantity") {
            return plain(value);
        }
        if (NUMBERS.indexOf(name) >= 0) {
            return price(value);
        }
        return value === undefined || value === null ? "–" : String(value);
    }

    /* ---- rules shown as the fields' values ---- */

    function percentOf(offset) {
        return offset && isNumber(offset.percent) ? String(offset.percent) : "";
    }

    /* A rule the fields cannot show (a price, an amount, a ladder) is shown as a hint and kept. */
    function otherwise(offset) {
        if (!offset) {
            return "none";
        }
        if (isNumber(offset.price)) {
            return "price " + offset.price;
        }
        return isNumber(offset.amount) ? "amount " + offset.amount : "none";
    }

    function ruleFields(rules) {
        var takeProfit = rules.takeProfit || [];
        var single = takeProfit.length === 1 && takeProfit[0].fraction === 1 ? takeProfit[0] : null;
        return {
            stopLoss: {value: percentOf(rules.stopLoss), hint: otherwise(rules.stopLoss)},
            takeProfit: {value: percentOf(single),
                hint: takeProfit.length > 1 ? "ladder of " + takeProfit.length : otherwise(single)},
            trailing: {value: percentOf(rules.trailing), hint: otherwise(rules.trailing)},
            timeLimit: {value: rules.timeLimit || "", hint: "none"}
        };
    }

    function showRules(row, rules) {
        var shown = ruleFields(rules || {});
        RULES.forEach(function (name) {
            var input = row.querySelector('[data-rule="' + name + '"]');
            if (!input || input.getAttribute("data-dirty") === "true") {
                return;
            }
            input.value = shown[name].value;
            input.placeholder = shown[name].hint;
        });
    }

    /* ---- rows ---- */

    function newRow(p) {
        var row = document.createElement("tr");
        row.id = "position-" + p.id;
        row.className = "td-position";
        row.setAttribute("data-position", String(p.id));
        COLUMNS.forEach(function (name) {
            var cell = document.createElement("td");
            if (name === "id") {
                var link = document.createElement("a");
                link.setAttribute("data-field", name);
                link.setAttribute("data-select", String(p.id));
                link.href = "positions.xhtml?position=" + encodeURIComponent(p.id);
                link.title = "Triggers, fills and chart";
                cell.appendChild(link);
            } else if (name === "state") {
                var state = document.createElement("span");
                state.setAttribute("data-field", name);
                cell.appendChild(state);
            } else {
                cell.setAttribute("data-field", name);
            }
            if (NUMBERS.indexOf(name) >= 0) {
                cell.className = "td-number";
            } else if (name === "symbol") {
                cell.className = "td-symbol";
            }
            row.appendChild(cell);
        });
        RULES.forEach(function (name) {
            var cell = document.createElement("td");
            var input = document.createElement("input");
            input.type = "text";
            input.className = "td-rule";
            input.setAttribute("data-rule", name);
            input.setAttribute("aria-label", name + " of position " + p.id);
            input.disabled = !admin;
            cell.appendChild(input);
            row.appendChild(cell);
        });
        var actions = document.createElement("td");
        actions.className = "td-actions";
        if (admin) {
            actions.appendChild(button("Apply", "data-apply", p.id, "td-action"));
            actions.appendChild(button("Close", "data-close", p.id, "td-action td-danger"));
        }
        row.appendChild(actions);
        return row;
    }

    function button(label, attribute, id, className) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = className;
        b.setAttribute(attribute, String(id));
        b.textContent = label;
        return b;
    }

    /* The longest open first, as the snapshot comes. */
    function insert(row, p) {
        var opened = Date.parse(p.openedAt || p.createdAt) || Date.now();
        row.setAttribute("data-opened", String(opened));
        var later = Array.prototype.find.call(rows.children, function (other) {
            return Number(other.getAttribute("data-opened")) > opened;
        });
        rows.insertBefore(row, later || null);
    }

    function updateEmpty() {
        var none = document.getElementById("noPositions");
        if (none) {
            none.hidden = rows.children.length > 0;
        }
    }

    function paintRow(p) {
        var row = document.getElementById("position-" + p.id);
        if (!row) {
            row = newRow(p);
            insert(row, p);
            updateEmpty();
        }
        COLUMNS.forEach(function (name) {
            text(field(row, name), format(name, p));
        });
        ["unrealizedPnl", "realizedPnl"].forEach(function (name) {
            var cell = field(row, name);
            cell.classList.toggle("td-up", isNumber(p[name]) && p[name] > 0);
            cell.classList.toggle("td-down", isNumber(p[name]) && p[name] < 0);
        });
        field(row, "state").className = "td-status td-status-" + p.state;
        row.setAttribute("data-state", p.state);
        row.setAttribute("data-entry", isNumber(p.averagePrice) ? String(p.averagePrice) : "");
        row.setAttribute("data-price", isNumber(p.currentPrice) ? String(p.currentPrice) : "");
        row.setAttribute("data-pnl", isNumber(p.unrealizedPnl) ? String(p.unrealizedPnl) : "");
        row.setAttribute("data-stop", isNumber(p.stopLevel) ? String(p.stopLevel) : "");
        row.setAttribute("data-target", isNumber(p.targetLevel) ? String(p.targetLevel) : "");
        row.classList.toggle("td-selected", String(p.id) === selected);
        var close = row.querySelector("[data-close]");
        if (close) {
            close.disabled = p.state !== "OPEN";
        }
        var apply = row.querySelector("[data-apply]");
        if (apply) {
            apply.disabled = p.state !== "OPEN" && p.state !== "PENDING";
        }
    }

    function removeRow(id) {
        var row = document.getElementById("position-" + id);
        if (row) {
            row.parentNode.removeChild(row);
            updateEmpty();
        }
    }

    /* A stored change: the position as stored, with the engine's price when the message has one. */
    function changed(p, ts) {
        var known = positions[p.id];
        if (known && known.ts > ts) {
            return;
        }
        if (known && !isNumber(p.currentPrice)) {
            p.currentPrice = known.currentPrice;
            p.unrealizedPnl = known.unrealizedPnl;
        }
        p.ts = ts;
        positions[p.id] = p;
        if (FINAL.indexOf(p.state) >= 0) {
            removeRow(p.id);
        } else {
            paintRow(p);
            var row = document.getElementById("position-" + p.id);
            showRules(row, p.rules);
        }
        if (String(p.id) === selected) {
            chartPosition();
        }
    }

    function priced(entries) {
        entries.forEach(function (entry) {
            var p = positions[entry.id];
            if (!p || FINAL.indexOf(p.state) >= 0) {
                return;
            }
            p.currentPrice = entry.currentPrice;
            p.unrealizedPnl = entry.unrealizedPnl;
            p.stopLevel = entry.stopLevel;
            p.targetLevel = entry.targetLevel;
            paintRow(p);
            if (String(p.id) === selected) {
                schedulePaint();
            }
        });
    }

    function clearRows() {
        positions = {};
        while (rows.firstChild) {
            rows.removeChild(rows.firstChild);
        }
        updateEmpty();
    }

    /* ---- the hidden form ---- */

    function ask(action, id, values) {
        document.getElementById("actionForm:position").value = String(id);
        Object.keys(values || {}).forEach(function (name) {
            document.getElementById("actionForm:" + name).value = values[name];
        });
        document.getElementById("actionForm:" + action).click();
    }

    function applyRules(id) {
        var row = document.getElementById("position-" + id);
        var changedRules = [];
        var values = {};
        RULES.forEach(function (name) {
            var input = row.querySelector('[data-rule="' + name + '"]');
            if (input.getAttribute("data-dirty") === "true") {
                changedRules.push(name);
                input.removeAttribute("data-dirty");
            }
            values[{stopLoss: "ruleStop", takeProfit: "ruleTarget", trailing: "ruleTrailing",
                timeLimit: "ruleTime"}[name]] = input.value;
        });
        values.ruleChanged = changedRules.join(",");
        ask("rules", id, values);
    }

    function select(id) {
        selected = String(id);
        Array.prototype.forEach.call(rows.children, function (row) {
            row.classList.toggle("td-selected", row.getAttribute("data-position") === selected);
        });
        ask("select", id);
        chartPosition();
    }

    /* The event log is read, not pushed: read again once the chosen position has changed. */
    function refreshDetail() {
        window.clearTimeout(detailTimer);
        detailTimer = window.setTimeout(function () {
            if (selected) {
                ask("select", selected);
            }
        }, 700);
    }

    function refreshHoldings() {
        window.clearTimeout(holdingsTimer);
        holdingsTimer = window.setTimeout(function () {
            var refresh = document.getElementById("holdingsForm:refresh");
            if (refresh) {
                refresh.click();
            }
        }, 1500);
    }

    /* ---- chart ---- */

    function get(path) {
        return window.fetch(api + path, {credentials: "same-origin", headers: {Accept: "application/json"}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status + " from " + path);
                }
                return response.json();
            });
    }

    function selectedSymbol() {
        var p = selected ? positions[selected] : null;
        if (p) {
            return p.symbol;
        }
        var title = document.getElementById("detailTitle");
        return title && title.getAttribute("data-position") === selected ? title.getAttribute("data-symbol") : null;
    }

    function chartPosition() {
        var symbol = selectedSymbol();
        if (symbol !== chart.symbol) {
            showChart(symbol);
        } else {
            schedulePaint();
        }
    }

    function putCandle(c, keepNewer) {
        var value = [c.t, c.o, c.c, c.l, c.h];
        if (keepNewer) {
            chart.candles.putIfAbsent(c.t, value);
        } else {
            chart.candles.put(c.t, value);
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
        text(document.getElementById("chartSymbol"), symbol || "–");
        if (!symbol || !window.echarts) {
            text(note, window.echarts ? "Choose a position to chart its instrument." : "The chart library did not load.");
            return;
        }
        var generation = chart.generation;
        chart.subscription = stream.subscribe(["candles:" + symbol + ":1m"], function (message) {
            if (generation === chart.generation && message.data && message.data.o !== undefined) {
                putCandle(message.data, false);
                schedulePaint();
            }
        }, {
            snapshot: true,
            onRejected: function (rejection) {
                text(note, rejection.stream + ": " + rejection.message);
            }
        });
        get("/candles/" + encodeURIComponent(symbol) + "?interval=1m&limit=" + MAX_CANDLES)
            .then(function (answer) {
                if (generation === chart.generation) {
                    answer.candles.forEach(function (c) {
                        putCandle(c, true);
                    });
                    schedulePaint();
                }
            })
            .catch(function (failure) {
                if (generation === chart.generation) {
                    text(note, "The candles could not be read: " + failure.message + "; the live ones still arrive.");
                }
            });
        schedulePaint();
    }

    function schedulePaint() {
        if (chart.paintTimer === null) {
            chart.paintTimer = window.setTimeout(function () {
                chart.paintTimer = null;
                paint();
            }, PAINT_MILLIS);
        }
    }

    /* Entry, stop and target of the chosen position; the detail's entry until the stream has it. */
    function levels() {
        var p = selected ? positions[selected] : null;
        var title = document.getElementById("detailTitle");
        var entry = p ? p.averagePrice : Number(title && title.getAttribute("data-entry"));
        return {
            entry: isNumber(entry) ? entry : null,
            stop: p && isNumber(p.stopLevel) ? p.stopLevel : null,
            target: p && isNumber(p.targetLevel) ? p.targetLevel : null
        };
    }

    function markLine(name, value, color) {
        return {name: name, yAxis: value, lineStyle: {color: color, type: name === "entry" ? "solid" : "dashed"},
            label: {formatter: name + " " + price(value), position: "insideEndTop"}};
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
        var at = levels();
        var marks = [];
        if (at.entry !== null) {
            marks.push(markLine("entry", at.entry, "#2454d6"));
        }
        if (at.stop !== null) {
            marks.push(markLine("stop", at.stop, DOWN));
        }
        if (at.target !== null) {
            marks.push(markLine("target", at.target, UP));
        }
        var candles = chart.candles.values();
        var prices = marks.map(function (m) {
            return m.yAxis;
        });
        chart.echarts.setOption({
            animation: false,
            tooltip: {trigger: "axis"},
            grid: {left: 70, right: 90, top: 20, bottom: 30},
            xAxis: {type: "time"},
            yAxis: {type: "value", scale: true,
                min: function (extent) {
                    return Math.min.apply(null, [extent.min].concat(prices));
                },
                max: function (extent) {
                    return Math.max.apply(null, [extent.max].concat(prices));
                }},
            series: [{id: "candles", type: "candlestick", name: chart.symbol, encode: {x: 0, y: [1, 2, 3, 4]},
                itemStyle: {color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN},
                data: candles,
                markLine: {silent: true, symbol: "none", data: marks}}]
        }, true);
        chartElement.setAttribute("data-symbol", chart.symbol);
        chartElement.setAttribute("data-candles", String(candles.length));
        chartElement.setAttribute("data-entry", at.entry === null ? "" : String(at.entry));
        chartElement.setAttribute("data-stop", at.stop === null ? "" : String(at.stop));
        chartElement.setAttribute("data-target", at.target === null ? "" : String(at.target));
        text(note, candles.length + " candles of " + chart.symbol + "; entry " + price(at.entry) + ", stop " +
            price(at.stop) + ", target " + price(at.target) + ".");
    }

    /* ---- wiring ---- */

    table.addEventListener("input", function (event) {
        if (event.target.getAttribute && event.target.getAttribute("data-rule")) {
            event.target.setAttribute("data-dirty", "true");
        }
    });
    table.addEventListener("keydown", function (event) {
        var rule = event.target.getAttribute && event.target.getAttribute("data-rule");
        if (rule && event.key === "Enter") {
            event.preventDefault();
            applyRules(event.target.closest("tr").getAttribute("data-position"));
        }
    });
    table.addEventListener("click", function (event) {
        var target = event.target;
        var id;
        if (!target.getAttribute || target.disabled) {
            return;
        }
        if ((id = target.getAttribute("data-apply"))) {
            applyRules(id);
        } else if ((id = target.getAttribute("data-close"))) {
            ask("close", id);
        } else if ((id = target.getAttribute("data-select"))) {
            event.preventDefault();
            select(id);
        }
    });

    stream.subscribe(["positions"], function (message) {
        if (message.type === "recovery") {
            if (!message.recovered) {
                clearRows();
            }
            return;
        }
        if (message.type === "price" && Array.isArray(message.data)) {
            priced(message.data);
            return;
        }
        if ((message.type === "position" || message.type === "snapshot") && message.data) {
            changed(message.data, message.ts);
            if (message.type === "position") {
                refreshHoldings();
                if (String(message.data.id) === selected) {
                    refreshDetail();
                }
            }
        }
    }, {snapshot: true});
    chartPosition();
}());
