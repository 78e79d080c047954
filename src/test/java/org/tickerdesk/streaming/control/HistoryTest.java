package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.streaming.entity.HistoryLimits;

/** A stream's recent messages stay within their count, their age and the budget all share. */
class HistoryTest {

    private static final String EPOCH = "e1";
    private static final HistoryLimits LIMITS = new HistoryLimits(3, Duration.ofSeconds(60), 10);

    private final HistoryBudget budget = new HistoryBudget(LIMITS.characters());
    private final History apple = new History(LIMITS, budget);
    private final History microsoft = new History(LIMITS, budget);

    @Test
    void keepsTheLastMessagesUpToItsCount() {
        for (int offset = 1; offset <= 5; offset++) {
            apple.append(EPOCH, offset, "m" + offset, 0);
        }

        assertEquals(List.of("m3", "m4", "m5"), apple.after(EPOCH, 0));
        assertEquals(new History.Span(3, 5), apple.span(EPOCH, 0));
        assertEquals(6, budget.used(), "three messages of two characters");
    }

    @Test
    void aStreamOverTheSharedBudgetGivesUpItsOwnOldestFirst() {
        microsoft.append(EPOCH, 1, "aaaa", 0);
        apple.append(EPOCH, 1, "bbbb", 0);

        apple.append(EPOCH, 2, "cccc", 0);

        assertEquals(List.of("aaaa"), microsoft.after(EPOCH, 0));
        assertEquals(List.of("cccc"), apple.after(EPOCH, 0));
        assertEquals(new History.Span(2, 2), apple.span(EPOCH, 0));
    }

    @Test
    void aMessageThatFindsNoRoomLeavesNoHoleItKeepsNothing() {
        microsoft.append(EPOCH, 1, "aaaaaaaa", 0);
        apple.append(EPOCH, 1, "bb", 0);

        apple.append(EPOCH, 2, "cccc", 0);

        assertEquals(List.of(), apple.after(EPOCH, 0));
        assertEquals(null, apple.span(EPOCH, 0), "none kept: only a client at offset 2 can resume");
        assertEquals(8, budget.used());
    }

    @Test
    void messagesOlderThanTheAgeAreGivenUpAndTheirRoomWithThem() {
        apple.append(EPOCH, 1, "m1", 0);
        apple.append(EPOCH, 2, "m2", 30_000);

        apple.expire(60_001);

        assertEquals(List.of("m2"), apple.after(EPOCH, 0));
        assertEquals(2, budget.used());
    }

    @Test
    void aNewEpochFollowsTheLastOneAndAPositionInTheEarlierGetsItsRestAndAllAfter() {
        apple.append("t1", 1, "a1", 0);
        apple.append("t1", 2, "a2", 0);
        apple.append("t2", 1, "b1", 0);

        assertEquals(new History.Span(1, 2), apple.span("t1", 0));
        assertEquals(new History.Span(1, 1), apple.span("t2", 0));
        assertEquals(List.of("a2", "b1"), apple.after("t1", 1));
        assertEquals(List.of("b1"), apple.after("t1", 2));
        assertEquals(List.of("b1"), apple.after("t2", 0));
        assertEquals(List.of(), apple.after("t0", 0), "an epoch not kept has nothing after it");
    }

    @Test
    void aMessageThatSkipsOffsetsLetsGoOfEverythingBeforeIt() {
        apple.append("t1", 1, "a1", 0);
        apple.append("t1", 2, "a2", 0);

        apple.append("t1", 4, "a4", 0);

        assertEquals(new History.Span(4, 4), apple.span("t1", 0));
        assertEquals(2, budget.used());
    }

    @Test
    void aNewEpochThatDoesNotStartAtOneLetsGoOfTheEarlierOne() {
        apple.append("t1", 1, "a1", 0);

        apple.append("t2", 3, "b3", 0);

        assertEquals(null, apple.span("t1", 0));
        assertEquals(List.of("b3"), apple.after("t2", 2));
    }
}
