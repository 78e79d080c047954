/*
 * The Jobs page, kept current by the jobs stream of /ws/market: the page's own session
 * authenticates the connection. Each change of a collection is written into the row the page
 * rendered for it, and its partitions' rows; the Stop, Restart and Abandon buttons follow its
 * status, each enabled in the statuses the server listed on it (data-enabled-in). A collection the
 * page does not show is announced with a link to it. Values are written as the server formats
 * them (JobsPage), and as text, never as markup: an error may quote what a source said.
 */
(function () {
    "use strict";
    var table = document.getElementById("jobsTable");
    if (!table) {
        return;
    }
    var live = document.getElementById("jobsLive");
    var notice = document.getElementById("jobsNotice");
    var shownStatus = table.getAttribute("data-status");
    var retryMillis = 1000;

    function text(el, value) {
        if (el && el.textContent !== value) {
            el.textContent = value;
        }
    }

    function field(scope, name) {
        return scope.querySelector('[data-field="' + name + '"]');
    }

    function count(n) {
        return Number(n).toLocaleString("en-US");
    }

    function percent(done, total) {
        return total > 0 ? Math.floor(done * 100 / total) + "%" : "–";
    }

    function rate(barsPerSecond) {
        return typeof barsPerSecond === "number" ? barsPerSecond.toFixed(1) + " bars/s" : "–";
    }

    function instant(iso) {
        return iso ? iso.replace(/\.\d+Z$/, "Z") : "–";
    }

    function status(scope, value) {
        var el = field(scope, "status");
        text(el, value);
        if (el) {
            el.className = "td-status td-status-" + value;
        }
    }

    /* What a collection and each of its partitions show alike. */
    function progress(scope, p) {
        status(scope, p.status);
        var bar = field(scope, "progress");
        if (bar) {
            bar.max = Math.max(p.windowsTotal, 1);
            bar.value = p.windowsDone;
        }
        text(field(scope, "percent"), percent(p.windowsDone, p.windowsTotal));
        text(field(scope, "windows"), p.windowsDone + " / " + p.windowsTotal + " windows");
        text(field(scope, "barsWritten"), count(p.barsWritten));
        text(field(scope, "barsSkipped"), count(p.barsSkipped));
        text(field(scope, "retries"), count(p.retries));
        text(field(scope, "lastError"), p.lastError || "");
    }

    function actions(body, jobStatus) {
        body.querySelectorAll("[data-enabled-in]").forEach(function (button) {
            button.disabled = button.getAttribute("data-enabled-in").split(" ").indexOf(jobStatus) < 0;
        });
    }

    /* A partition the page has no row for yet: a row shaped like the rendered ones. */
    function partitionRow(body, symbol) {
        var row = document.createElement("tr");
        row.className = "td-partition";
        row.setAttribute("data-partition", symbol);
        row.innerHTML = '<td></td><td><span data-field="status"></span></td><td class="td-symbol"></td>' +
            '<td class="td-progress"><progress data-field="progress"></progress> <span data-field="percent"></span>' +
            ' <span data-field="windows" class="td-card-note"></span></td><td></td><td></td>' +
            '<td data-field="barsWritten" class="td-number"></td><td data-field="barsSkipped" class="td-number"></td>' +
            '<td data-field="retries" class="td-number"></td><td data-field="lastError" class="td-error"></td><td></td>';
        row.querySelector(".td-symbol").textContent = symbol;
        body.appendChild(row);
        return row;
    }

    function announce(job) {
        if (!notice || (shownStatus && shownStatus !== job.status)) {
            return;
        }
        notice.textContent = "Collection " + job.id + " is " + job.status + " and not in this list yet: ";
        var link = document.createElement("a");
        link.href = "jobs.xhtml?job=" + job.id;
        link.textContent = "show it";
        notice.appendChild(link);
        notice.hidden = false;
    }

    function show(job) {
        var body = document.getElementById("job-" + job.id);
        if (!body) {
            announce(job);
            return;
        }
        body.setAttribute("data-status", job.status);
        var row = body.querySelector(".td-job-row");
        progress(row, job);
        text(field(row, "rate"), rate(job.barsPerSecond));
        text(field(row, "eta"), instant(job.eta));
        job.partitions.forEach(function (p) {
            var partition = body.querySelector('[data-partition="' + p.symbol + '"]') || partitionRow(body, p.symbol);
            progress(partition, p);
        });
        actions(body, job.status);
    }

    function onMessage(event) {
        var message = JSON.parse(event.data);
        if ((message.type === "job" || message.type === "snapshot") && message.stream === "jobs") {
            show(message.data);
        } else if (message.type === "ack" && message.id === "jobs") {
            var refused = message.rejected.length > 0;
            text(live, refused ? "not live: " + message.rejected[0].message : "live");
            live.className = refused ? "td-live td-live-off" : "td-live td-live-on";
        }
    }

    function connect() {
        var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
        var socket = new WebSocket(scheme + window.location.host + table.getAttribute("data-ws"));
        socket.onopen = function () {
            retryMillis = 1000;
            socket.send(JSON.stringify({op: "subscribe", id: "jobs", streams: ["jobs"], snapshot: true}));
        };
        socket.onmessage = onMessage;
        socket.onclose = function () {
            text(live, "reconnecting…");
            live.className = "td-live td-live-off";
            window.setTimeout(connect, retryMillis);
            retryMillis = Math.min(retryMillis * 2, 30000);
        };
    }

    table.querySelectorAll("tbody[data-job]").forEach(function (body) {
        actions(body, body.getAttribute("data-status"));
    });
    table.addEventListener("click", function (event) {
        var question = event.target.getAttribute && event.target.getAttribute("data-confirm");
        if (question && !window.confirm(question)) {
            event.preventDefault();
        }
    });
    connect();
}());
