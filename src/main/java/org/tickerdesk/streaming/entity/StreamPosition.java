package org.tickerdesk.streaming.entity;

/**
 * Where a client's copy of one concrete stream ends: the last message it received, named by the
 * server run that numbered it and its offset there. A subscribe's {@code since} carries one per
 * stream to recover what was missed after it.
 *
 * @param epoch the {@code epoch} of that message
 * @param offset its {@code offset}; 0 for "nothing yet in that epoch"
 */
public record StreamPosition(String epoch, long offset) {

    static final int MAX_EPOCH_LENGTH = 64;

    public StreamPosition {
        if (epoch == null || epoch.isBlank() || epoch.length() > MAX_EPOCH_LENGTH) {
            throw new IllegalArgumentException(
                    "An epoch is the non-empty text of a message's epoch, at most "
                            + MAX_EPOCH_LENGTH
                            + " characters");
        }
        if (offset < 0) {
            throw new IllegalArgumentException(
                    "An offset is a whole number from 0 up, not " + offset);
        }
    }
}
