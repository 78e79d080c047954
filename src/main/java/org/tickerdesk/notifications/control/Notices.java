package org.tickerdesk.notifications.control;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.tickerdesk.copytrading.entity.CopyDecision;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.TradeCopied;
import org.tickerdesk.copytrading.entity.TradeSkipped;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.notifications.entity.NewNotification;
import org.tickerdesk.notifications.entity.NotificationType;
import org.tickerdesk.tasks.entity.TaskFailing;
import org.tickerdesk.trading.entity.ExitFilled;
import org.tickerdesk.trading.entity.ExitSent;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.PositionSettled;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.Side;

/**
 * What a notification of each change says: a title that names the instrument or the job, a sentence
 * a trader reads on a phone's lock screen, and a payload of the ids a program needs.
 */
public final class Notices {

    private static final JsonProvider JSON = JsonProvider.provider();

    private Notices() {}

    public static NewNotification exitTriggered(ExitSent exit) {
        String selling = exit.positionSide() == Side.BUY ? "selling" : "buying back";
        String how =
                exit.orderType() == null || exit.orderType() == OrderType.MKT
                        ? "at market"
                        : "with a " + exit.orderType().name() + " order";
        return new NewNotification(
                NotificationType.EXIT_TRIGGERED,
                "Exit triggered: " + exit.symbol(),
                exit.rule()
                        + " fired on position "
                        + exit.positionId()
                        + " ("
                        + direction(exit.positionSide())
                        + " "
                        + exit.symbol()
                        + "): "
                        + selling
                        + " "
                        + plain(exit.quantity())
                        + " "
                        + how
                        + " as "
                        + exit.clientOrderId(),
                JSON.createObjectBuilder()
                        .add("positionId", exit.positionId())
                        .add("symbol", exit.symbol())
                        .add("rule", exit.rule())
                        .add("clientOrderId", exit.clientOrderId())
                        .add("quantity", exit.quantity())
                        .build()
                        .toString());
    }

    public static NewNotification exitFilled(ExitFilled fill) {
        PositionSnapshot position = fill.position();
        String sold = position.side() == Side.BUY ? "sold" : "bought back";
        String outcome =
                fill.closed()
                        ? "closed by " + fill.rule()
                        : "reduced by "
                                + fill.rule()
                                + ", "
                                + plain(position.quantity().abs())
                                + " left";
        JsonObjectBuilder payload =
                JSON.createObjectBuilder()
                        .add("positionId", position.id())
                        .add("symbol", position.symbol())
                        .add("rule", fill.rule())
                        .add("clientOrderId", fill.clientOrderId())
                        .add("quantity", fill.filledNow())
                        .add("closed", fill.closed());
        if (fill.averagePrice() != null) {
            payload.add("price", fill.averagePrice());
        }
        if (position.realizedPnl() != null) {
            payload.add("realizedPnl", position.realizedPnl());
        }
        return new NewNotification(
                NotificationType.EXIT_FILLED,
                (fill.closed() ? "Position closed: " : "Position reduced: ") + position.symbol(),
                "Position "
                        + position.id()
                        + " ("
                        + direction(position.side())
                        + " "
                        + position.symbol()
                        + ") "
                        + outcome
                        + ": "
                        + sold
                        + " "
                        + plain(fill.filledNow())
                        + (fill.averagePrice() == null ? "" : " at " + plain(fill.averagePrice()))
                        + (position.realizedPnl() == null
                                ? ""
                                : ", realised P&L " + plain(position.realizedPnl())),
                payload.build().toString());
    }

    public static NewNotification orderRejected(OrderSnapshot order) {
        return new NewNotification(
                NotificationType.ORDER_REJECTED,
                "Order rejected: " + order.symbol(),
                order.side()
                        + " "
                        + plain(order.quantity())
                        + " "
                        + order.symbol()
                        + " "
                        + order.type()
                        + " ("
                        + order.clientOrderId()
                        + ") rejected by "
                        + order.broker()
                        + (order.reason() == null || order.reason().isBlank()
                                ? ""
                                : ": " + order.reason()),
                JSON.createObjectBuilder()
                        .add("clientOrderId", order.clientOrderId())
                        .add("symbol", order.symbol())
                        .add("broker", order.broker())
                        .build()
                        .toString());
    }

    /** Completed or failed; a collection an admin stopped or abandoned needs no telling. */
    public static Optional<NewNotification> collectionEnded(JobSnapshot job) {
        if (job.status() != JobStatus.COMPLETED && job.status() != JobStatus.FAILED) {
            return Optional.empty();
        }
        boolean completed = job.status() == JobStatus.COMPLETED;
        String symbols =
                job.request() == null ? "" : " of " + String.join(", ", job.request().symbols());
        String what =
                "Collection "
                        + job.id()
                        + symbols
                        + (completed ? " completed: " : " failed: ")
                        + job.barsWritten()
                        + " bars written"
                        + (job.barsSkipped() > 0 ? ", " + job.barsSkipped() + " skipped" : "")
                        + (completed || job.lastError() == null ? "" : "; " + job.lastError());
        return Optional.of(
                new NewNotification(
                        completed ? NotificationType.JOB_COMPLETED : NotificationType.JOB_FAILED,
                        (completed ? "Collection completed: " : "Collection failed: ") + job.id(),
                        what,
                        JSON.createObjectBuilder()
                                .add("jobId", job.id())
                                .add("status", job.status().name())
                                .add("barsWritten", job.barsWritten())
                                .build()
                                .toString()));
    }

