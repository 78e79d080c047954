/*
 * The dashboard's broker banner and status cards, kept current by the private status stream of
 * /ws/market, which the page's session authenticates: the latest status on subscribing, then again
 * whenever something changed. Values are
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
    if (!banner || !cards || !window.TickerdeskStream) {
        return;
    }

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

    window.TickerdeskStream.shared(cards.getAttribute("data-ws"))
        .subscribe(["status"], function (message) {
            if (message.type === "status" || message.type === "snapshot") {
                show(message.data);
            }
        }, {snapshot: true});
}());
