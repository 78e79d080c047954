package org.tickerdesk.streaming.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tickerdesk.streaming.entity.HistoryLimits;

/**
 * The recent data messages of one concrete stream, as sent, oldest first, without a gap: at most
 * the limits' number, none older than their age, and only while the shared {@link HistoryBudget}
 * has room. When it has none, the stream gives up its own oldest messages first, and keeps none
 * rather than a history with a hole. A message that does not follow the last one kept (the next
 * offset of its epoch, or the first of a new epoch) lets go of everything before it, for the same
 * reason. So what is kept is always an unbroken run of the stream's last messages, also across a
 * change of epoch, which a cluster's quote streams have at every takeover. Guarded by its stream's
 * lock.
 */
final class History {

    private record Kept(String epoch, long offset, String text, long atMillis) {

        boolean isFollowedBy(String nextEpoch, long nextOffset) {
            return epoch.equals(nextEpoch) ? nextOffset == offset + 1 : nextOffset == 1;
        }
    }

    /**
     * The offsets of the messages of one epoch kept, the oldest and the newest.
     *
     * @param first the oldest kept
     * @param last the newest kept
     */
    record Span(long first, long last) {}

    private final HistoryLimits limits;
    private final HistoryBudget budget;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();

    History(HistoryLimits limits, HistoryBudget budget) {
        this.limits = limits;
        this.budget = budget;
    }

    void append(String epoch, long offset, String text, long nowMillis) {
        Objects.requireNonNull(epoch, "epoch");
        if (!kept.isEmpty() && !kept.peekLast().isFollowedBy(epoch, offset)) {
            dropAll();
        }
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
        kept.addLast(new Kept(epoch, offset, text, nowMillis));
    }

    /** A message no one can ask for again: nothing before it is kept either. */
    void pass() {
        dropAll();
    }

    /** The epoch's messages kept, after letting go of those too old; null when none is. */
    Span span(String epoch, long nowMillis) {
        expire(nowMillis);
        long first = -1;
        long last = -1;
        for (Kept k : kept) {
            if (k.epoch().equals(epoch)) {
                if (first < 0) {
                    first = k.offset();
                }
                last = k.offset();
            }
        }
        return first < 0 ? null : new Span(first, last);
    }

    /**
     * The messages kept after a position, oldest first: those of its epoch after its offset and all
     * of the epochs after that one; none if no message of its epoch is kept.
     */
    List<String> after(String epoch, long offset) {
        List<String> missed = new ArrayList<>();
        boolean reached = false;
        for (Kept k : kept) {
            boolean ofEpoch = k.epoch().equals(epoch);
            reached |= ofEpoch;
            if (reached && (!ofEpoch || k.offset() > offset)) {
                missed.add(k.text());
            }
        }
        return missed;
    }

    /** Gives up what is older than the limits' age: a stream that went quiet holds no budget. */
    void expire(long nowMillis) {
        long oldest = nowMillis - limits.age().toMillis();
        while (!kept.isEmpty() && kept.peekFirst().atMillis() < oldest) {
            dropOldest();
        }
    }

    private void dropAll() {
        while (!kept.isEmpty()) {
            dropOldest();
        }
    }

    private void dropOldest() {
        budget.give(kept.removeFirst().text().length());
    }
}
