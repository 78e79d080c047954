/*
 * The Tasks page, kept current by the tasks stream of /ws/market: the page's own session
 * authenticates the connection. Each change of a task is written into the row the page rendered
 * for it; a finished run is added on top of its recent runs. A stack trace opens in a dialog.
 * Values are written as text, never as markup: an error may quote what a source said.
 */
(function () {
    "use strict";
    var table = document.getElementById("tasksTable");
    if (!table) {
        return;
    }
    var live = document.getElementById("tasksLive");
    var dialog = document.getElementById("traceDialog");
    var traceText = document.getElementById("traceText");
    var retryMillis = 1000;
    var SHOWN_RUNS = 10;

    function text(el, value) {
        if (el && el.textContent !== value) {
            el.textContent = value;
        }
    }

    function field(scope, name) {
        return scope.querySelector('[data-field="' + name + '"]');
    }

    /* As the page renders them (TasksPage). */
    function every(seconds) {
        if (seconds % 86400 === 0) {
            return seconds / 86400 + " d";
        }
        if (seconds % 3600 === 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 === 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    function instant(iso) {
        return iso ? iso.replace(/\.\d+Z$/, "Z") : "–";
    }

    function millis(run) {
        return run ? run.durationMillis + " ms" : "–";
    }

    function state(task) {
        return task.running ? "RUNNING" : (task.enabled ? "SCHEDULED" : "PAUSED");
    }

    function traceCell(cell, run) {
        cell.className = "td-error";
        cell.appendChild(document.createTextNode(run.error || ""));
        if (run.stackTrace) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "td-action td-trace-open";
            button.textContent = "Stack trace";
            var pre = document.createElement("pre");
            pre.className = "td-hidden";
            pre.textContent = run.stackTrace;
            cell.appendChild(button);
            cell.appendChild(pre);
        }
    }

    function addRun(body, run) {
        var history = field(body, "history");
        if (!history || history.querySelector('[data-started="' + run.startedAt + '"]')) {
            return;
        }
        var row = document.createElement("tr");
        row.setAttribute("data-started", run.startedAt);
        [instant(run.startedAt), millis(run), run.outcome, run.manual ? "admin" : "schedule"].forEach(function (value, i) {
            var cell = document.createElement("td");
            if (i === 1) {
                cell.className = "td-number";
            }
            if (i === 2) {
                var status = document.createElement("span");
                status.className = "td-status";
                status.textContent = value;
                cell.appendChild(status);
            } else {
                cell.textContent = value;
            }
            row.appendChild(cell);
        });
        var error = document.createElement("td");
        traceCell(error, run);
        row.appendChild(error);
        history.insertBefore(row, history.firstChild);
        while (history.children.length > SHOWN_RUNS) {
            history.removeChild(history.lastChild);
        }
    }

    function show(task) {
        var body = document.getElementById("task-" + task.name);
        if (!body) {
            return;
        }
        var row = body.querySelector(".td-task-row");
        var run = task.lastRun;
        text(field(row, "interval"), every(task.intervalSeconds));
        text(field(row, "state"), state(task));
        text(field(row, "runsOn"), task.runsOn || "no leader");
        text(field(row, "lastStart"), instant(run && run.startedAt));
        text(field(row, "lastDuration"), millis(run));
        text(field(row, "lastOutcome"), run ? run.outcome : "–");
        text(field(row, "lastError"), (run && run.error) || "");
        text(field(row, "lastTrace"), (run && run.stackTrace) || "");
        var traceButton = field(row, "lastTraceButton");
        if (traceButton) {
            traceButton.classList.toggle("td-hidden", !(run && run.stackTrace));
        }
        text(field(row, "nextRun"), instant(task.nextRun));
        text(field(row, "runs"), String(task.runs));
        text(field(row, "failures"), String(task.failures));
        text(field(row, "skipped"), String(task.skipped));
        if (run) {
            addRun(body, run);
        }
    }

    function onMessage(event) {
        var message = JSON.parse(event.data);
        if ((message.type === "task" || message.type === "snapshot") && message.stream === "tasks") {
            show(message.data);
        } else if (message.type === "ack" && message.id === "tasks") {
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
            socket.send(JSON.stringify({op: "subscribe", id: "tasks", streams: ["tasks"], snapshot: true}));
        };
        socket.onmessage = onMessage;
        socket.onclose = function () {
            text(live, "reconnecting…");
            live.className = "td-live td-live-off";
            window.setTimeout(connect, retryMillis);
            retryMillis = Math.min(retryMillis * 2, 30000);
        };
    }

    table.addEventListener("click", function (event) {
        var button = event.target;
        if (!button.classList || !button.classList.contains("td-trace-open")) {
            return;
        }
        var pre = button.parentNode.querySelector("pre");
        traceText.textContent = pre ? pre.textContent : "";
        dialog.showModal();
    });
    connect();
}());
