/*
 * The Resolution page, kept current by the resolutions stream of /ws/market: the page's own session
 * authenticates the connection. A resolved instrument leaves the awaiting list and is written into
 * the resolved list; an awaiting one has its reason and last check written into its row; one that
 * starts awaiting and is not shown yet has the awaiting list read again (its row holds the form to
 * resolve it), keeping the prices typed so far. A finished run shows what it did. Values are
 * written as text, never as markup: a reason may quote what a source said.
 */
(function () {
    "use strict";
    var page = document.getElementById("resolutionPage");
    if (!page) {
        return;
    }
    var live = document.getElementById("resolutionLive");
    var lastRun = document.getElementById("lastRun");
    var retryMillis = 1000;
    var refreshing = false;

    function text(el, value) {
        if (el && el.textContent !== value) {
            el.textContent = value;
        }
    }

    function row(table, symbol) {
        var rows = table ? table.querySelectorAll("tbody tr[data-symbol]") : [];
        for (var i = 0; i < rows.length; i++) {
            if (rows[i].getAttribute("data-symbol") === symbol) {
                return rows[i];
            }
        }
        return null;
    }

    function field(scope, name) {
        return scope.querySelector('[data-field="' + name + '"]');
    }

    /* As the page renders them (ResolutionPage). */
    function value(r) {
        if (r.settlementPrice === undefined) {
            return "–";
        }
        var price = String(r.settlementPrice);
        return r.outcome ? r.outcome + " (" + price + ")" : price;
    }

    function shown(table, none) {
        var empty = table.querySelectorAll("tbody tr[data-symbol]").length === 0;
        table.classList.toggle("td-hidden", empty);
        document.getElementById(none).classList.toggle("td-hidden", !empty);
    }

    function resolvedRow(r) {
        var tr = document.createElement("tr");
        tr.setAttribute("data-symbol", r.symbol);
        [
            ["symbol", "td-symbol"], ["kind", ""], ["expiry", ""], ["value", "td-number"],
            ["source", ""], ["basis", ""], ["resolvedAt", ""], ["positionsSettled", "td-number"]
        ].forEach(function (cell) {
            var td = document.createElement("td");
            if (cell[1]) {
                td.className = cell[1];
            }
            if (cell[0] !== "symbol" && cell[0] !== "kind" && cell[0] !== "expiry") {
                td.setAttribute("data-field", cell[0]);
            }
            tr.appendChild(td);
        });
        return tr;
    }

    function resolved(r) {
        var awaiting = document.getElementById("awaiting");
        var gone = row(awaiting, r.symbol);
        if (gone) {
            gone.parentNode.removeChild(gone);
            shown(awaiting, "noneAwaiting");
        }
        var table = document.getElementById("resolved");
        var tr = row(table, r.symbol);
        if (!tr) {
            tr = resolvedRow(r);
            var cells = tr.children;
            text(cells[0], r.symbol);
            text(cells[1], r.kind || "–");
            text(cells[2], r.expiry || "");
            var body = table.querySelector("tbody");
            var after = null;
            var rows = body.querySelectorAll("tr[data-symbol]");
            for (var i = 0; i < rows.length && !after; i++) {
                if (rows[i].getAttribute("data-symbol") > r.symbol) {
                    after = rows[i];
                }
            }
            body.insertBefore(tr, after);
            shown(table, "noneResolved");
        }
        text(field(tr, "value"), value(r));
        text(field(tr, "source"), r.source || "");
        text(field(tr, "basis"), r.basis || "");
        text(field(tr, "resolvedAt"), r.resolvedAt || "–");
        text(field(tr, "positionsSettled"), String(r.positionsSettled));
    }

    function awaiting(r) {
        var tr = row(document.getElementById("awaiting"), r.symbol);
        if (tr) {
            text(field(tr, "reason"), r.reason || "");
            text(field(tr, "lastChecked"), r.lastCheckedAt || "–");
        } else if (!row(document.getElementById("resolved"), r.symbol) && !refreshing
                && typeof window.tdRefreshAwaiting === "function") {
            refreshing = true;
            window.tdRefreshAwaiting();
            window.setTimeout(function () {
                refreshing = false;
            }, 1000);
        }
    }

    function onMessage(event) {
        var message = JSON.parse(event.data);
        if (message.stream === "resolutions"
                && (message.type === "resolution" || message.type === "snapshot")) {
            if (message.data.state === "RESOLVED") {
                resolved(message.data);
            } else {
                awaiting(message.data);
            }
        } else if (message.stream === "resolutions" && message.type === "run") {
            text(lastRun, "Last run, finished " + message.data.finishedAt + ": " + message.data.summary);
            lastRun.classList.remove("td-hidden");
        } else if (message.type === "ack" && message.id === "resolutions") {
            var refused = message.rejected.length > 0;
            text(live, refused ? "not live: " + message.rejected[0].message : "live");
            live.className = refused ? "td-live td-live-off" : "td-live td-live-on";
        }
    }

    function connect() {
        var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
        var socket = new WebSocket(scheme + window.location.host + page.getAttribute("data-ws"));
        socket.onopen = function () {
            retryMillis = 1000;
            socket.send(JSON.stringify({op: "subscribe", id: "resolutions", streams: ["resolutions"], snapshot: true}));
        };
        socket.onmessage = onMessage;
        socket.onclose = function () {
            text(live, "reconnecting…");
            live.className = "td-live td-live-off";
            window.setTimeout(connect, retryMillis);
            retryMillis = Math.min(retryMillis * 2, 30000);
        };
    }

    connect();
}());
