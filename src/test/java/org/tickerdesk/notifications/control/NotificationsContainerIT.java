package org.tickerdesk.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.notifications.entity.ChannelStatus;
import org.tickerdesk.notifications.entity.DeliverySnapshot;
import org.tickerdesk.notifications.entity.DeliveryState;
import org.tickerdesk.notifications.entity.NotificationSnapshot;
import org.tickerdesk.notifications.entity.NotificationType;
import org.tickerdesk.tasks.entity.TaskFailing;
import org.tickerdesk.testing.container.SharedPayaraMicro;
import org.tickerdesk.testing.container.TickerdeskWar;
import org.tickerdesk.trading.control.OrderStore;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.PositionOrigin;
import org.tickerdesk.trading.entity.PositionSettled;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.Side;
import org.tickerdesk.trading.entity.TimeInForce;

/**
 * What only the container proves: a notification is written in the transaction of the change it
 * reports (a rejected order, a settlement announced, a task failing), so it commits and rolls back
 * with it; once committed it is delivered without any timer of the tasks registry; and a webhook
 * that fails is retried with the backoff, marked failing after two failures in a row (the
 * container's setting), and gets the message once it answers.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsContainerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject OrderStore orders;

    @Inject NotificationStore notifications;

    @Inject Outbox outbox;

    @Inject UserTransaction transaction;

    @Inject Event<PositionSettled> settled;

    @Inject Event<TaskFailing> failing;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    private static final List<Long> accepted = new CopyOnWriteArrayList<>();
    private static final List<Long> refused = new CopyOnWriteArrayList<>();
    private static volatile int answer = 503;
    private static HttpServer webhook;

    @AfterAll
    static void stopWebhook() {
        if (webhook != null) {
            webhook.stop(0);
            webhook = null;
        }
    }

    @Test
    void aRejectionCommitsWithItsNotificationWhichIsDeliveredInAppWithoutATimer() throws Exception {
        String id = "nc-" + UUID.randomUUID().toString().substring(0, 8);

        transaction.begin();
        orders.insert(new Order(ticket(id), "paper", Instant.now()));
        orders.apply(new OrderEvent.Rejected(id, "no margin"), Instant.now());
        transaction.commit();

        assertEquals(1, count("SELECT count(*) FROM orders WHERE client_order_id = ?", id));
        NotificationSnapshot recorded = await(() -> about(id), "the notification of " + id);
        assertEquals(NotificationType.ORDER_REJECTED, recorded.type());
        assertEquals("Order rejected: AAPL", recorded.title());
        DeliverySnapshot inApp =
                await(
                        () ->
                                about(id)
                                        .flatMap(n -> n.delivery("inapp"))
                                        .filter(d -> d.state() == DeliveryState.SENT),
                        "the in-app delivery sent");
        assertEquals(1, inApp.attempts());
    }

    @Test
    void aRejectionRolledBackLeavesNoNotification() throws Exception {
        String id = "nc-" + UUID.randomUUID().toString().substring(0, 8);

        transaction.begin();
        orders.insert(new Order(ticket(id), "paper", Instant.now()));
        orders.apply(new OrderEvent.Rejected(id, "no margin"), Instant.now());
        assertTrue(about(id).isPresent(), "written inside the transaction");
        transaction.rollback();

        assertEquals(0, count("SELECT count(*) FROM orders WHERE client_order_id = ?", id));
        assertEquals(
                0,
                count("SELECT count(*) FROM notifications WHERE payload LIKE ?", "%" + id + "%"));
    }

    @Test
    void aSettlementAnnouncedInATransactionIsNotifiedWithItAndNotWithoutIt() throws Exception {
        long committed = 9_000_000 + (System.nanoTime() % 100_000);
        long rolledBack = committed + 100_000;

        transaction.begin();
        settled.fire(settlement(committed));
        transaction.commit();
        transaction.begin();
        settled.fire(settlement(rolledBack));
        transaction.rollback();

        NotificationSnapshot notice =
                await(() -> aboutPosition(committed), "the settlement of " + committed);
        assertEquals(NotificationType.POSITION_SETTLED, notice.type());
        assertEquals("Position settled: NCSZ6", notice.title());
        assertTrue(aboutPosition(rolledBack).isEmpty(), "rolled back with its settlement");
    }

    @Test
    void aTaskFailingRepeatedlyIsNotifiedInTheTransactionThatCountedIt() throws Exception {
        String task = "nc-task-" + UUID.randomUUID().toString().substring(0, 8);

        transaction.begin();
        failing.fire(new TaskFailing(task, 3, "connection refused", Instant.now()));
        transaction.commit();

        NotificationSnapshot notice =
                await(
                        () ->
                                notifications.recent(200, null).stream()
                                        .filter(n -> n.payload().contains("\"" + task + "\""))
                                        .findFirst(),
                        "the notification of " + task);
        assertEquals(NotificationType.TASK_FAILING, notice.type());
        assertEquals("Task failing: " + task, notice.title());
    }

    @Test
    void aFailingWebhookIsRetriedMarkedFailingAndGetsTheMessageOnceItAnswers() throws Exception {
        startWebhook();
        answer = 503;
        long test = outbox.test("webhook").id();

        await(
                () ->
                        notifications
                                .find(test)
                                .flatMap(n -> n.delivery("webhook"))
                                .filter(d -> d.attempts() >= 3),
                "three attempts");
        DeliverySnapshot failed =
                notifications.find(test).flatMap(n -> n.delivery("webhook")).get();
        assertEquals(DeliveryState.FAILED, failed.state());
        assertTrue(failed.lastError().contains("503"), failed.lastError());
        ChannelStatus failing = channel("webhook");
        assertTrue(failing.failing(), failing.toString());
        assertTrue(refused.stream().filter(id -> id == test).count() >= 3, refused.toString());

        answer = 200;
        DeliverySnapshot sent =
                await(
                        () ->
                                notifications
                                        .find(test)
                                        .flatMap(n -> n.delivery("webhook"))
                                        .filter(d -> d.state() == DeliveryState.SENT),
                        "the webhook delivery sent");
        assertTrue(sent.attempts() >= 4, sent.toString());
        await(() -> Optional.of(channel("webhook")).filter(c -> !c.failing()), "healthy again");
        Thread.sleep(2_000);
        assertEquals(1, accepted.stream().filter(id -> id == test).count(), accepted.toString());
    }

    private static synchronized void startWebhook() throws IOException {
        if (webhook == null) {
            URI url = URI.create(System.getProperty(SharedPayaraMicro.WEBHOOK_URL));
            webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", url.getPort()), 0);
            webhook.createContext(url.getPath(), NotificationsContainerIT::answer);
            webhook.start();
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
        int status = answer;
        (status == 200 ? accepted : refused).add(id);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private ChannelStatus channel(String name) {
        return notifications.channels().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private Optional<NotificationSnapshot> aboutPosition(long id) {
        return notifications.recent(200, null).stream()
                .filter(n -> n.payload().contains("\"positionId\":" + id + ","))
                .findFirst();
    }

    private static PositionSettled settlement(long positionId) {
        Instant at = Instant.now();
        return new PositionSettled(
                new PositionSnapshot(
                        positionId,
                        "NCSZ6",
                        "paper",
                        "paper",
                        PositionOrigin.ADMIN,
                        PositionState.SETTLED,
                        Side.BUY,
                        null,
                        new BigDecimal("2"),
                        BigDecimal.ZERO,
                        new BigDecimal("100.50"),
                        null,
                        null,
                        new BigDecimal("7"),
                        BigDecimal.ZERO,
                        null,
                        "{}",
                        null,
                        at,
                        at,
                        at,
                        at,
                        null),
                new BigDecimal("2"),
                new BigDecimal("104"),
                new BigDecimal("7"),
                "the simulated market's last price",
                at);
    }

    private Optional<NotificationSnapshot> about(String clientOrderId) {
        return notifications.recent(200, null).stream()
                .filter(n -> n.payload().contains("\"" + clientOrderId + "\""))
                .findFirst();
    }

    private static <T> T await(Supplier<Optional<T>> probe, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not within " + PATIENCE + ": " + what);
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static OrderTicket ticket(String id) {
        return new OrderTicket(
                id,
                Contract.stock("AAPL", "NASDAQ"),
                Side.BUY,
                new BigDecimal("10"),
                OrderType.LMT,
                new BigDecimal("98"),
                null,
                TimeInForce.DAY);
    }
}
