package org.tickerdesk.streaming.control;

import java.util.Optional;
import org.tickerdesk.streaming.entity.ErrorCode;
import org.tickerdesk.streaming.entity.ProtocolViolationException;

/**
 * Joins the parts of one client's text message as the container hands them over, keeping at most
 * the protocol's 64 KiB: a message that grows past it is refused as soon as it does, and its rest
 * is never held, however long the client goes on sending.
 */
final class RequestAssembly {

    private final StringBuilder parts = new StringBuilder();
    private long bytes;

    /**
     * @return the whole message once its last part has arrived; empty while parts are missing
     * @throws ProtocolViolationException {@code frame_too_large} once the message is over the limit
     */
    Optional<String> add(String part, boolean last) {
        bytes += FrameGuard.utf8Length(part);
        if (bytes > FrameGuard.MAX_FRAME_BYTES) {
            parts.setLength(0);
            throw new ProtocolViolationException(
                    ErrorCode.FRAME_TOO_LARGE,
                    "A request may have at most "
                            + FrameGuard.MAX_FRAME_BYTES
                            + " bytes; this one has "
                            + (last ? "" : "more than ")
                            + bytes
                            + ", and the connection is closed");
        }
        if (!last) {
            parts.append(part);
            return Optional.empty();
        }
        bytes = 0;
        if (parts.isEmpty()) {
            return Optional.of(part);
        }
        String whole = parts.append(part).toString();
        parts.setLength(0);
        return Optional.of(whole);
    }
}
