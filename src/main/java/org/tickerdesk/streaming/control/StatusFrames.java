package org.tickerdesk.streaming.control;

import org.tickerdesk.streaming.entity.StatusChanged;

/**
 * Writes the messages of the private {@code status} stream: the status as the admin gathered it,
 * carried as it is. {@code ts} is when the status was read.
 */
final class StatusFrames {

    static final String NAME = "status";
    static final String STATUS = "status";

    private StatusFrames() {}

    static String write(
            String type, String stream, StatusChanged status, String epoch, long offset) {
        StringBuilder json = new StringBuilder(2048);
        json.append("{\"type\":");
        QuoteFrames.string(json, type);
        json.append(",\"stream\":");
        QuoteFrames.string(json, stream);
        json.append(",\"data\":").append(status.status());
        json.append(",\"epoch\":");
        QuoteFrames.string(json, epoch);
        json.append(",\"offset\":").append(offset);
        json.append(",\"ts\":").append(JobsStream.millis(status.at()).toPlainString());
        return json.append('}').toString();
    }
}
