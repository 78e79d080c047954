package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.streaming.entity.HistoryLimits;

/** A stream's recent messages stay within their count, their age and the budget all share. */
class HistoryTest {

    private static final HistoryLimits LIMITS = new HistoryLimits(3, Duration.ofSeconds(60), 10);

    private final HistoryBudget budget = new HistoryBudget(LIMITS.characters());
    private final History apple = new History(LIMITS, budget);
    private final History microsoft = new History(LIMITS, budget);

    @Test
    void keepsTheLastMessagesUpToItsCount() {
        for (int offset = 1; offset <= 5; offset++) {
            apple.append(offset, "m" + offset, 0);
        }

        assertEquals(List.of("m3", "m4", "m5"), apple.after(0));
        assertEquals(3, apple.firstKept(0));
        assertEquals(6, budget.used(), "three messages of two characters");
    }

    @Test
    void aStreamOverTheSharedBudgetGivesUpItsOwnOldestFirst() {
        microsoft.append(1, "aaaa", 0);
        apple.append(1, "bbbb", 0);

        apple.append(2, "cccc", 0);

        assertEquals(List.of("aaaa"), microsoft.after(0));
        assertEquals(List.of("cccc"), apple.after(0));
        assertEquals(2, apple.firstKept(0));
    }

    @Test
    void aMessageThatFindsNoRoomLeavesNoHoleItKeepsNothing() {
        microsoft.append(1, "aaaaaaaa", 0);
        apple.append(1, "bb", 0);

        apple.append(2, "cccc", 0);

        assertEquals(List.of(), apple.after(0));
        assertEquals(3, apple.firstKept(0), "only a client at offset 2 can resume");
        assertEquals(8, budget.used());
    }

    @Test
    void messagesOlderThanTheAgeAreGivenUpAndTheirRoomWithThem() {
        apple.append(1, "m1", 0);
        apple.append(2, "m2", 30_000);

        apple.expire(60_001);

        assertEquals(List.of("m2"), apple.after(0));
        assertEquals(2, budget.used());
    }
}
