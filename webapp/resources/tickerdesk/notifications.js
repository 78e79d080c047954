/*
 * The Notifications page, kept current by the notifications stream of /ws/market (TickerdeskStream):
 * a notification's change rewrites its row's deliveries (state, attempts, last error, when sent),
 * a notification the page has no row for gets one on top, and a channel's change rewrites its row.
 * Values are written as the server formats them (NotificationsPage), and as text, never as markup.
 */
(function () {
    "use strict";
    var table = document.getElementById("notificationsTable");
    if (!table || !window.TickerdeskStream) {
        return;
    }
    var rows = document.getElementById("notificationRows");

    function instant(iso) {
        return iso ? iso.replace(/\.\d+Z$/, "Z") : "–";
    }

    function cell(row, name) {
        return row.querySelector('[data-field="' + name + '"]');
    }

    function text(el, value) {
        if (el && el.textContent !== value) {
            el.textContent = value;
        }
    }

    function delivery(d) {
        var line = document.createElement("div");
        line.className = "td-delivery";
        line.setAttribute("data-channel", d.channel);
        line.setAttribute("data-state", d.state);
        var name = document.createElement("strong");
        name.textContent = d.channel;
        var state = document.createElement("span");
        state.className = "td-status td-status-" + d.state;
        state.textContent = d.state + (d.silent ? " (silent)" : "");
        line.appendChild(name);
        line.appendChild(document.createTextNode(" "));
        line.appendChild(state);
        line.appendChild(document.createTextNode(", attempts " + d.attempts
            + (d.sentAt ? ", sent " + instant(d.sentAt) : "")
            + (d.lastError ? " – " + d.lastError : "")));
        return line;
    }

    function show(n) {
        var row = document.getElementById("notification-" + n.id);
        if (!row) {
            row = document.createElement("tr");
            row.id = "notification-" + n.id;
            row.className = "td-notification";
            row.setAttribute("data-id", String(n.id));
            ["createdAt", "type", "title", "text", "deliveries"].forEach(function (name) {
                var td = document.createElement("td");
                td.setAttribute("data-field", name);
                row.appendChild(td);
            });
            var later = Array.prototype.find.call(rows.children, function (other) {
                return Number(other.getAttribute("data-id")) < n.id;
            });
            rows.insertBefore(row, later || null);
            var none = document.getElementById("noNotifications");
            if (none) {
                none.hidden = true;
            }
        }
        text(cell(row, "createdAt"), instant(n.createdAt));
        text(cell(row, "type"), n.type);
        text(cell(row, "title"), n.title);
        text(cell(row, "text"), n.text);
        var deliveries = cell(row, "deliveries");
        while (deliveries.firstChild) {
            deliveries.removeChild(deliveries.firstChild);
        }
        (n.deliveries || []).forEach(function (d) {
            deliveries.appendChild(delivery(d));
        });
    }

    function channel(c) {
        var row = document.getElementById("channel-" + c.name);
        if (!row) {
            return;
        }
        var state = cell(row, "state");
        text(state, c.failing ? "FAILING since " + instant(c.failingSince) : "OK");
        state.className = "td-status " + (c.failing ? "td-status-FAILED" : "td-status-COMPLETED");
        text(cell(row, "lastError"), c.lastError || "");
        text(cell(row, "lastSuccessAt"), instant(c.lastSuccessAt));
    }

    window.TickerdeskStream.shared(table.getAttribute("data-ws")).subscribe(["notifications"], function (message) {
        if (!message.data) {
            return;
        }
        if (message.type === "notification" || message.type === "snapshot") {
            show(message.data);
        } else if (message.type === "channel") {
            channel(message.data);
        }
    }, {snapshot: true});
}());
