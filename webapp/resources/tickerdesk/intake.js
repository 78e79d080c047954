/*
 * A trader's page: the intake, the copy fidelity and the copied positions are read again
 * (tdReloadIntake) when the traders stream of /ws/market pushes an intake entry of this trader.
 * Several at once are read once. The fidelity chart (ECharts) is drawn from what the page rendered
 * (data-series, as GET /api/v1/traders/{id}/fidelity answers), again after each reading; once drawn,
 * the chart's data-points says how many copies it shows.
 */
(function () {
    "use strict";
    var marker = document.getElementById("intakeStream");

    function millis(value) {
        return value === null || value === undefined ? null : Number(value);
    }

    function drawFidelity() {
        var el = document.getElementById("fidelityChart");
        if (!el) {
            return;
        }
        var series;
        try {
            series = JSON.parse(el.getAttribute("data-series") || "{}");
        } catch (e) {
            series = {};
        }
        var points = series.points || [];
        el.setAttribute("data-points", String(points.length));
        if (!window.echarts) {
            el.textContent = "The chart library did not load.";
            return;
        }
        var old = window.echarts.getInstanceByDom(el);
        if (old) {
            old.dispose();
        }
        var chart = window.echarts.init(el);
        function line(name, field, axis, color) {
            return {
                type: "line", name: name, yAxisIndex: axis, showSymbol: true, symbolSize: 5, connectNulls: false,
                lineStyle: {width: 1.5, color: color}, itemStyle: {color: color},
                data: points.map(function (p) {
                    return [Date.parse(p.leaderTime), millis(p[field])];
                })
            };
        }
        chart.setOption({
            animation: false,
            title: points.length ? undefined : {text: "No copy yet", left: "center", top: "middle",
                textStyle: {fontSize: 13, fontWeight: "normal", color: "#777"}},
            tooltip: {trigger: "axis"},
            legend: {top: 4},
            grid: {left: 60, right: 60, top: 36, bottom: 30},
            xAxis: {type: "time"},
            yAxis: [{type: "value", name: "ms", scale: true}, {type: "value", name: "bps", scale: true,
                splitLine: {show: false}}],
            series: [line("to order (ms)", "delayToOrderMs", 0, "#2454d6"),
                line("to fill (ms)", "delayToFillMs", 0, "#7b3fbf"),
                line("slippage (bps)", "slippageBps", 1, "#c26a00")]
        }, true);
    }

    window.tdDrawFidelity = drawFidelity;
    drawFidelity();
    window.addEventListener("resize", function () {
        var el = document.getElementById("fidelityChart");
        var chart = el && window.echarts && window.echarts.getInstanceByDom(el);
        if (chart) {
            chart.resize();
        }
    });

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
