/*
 * Shows the state of the page's /ws/market connection (live, reconnecting and when) in the element
 * #streamStatus, whose data-ws names the connection, or else that of the first element that has one.
 */
(function () {
    "use strict";
    var badge = document.getElementById("streamStatus");
    var named = document.querySelector("[data-ws]");
    if (!badge || !named || !window.TickerdeskStream) {
        return;
    }
    window.TickerdeskStream.shared(badge.getAttribute("data-ws") || named.getAttribute("data-ws"))
        .showStatusIn(badge);
}());