    public static NewNotification twsDisconnected(String source, Instant since, Duration down) {
        return new NewNotification(
                NotificationType.TWS_DISCONNECTED,
                "TWS disconnected",
                "The connection to TWS / IB Gateway ("
                        + source
                        + ") has been down for "
                        + minutes(down)
                        + ", since "
                        + since
                        + ": no market data, and IBKR orders cannot be sent",
                JSON.createObjectBuilder()
                        .add("source", source)
                        .add("since", since.toString())
                        .build()
                        .toString());
    }

    public static NewNotification twsReconnected(String source, Instant since, Duration down) {
        return new NewNotification(
                NotificationType.TWS_RECONNECTED,
                "TWS reconnected",
                "The connection to TWS / IB Gateway ("
                        + source
                        + ") is back after "
                        + minutes(down)
                        + " down, since "
                        + since,
                JSON.createObjectBuilder()
                        .add("source", source)
                        .add("since", since.toString())
                        .add("downSeconds", down.toSeconds())
                        .build()
                        .toString());
    }

    public static NewNotification positionSettled(PositionSettled settled) {
        PositionSnapshot position = settled.position();
        return new NewNotification(
                NotificationType.POSITION_SETTLED,
                "Position settled: " + position.symbol(),
                "Position "
                        + position.id()
                        + " ("
                        + direction(position.side())
                        + " "
                        + plain(settled.quantity())
                        + " "
                        + position.symbol()
                        + ") settled at "
                        + plain(settled.settlementPrice())
                        + " ("
                        + settled.basis()
                        + "): P&L of the settlement "
                        + plain(settled.pnl())
                        + ", realised in all "
                        + plain(position.realizedPnl()),
                JSON.createObjectBuilder()
                        .add("positionId", position.id())
                        .add("symbol", position.symbol())
                        .add("settlementPrice", settled.settlementPrice())
                        .add("pnl", settled.pnl())
                        .build()
                        .toString());
    }

    public static NewNotification taskFailing(TaskFailing failing) {
        return new NewNotification(
                NotificationType.TASK_FAILING,
                "Task failing: " + failing.name(),
                "The task "
                        + failing.name()
                        + " has failed "
                        + failing.consecutiveFailures()
                        + " times in a row"
                        + (failing.lastError() == null ? "" : ": " + failing.lastError()),
                JSON.createObjectBuilder()
                        .add("task", failing.name())
                        .add("consecutiveFailures", failing.consecutiveFailures())
                        .build()
                        .toString());
    }

    public static NewNotification tradeCopied(TradeCopied copied) {
        IntakeSnapshot entry = copied.entry();
        LeaderTrade trade = entry.trade();
        String what = entry.copyEffect() == CopyDecision.Effect.REDUCES ? "closing " : "opening ";
        return new NewNotification(
                NotificationType.COPY_TRADE_COPIED,
                "Copied: " + copied.traderName() + " " + trade.side() + " " + trade.symbol(),
                copied.traderName()
                        + " "
                        + (trade.side() == Side.BUY ? "bought " : "sold ")
                        + plain(trade.quantity())
                        + " "
                        + trade.symbol()
                        + " at "
                        + plain(trade.price())
                        + "; copied "
                        + what
                        + entry.copySide()
                        + " "
                        + plain(entry.copyQuantity())
                        + " as "
                        + entry.clientOrderId()
                        + (entry.detail() == null ? "" : " (" + entry.detail() + ")"),
                JSON.createObjectBuilder()
                        .add("traderId", entry.traderId())
                        .add("intakeId", entry.id())
                        .add("tradeId", trade.tradeId())
                        .add("symbol", trade.symbol())
                        .add("quantity", entry.copyQuantity())
                        .add("clientOrderId", entry.clientOrderId())
                        .build()
                        .toString());
    }

    public static NewNotification tradeSkipped(TradeSkipped skipped) {
        IntakeSnapshot entry = skipped.entry();
        LeaderTrade trade = entry.trade();
        return new NewNotification(
                NotificationType.COPY_TRADE_SKIPPED,
                "Not copied: " + skipped.traderName() + " " + trade.side() + " " + trade.symbol(),
                skipped.traderName()
                        + " "
                        + (trade.side() == Side.BUY ? "bought " : "sold ")
                        + plain(trade.quantity())
                        + " "
                        + trade.symbol()
                        + " at "
                        + plain(trade.price())
                        + "; not copied: "
                        + entry.reason().text()
                        + (entry.detail() == null ? "" : " (" + entry.detail() + ")"),
                JSON.createObjectBuilder()
                        .add("traderId", entry.traderId())
                        .add("intakeId", entry.id())
                        .add("tradeId", trade.tradeId())
                        .add("symbol", trade.symbol())
                        .add("reason", entry.reason().name())
                        .build()
                        .toString());
    }

    /** "7 minutes", "1 minute", "2 h 5 min". */
    static String minutes(Duration down) {
        long minutes = down.toMinutes();
        if (minutes >= 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static String direction(Side side) {
        return side == Side.BUY ? "long" : "short";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }
}
