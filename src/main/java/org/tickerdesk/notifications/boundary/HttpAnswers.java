package org.tickerdesk.notifications.boundary;

/** What a failed answer said, short enough for a delivery's last error. */
final class HttpAnswers {

    static final int EXCERPT = 200;

    private HttpAnswers() {}

    /** ": <the start of the body>", or nothing for an empty body. */
    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…");
    }
}
