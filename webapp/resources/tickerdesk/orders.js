/*
 * The Orders page, kept current by the orders stream of /ws/market (TickerdeskStream): the page's
 * own session authenticates the connection. An order's change is written into its row, unless the
 * row already shows a later state; an order the page has no row for gets one, in its place by the
 * time it was placed, so a new order appears on top. Cancel is enabled on a working order of the
 * broker in use; pressing it hands the order's id to the page's hidden Faces form, whose answer
 * (done, or why not) appears as a message, while the row changes when the stream says so. Values
 * are written as the server formats them (OrdersPage), and as text, never as markup.
 */
(function () {
    "use strict";
    var table = document.getElementById("ordersTable");
    if (!table || !window.TickerdeskStream) {
        return;
    }
    var rows = document.getElementById("orderRows");
    var brokersInUse = (table.getAttribute("data-broker") || "").split(" ");
    var admin = table.getAttribute("data-admin") === "true";
    var FINAL = ["FILLED", "CANCELLED", "REJECTED"];
    var COLUMNS = ["createdAt", "clientOrderId", "broker", "symbol", "side", "quantity", "type", "prices",
        "status", "filledQuantity", "avgFillPrice", "commission", "reason"];

    function text(el, value) {
        if (el && el.textContent !== value) {
            el.textContent = value;
        }
    }

    function field(row, name) {
        return row.querySelector('[data-field="' + name + '"]');
    }

    function instant(iso) {
        return iso ? iso.replace(/\.\d+Z$/, "Z") : "–";
    }

    function number(n) {
        return typeof n === "number" ? String(n) : "–";
    }

    function prices(order) {
        if (typeof order.stopPrice !== "number") {
            return number(order.limitPrice);
        }
        var stop = "stop " + order.stopPrice;
        return typeof order.limitPrice === "number" ? stop + ", limit " + order.limitPrice : stop;
    }

    function cancellable(row) {
        return FINAL.indexOf(row.getAttribute("data-status")) < 0 && brokersInUse.indexOf(row.getAttribute("data-broker")) >= 0;
    }

    function actions(row) {
        var button = row.querySelector("[data-cancel]");
        if (button) {
            button.disabled = !cancellable(row);
        }
    }

    /* A row shaped like the rendered ones. */
    function newRow(order) {
        var row = document.createElement("tr");
        row.id = "order-" + order.clientOrderId;
        row.className = "td-order";
        row.setAttribute("data-order", order.clientOrderId);
        COLUMNS.forEach(function (name) {
            var cell = document.createElement("td");
            if (name === "clientOrderId") {
                var link = document.createElement("a");
                link.setAttribute("data-field", name);
                link.href = "orders.xhtml?order=" + encodeURIComponent(order.clientOrderId);
                link.title = "Fills";
                cell.appendChild(link);
            } else if (name === "status") {
                var status = document.createElement("span");
                status.setAttribute("data-field", name);
                cell.appendChild(status);
            } else {
                cell.setAttribute("data-field", name);
            }
            if (["quantity", "prices", "filledQuantity", "avgFillPrice", "commission"].indexOf(name) >= 0) {
                cell.className = "td-number";
            } else if (name === "symbol") {
                cell.className = "td-symbol";
            } else if (name === "reason") {
                cell.className = "td-error";
            }
            row.appendChild(cell);
        });
        var last = document.createElement("td");
        last.className = "td-actions";
        if (admin) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "td-action td-danger";
            button.setAttribute("data-cancel", order.clientOrderId);
            button.textContent = "Cancel";
            last.appendChild(button);
        }
        row.appendChild(last);
        return row;
    }

    /* Newest first: before the first row placed earlier. */
    function insert(row, created) {
        row.setAttribute("data-created", String(created));
        var later = Array.prototype.find.call(rows.children, function (other) {
            return Number(other.getAttribute("data-created")) < created;
        });
        rows.insertBefore(row, later || null);
        var none = document.getElementById("noOrders");
        if (none) {
            none.hidden = true;
        }
    }

    function show(order, ts) {
        var row = document.getElementById("order-" + order.clientOrderId);
        if (!row) {
            row = newRow(order);
            insert(row, Date.parse(order.createdAt) || ts);
        } else if (Number(row.getAttribute("data-ts")) > ts) {
            return;
        }
        row.setAttribute("data-ts", String(ts));
        row.setAttribute("data-status", order.status);
        row.setAttribute("data-broker", order.broker);
        text(field(row, "createdAt"), instant(order.createdAt));
        text(field(row, "clientOrderId"), order.clientOrderId);
        text(field(row, "broker"), order.broker);
        text(field(row, "symbol"), order.symbol);
        text(field(row, "side"), order.side);
        text(field(row, "quantity"), number(order.quantity));
        text(field(row, "type"), order.type + " " + order.tif);
        text(field(row, "prices"), prices(order));
        var status = field(row, "status");
        text(status, order.status);
        status.className = "td-status td-status-" + order.status;
        text(field(row, "filledQuantity"), number(order.filledQuantity));
        text(field(row, "avgFillPrice"), number(order.avgFillPrice));
        if (order.fills) {
            // an order read without its fills (a snapshot) says nothing of its commission
            text(field(row, "commission"), number(order.commission));
        }
        text(field(row, "reason"), order.reason || "");
        actions(row);
    }

    function cancel(id) {
        document.getElementById("cancelForm:order").value = id;
        document.getElementById("cancelForm:cancel").click();
    }

    Array.prototype.forEach.call(rows.children, actions);
    table.addEventListener("click", function (event) {
        var id = event.target.getAttribute && event.target.getAttribute("data-cancel");
        if (id && !event.target.disabled) {
            cancel(id);
        }
    });
    window.TickerdeskStream.shared(table.getAttribute("data-ws")).subscribe(["orders"], function (message) {
        if ((message.type === "order" || message.type === "snapshot") && message.data) {
            show(message.data, message.ts);
        }
    }, {snapshot: true});
}());
