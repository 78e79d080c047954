package org.tickerdesk.streaming.control;

import java.util.ArrayDeque;
import java.util.List;
import org.tickerdesk.streaming.entity.HistoryLimits;

/**
 * The recent data messages of one concrete stream, as sent, oldest first, without a gap: at most
 * the limits' number, none older than their age, and only while the shared {@link HistoryBudget}
 * has room. When it has none, the stream gives up its own oldest messages first, and keeps none
 * rather than a history with a hole. Guarded by its stream's lock.
 */
final class History {

    private record Kept(long offset, String text, long atMillis) {}

    private final HistoryLimits limits;
    private final HistoryBudget budget;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private long lastOffset;

    History(HistoryLimits limits, HistoryBudget budget) {
        this.limits = limits;
        this.budget = budget;
    }

    void append(long offset, String text, long nowMillis) {
        lastOffset = offset;
        expire(nowMillis);
        while (kept.size() >= limits.messages() && !kept.isEmpty()) {
            dropOldest();
        }
        while (!budget.take(text.length())) {
            if (kept.isEmpty()) {
                return;
            }
            dropOldest();
        }
        if (limits.messages() == 0) {
            budget.give(text.length());
            return;
        }
        kept.addLast(new Kept(offset, text, nowMillis));
    }

    /** A message no one can ask for again: it is counted, and nothing before it is kept either. */
    void pass(long offset) {
        lastOffset = offset;
        while (!kept.isEmpty()) {
            dropOldest();
        }
    }

    /** The offset of the oldest message kept; one past the last one when none is. */
    long firstKept(long nowMillis) {
        expire(nowMillis);
        return kept.isEmpty() ? lastOffset + 1 : kept.peekFirst().offset();
    }

    /** The messages kept after the offset, oldest first. */
    List<String> after(long offset) {
        return kept.stream().filter(k -> k.offset() > offset).map(Kept::text).toList();
    }

    /** Gives up what is older than the limits' age: a stream that went quiet holds no budget. */
    void expire(long nowMillis) {
        long oldest = nowMillis - limits.age().toMillis();
        while (!kept.isEmpty() && kept.peekFirst().atMillis() < oldest) {
            dropOldest();
        }
    }

    private void dropOldest() {
        budget.give(kept.removeFirst().text().length());
    }
}
