/*
 * The bell in the header of every admin page: the notifications delivered in-app, newest first, with
 * the count of unread ones, kept current by the notifications stream of /ws/market. A new one that
 * is not silent makes the bell flash; a silent one only counts. Opening the list and choosing "Mark
 * all read" hands over to the header's hidden Faces form; the change comes back by the stream, to
 * every open page. Values are written as text, never as markup.
 */
(function () {
    "use strict";
    var bell = document.getElementById("bell");
    if (!bell || !window.TickerdeskStream) {
        return;
    }
    var LATEST = 10;
    var count = document.getElementById("bellCount");
    var list = document.getElementById("bellList");
    var toggle = document.getElementById("bellToggle");
    var panel = document.getElementById("bellPanel");
    var known = {};

    function inApp(n) {
        return (n.deliveries || []).filter(function (d) {
            return d.channel === "inapp" && d.state === "SENT";
        })[0];
    }

    function render() {
        var shown = Object.keys(known).map(function (id) {
            return known[id];
        }).sort(function (a, b) {
            return b.id - a.id;
        }).slice(0, LATEST);
        while (list.firstChild) {
            list.removeChild(list.firstChild);
        }
        shown.forEach(function (n) {
            var item = document.createElement("li");
            item.className = "td-bell-item" + (n.readAt ? "" : " td-unread");
            item.setAttribute("data-id", String(n.id));
            var title = document.createElement("strong");
            title.textContent = n.title;
            var body = document.createElement("div");
            body.textContent = n.text;
            var when = document.createElement("small");
            when.textContent = n.createdAt ? n.createdAt.replace(/\.\d+Z$/, "Z") : "";
            item.appendChild(title);
            item.appendChild(body);
            item.appendChild(when);
            list.appendChild(item);
        });
        if (shown.length === 0) {
            var none = document.createElement("li");
            none.className = "td-bell-none";
            none.textContent = "No notifications";
            list.appendChild(none);
        }
    }

    function unread(n) {
        if (typeof n === "number" && n >= 0) {
            count.textContent = n > 0 ? String(n) : "";
            count.hidden = n === 0;
            bell.setAttribute("data-unread", String(n));
        }
    }

    function flash() {
        bell.classList.remove("td-bell-flash");
        void bell.offsetWidth;
        bell.classList.add("td-bell-flash");
    }

    toggle.addEventListener("click", function () {
        panel.hidden = !panel.hidden;
    });
    document.getElementById("bellMarkRead").addEventListener("click", function () {
        document.getElementById("bellForm:ids").value = "all";
        document.getElementById("bellForm:markRead").click();
    });

    window.TickerdeskStream.shared(bell.getAttribute("data-ws")).subscribe(["notifications"], function (message) {
        if ((message.type !== "notification" && message.type !== "snapshot") || !message.data) {
            return;
        }
        var n = message.data;
        var delivered = inApp(n);
        if (!delivered) {
            return;
        }
        var fresh = !known[n.id];
        known[n.id] = n;
        render();
        unread(message.unread);
        if (fresh && message.type === "notification" && !delivered.silent && !n.readAt) {
            flash();
        }
    }, {snapshot: true});
    render();
}());
