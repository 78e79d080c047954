/*
 * The dashboard's broker banner and status cards, kept current by the status the server pushes
 * over /admin/status: all of it on connecting, then again whenever something changed. Values are
 * written into the elements the page rendered, never by replacing them, so whatever holds an
 * element (another script, a browser test) keeps holding the live one. A card the server adds
 * later (IBKR's market-data lines once quotes come from IBKR) is inserted in its place; one it
 * drops is removed. Text is set as text, never as markup: a detail may quote what a broker or a
 * database said.
 */
(function () {
    "use strict";
    var banner = document.getElementById("broker");
    var cards = document.getElementById("cards");
    if (!banner || !cards) {
        return;
    }
    var retryMillis = 1000;

    function element(shown) {
        var el = document.getElementById(shown.id);
        if (!el) {
            el = document.createElement("span");
            el.id = shown.id;
        }
        if (el.textContent !== shown.text) {
            el.textContent = shown.text;
        }
        if (el.className !== shown.styleClass) {
            el.className = shown.styleClass;
        }
        return el;
    }

    function card(shown) {
        var el = document.getElementById("card-" + shown.id);
        if (!el) {
            el = document.createElement("div");
            el.id = "card-" + shown.id;
            el.className = "td-card";
            el.appendChild(document.createElement("span")).className = "td-card-label";
        }
        var label = el.firstElementChild;
        if (label.textContent !== shown.label) {
            label.textContent = shown.label;
        }
        arrange(el, label.nextElementSibling, shown.elements.map(element));
        return el;
    }

    /* Puts the wanted elements in order from `first` on, moving only those out of place, and
       removes whatever follows them. */
    function arrange(parent, first, wanted) {
        var cursor = first;
        wanted.forEach(function (el) {
            if (el === cursor) {
                cursor = cursor.nextElementSibling;
            } else {
                parent.insertBefore(el, cursor);
            }
        });
        while (cursor) {
            var next = cursor.nextElementSibling;
            parent.removeChild(cursor);
            cursor = next;
        }
    }

    function show(status) {
        if (banner.className !== status.bannerClass) {
            banner.className = status.bannerClass;
        }
        arrange(banner, banner.firstElementChild, status.banner.map(element));
        arrange(cards, cards.firstElementChild, status.cards.map(card));
    }

    function connect() {
        var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
        var socket = new WebSocket(scheme + window.location.host + cards.getAttribute("data-ws"));
        socket.onopen = function () {
            retryMillis = 1000;
        };
        socket.onmessage = function (event) {
            show(JSON.parse(event.data));
        };
        socket.onclose = function () {
            window.setTimeout(connect, retryMillis);
            retryMillis = Math.min(retryMillis * 2, 30000);
        };
    }

    connect();
}());
