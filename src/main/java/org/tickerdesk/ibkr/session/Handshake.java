package org.tickerdesk.ibkr.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tickerdesk.ibkr.wire.Frames;
import org.tickerdesk.ibkr.wire.ProtocolException;
import org.tickerdesk.ibkr.wire.ServerVersions;

/**
 * The opening of a TWS API session: the client sends "API\0" and then, length-prefixed and without
 * a trailing NUL, "v{min}..{max}" plus optional connect options; TWS answers with the version it
 * chose and its connection time.
 */
public final class Handshake {

    /** The server's answer to the greeting. */
    public record ServerHello(int serverVersion, String connectionTime) {}

    private Handshake() {}

    public static byte[] greeting(int minVersion, int maxVersion, String connectOptions) {
        String range = "v" + minVersion + ".." + maxVersion;
        if (connectOptions != null && !connectOptions.isBlank()) {
            range += " " + connectOptions.trim();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("API\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Frames.frame(range.getBytes(StandardCharsets.US_ASCII)));
        return out.toByteArray();
    }

    /** Reads the answer and checks that the chosen version is one we implement. */
    public static ServerHello reply(List<String> fields) throws ProtocolException {
        if (fields.size() < 2) {
            throw new ProtocolException(
                    "TWS answered the handshake with "
                            + fields.size()
                            + " fields; expected the server version and connection time");
        }
        int version;
        try {
            version = Integer.parseInt(fields.get(0).trim());
        } catch (NumberFormatException e) {
            throw new ProtocolException(
                    "TWS answered the handshake with '" + fields.get(0) + "' instead of a version");
        }
        return new ServerHello(ServerVersions.requireSupported(version), fields.get(1));
    }
}
