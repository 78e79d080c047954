/*
 * A trader's page: the intake and the copied positions are read again (tdReloadIntake) when the
 * traders stream of /ws/market pushes an intake entry of this trader. Several at once are read
 * once.
 */
(function () {
    "use strict";
    var marker = document.getElementById("intakeStream");
    if (!window.TickerdeskStream || !marker) {
        return;
    }
    var trader = marker.getAttribute("data-trader");
    var pending = false;

    function onMessage(message) {
        if (message.type !== "intake" || !message.data
            || String(message.data.traderId) !== trader) {
            return;
        }
        if (!pending && typeof window.tdReloadIntake === "function") {
            pending = true;
            window.setTimeout(function () {
                pending = false;
                window.tdReloadIntake();
            }, 200);
        }
    }

    window.TickerdeskStream.shared(marker.getAttribute("data-ws"))
        .subscribe(["traders"], onMessage, {snapshot: false});
}());
