package org.tickerdesk.platform.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin (RFC 6454): scheme, host and port, the port spelled out even where the scheme
 * implies it, so that {@code http://example.com} and {@code http://example.com:80} are equal.
 */
public record WebOrigin(String scheme, String host, int port) {

    public WebOrigin {
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("A web origin is http or https, not " + scheme);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("A web origin needs a host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
    }

    /**
     * The origin a browser names in its {@code Origin} header; empty for {@code null} (an opaque
     * origin, such as a sandboxed frame's) and for anything that is not an origin.
     */
    public static Optional<WebOrigin> ofHeader(String origin) {
        return origin == null ? Optional.empty() : parse(origin);
    }

    /** The origin a request was addressed to: the scheme it came by and its {@code Host} header. */
    public static Optional<WebOrigin> ofRequest(String scheme, String hostHeader) {
        return scheme == null || hostHeader == null || hostHeader.contains("/")
                ? Optional.empty()
                : parse(scheme + "://" + hostHeader);
    }

    private static Optional<WebOrigin> parse(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(new WebOrigin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
