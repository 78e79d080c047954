package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.tickerdesk.cluster.control.LeaderInbox;
import org.tickerdesk.testing.SettableClock;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderType;

/**
 * Which broker the exits of one batch are committed for: the one statement runs once per broker, a
 * paper position's exits for the paper broker even while IBKR is configured, and a plan that does
 * not say where its position is held goes the long way, which reads the position.
 */
class ExitOrdersTest {

    private static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");

    /** One call of the one statement: for which broker, with which positions' plans. */
    private record Statement(String broker, List<Long> positions) {}

    private final List<Statement> statements = new ArrayList<>();
    private final List<Long> longWay = new ArrayList<>();
    private final List<String> longWayBrokers = new ArrayList<>();
    private final SettableClock clock = new SettableClock(NOW);

    private ExitOrders orders(Broker configured) {
        OrderDesk desk = new OrderDesk();
        desk.inbox = new LeaderInbox();
        desk.broker = configured;
        desk.paper = PaperBrokers.over(new HashMap<>(), 1, clock);
        ExitOrders orders = new ExitOrders();
        orders.desk = desk;
        orders.clock = clock;
        orders.lane = Runnable::run;
        orders.followUps = Runnable::run;
        orders.statement =
                new ExitStatement() {
                    @Override
                    public Outcome commit(
                            List<ExitPlan> plans,
                            Instant at,
                            Function<CommittedExit, OrderTicket> tickets,
                            String broker) {
                        statements.add(
                                new Statement(
                                        broker, plans.stream().map(ExitPlan::positionId).toList()));
                        return new Outcome(List.of(), List.of());
                    }
                };
        orders.store =
                new PositionStore() {
                    @Override
                    public List<CommittedExit> commit(
                            List<ExitPlan> plans,
                            Instant at,
                            Function<CommittedExit, OrderTicket> tickets,
                            UnaryOperator<String> broker) {
                        plans.forEach(p -> longWay.add(p.positionId()));
                        longWayBrokers.add(broker.apply("paper"));
                        longWayBrokers.add(broker.apply("ibkr"));
                        return List.of();
                    }
                };
        orders.start();
        return orders;
    }

    private static ExitPlan stop(long positionId, String broker) {
        return new ExitPlan(
                positionId,
                "STOP_LOSS",
                true,
                BigDecimal.TEN,
                OrderType.MKT,
                null,
                new BigDecimal("95"),
                new BigDecimal("94.99"),
                NOW,
                0,
                "AAPL",
                BigDecimal.TEN,
                broker);
    }

    @Test
    void besideIbkrAPaperPositionsExitsAreCommittedForThePaperBroker() {
        ExitOrders orders = orders(new StubBroker("ibkr", true));

        orders.submit(List.of(stop(1, "ibkr"), stop(2, "paper"), stop(3, "ibkr"), stop(4, null)));

        assertEquals(
                List.of(
                        new Statement("ibkr", List.of(1L, 3L)),
                        new Statement("paper", List.of(2L))),
                statements);
        assertEquals(List.of(4L), longWay, "the broker of position 4 is not known: read it");
        assertEquals(
                List.of("paper", "ibkr"),
                longWayBrokers,
                "the long way sends a paper position's exit to paper, any other to IBKR");
    }

    @Test
    void withThePaperBrokerConfiguredEveryExitIsOneStatementForIt() {
        PaperBroker paper = PaperBrokers.over(new HashMap<>(), 1, clock);
        ExitOrders orders = orders(paper);

        orders.submit(List.of(stop(1, "ibkr"), stop(2, "paper")));

        assertEquals(List.of(new Statement("paper", List.of(1L, 2L))), statements);
        assertEquals(List.of(), longWay);
    }
}
