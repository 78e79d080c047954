package org.tickerdesk.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * What the launcher needs to know before the server (and MicroProfile Config with it) exists. Each
 * setting is looked up the way MicroProfile Config will later look it up inside the application: a
 * system property such as {@code tickerdesk.http.port} first, then the environment variable {@code
 * TICKERDESK_HTTP_PORT}.
 */
public record LauncherSettings(
        String httpHost,
        int httpPort,
        Path dataDir,
        Optional<ExternalDatabase> externalDatabase,
        boolean cluster,
        List<ClusterMember> clusterMembers) {

    /**
     * Loopback unless told otherwise: a server that can place orders should not be reachable from
     * the network until its owner decides so (and puts TLS in front of it).
     */
    static final String DEFAULT_HTTP_HOST = "127.0.0.1";

    /** The largest REST request body anyone may configure: 16 MiB. */
    static final int MAX_BODY_BYTES_LIMIT = 16 * 1024 * 1024;

    /** An external PostgreSQL: when configured, no embedded one is started. */
    public record ExternalDatabase(String url, String user, String password) {}

    /**
     * Where the data grid looks for the other members, three on this machine unless told otherwise:
     * an explicit list, because discovery by multicast would answer anyone on the network.
     */
    static final String DEFAULT_CLUSTER_MEMBERS = "127.0.0.1:6900,127.0.0.1:6901,127.0.0.1:6902";

    /** One address of the data grid's member list, an IPv4 address or a host name with a port. */
    public record ClusterMember(String host, int port) {

        /** On this machine only; {@code localhost} counts, as Hazelcast resolves it to IPv4. */
        public boolean onLoopback() {
            return host.equalsIgnoreCase("localhost") || host.startsWith("127.");
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public static LauncherSettings read(
            UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        Lookup lookup = new Lookup(systemProperties, environment);
        String host = httpHost(lookup);
        int port = lookup.port("tickerdesk.http.port", 8080);
        Path dataDir =
                Path.of(lookup.get("tickerdesk.data.dir").orElse("data"))
                        .toAbsolutePath()
                        .normalize();
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new StartupException(
                    "TICKERDESK_DATA_DIR must be a folder, but " + dataDir + " is a file");
        }
        Optional<ExternalDatabase> external =
                lookup.get("tickerdesk.db.url")
                        .map(
                                url -> {
                                    if (!url.startsWith("jdbc:postgresql:")) {
                                        throw new StartupException(
                                                "TICKERDESK_DB_URL must be a PostgreSQL JDBC URL"
                                                    + " such as"
                                                    + " jdbc:postgresql://db.example.com:5432/tickerdesk,"
                                                    + " not '"
                                                        + url
                                                        + "'");
                                    }
                                    return new ExternalDatabase(
                                            url,
                                            lookup.get("tickerdesk.db.user").orElse("tickerdesk"),
                                            lookup.get("tickerdesk.db.password").orElse(""));
                                });
        boolean cluster = lookup.bool("tickerdesk.cluster", false);
        List<ClusterMember> members =
                clusterMembers(
                        lookup.get("tickerdesk.cluster.members").orElse(DEFAULT_CLUSTER_MEMBERS));
        if (cluster && external.isEmpty()) {
            throw new StartupException(
                    "TICKERDESK_CLUSTER=true needs one external PostgreSQL that every member"
                            + " shares, and the embedded one serves a single instance: set"
                            + " TICKERDESK_DB_URL (with TICKERDESK_DB_USER and"
                            + " TICKERDESK_DB_PASSWORD) on every member");
        }
        requireApplicationSettings(lookup);
        return new LauncherSettings(host, port, dataDir, external, cluster, members);
    }

    /**
     * Comma-separated {@code host:port} entries, each checked on its own so that the message names
     * the one that is wrong; read even with clustering off, so that a typo shows before the day it
     * is switched on.
     */
    static List<ClusterMember> clusterMembers(String list) {
        List<ClusterMember> members = new ArrayList<>();
        for (String raw : list.split(",", -1)) {
            String entry = raw.trim();
            int colon = entry.lastIndexOf(':');
            String host = colon < 0 ? entry : entry.substring(0, colon);
            String port = colon < 0 ? "" : entry.substring(colon + 1);
            if (!isIpv4OrHostName(host) || !port.matches("\\d{1,5}")) {
                throw badMember(entry, list);
            }
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                throw badMember(entry, list);
            }
            ClusterMember member = new ClusterMember(host, number);
            if (members.contains(member)) {
                throw new StartupException(
                        "TICKERDESK_CLUSTER_MEMBERS names " + member + " twice: '" + list + "'");
            }
            members.add(member);
        }
        return List.copyOf(members);
    }

    private static StartupException badMember(String entry, String list) {
        return new StartupException(
                "TICKERDESK_CLUSTER_MEMBERS must be comma-separated host:port entries such as"
                        + " 127.0.0.1:6900,127.0.0.1:6901 (an IPv4 address or host name, a port"
                        + " from 1 to 65535), but '"
                        + entry
                        + "' is not one (in '"
                        + list
                        + "')");
    }

    private static boolean isIpv4OrHostName(String host) {
        if (host.matches("[0-9.]+")) {
            return host.matches("(\\d{1,3}\\.){3}\\d{1,3}")
                    && Stream.of(host.split("\\.")).allMatch(b -> Integer.parseInt(b) <= 255);
        }
        return host.matches(
                "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    }

    /** Every member on this machine: then the data grid need listen on loopback only. */
    public boolean clusterOnLoopback() {
        return clusterMembers.stream().allMatch(ClusterMember::onLoopback);
    }

    /**
     * An IP address literal, so that what the listener binds to is exactly what was written: a host
     * name could resolve to several addresses, or to another one tomorrow.
     */
    private static String httpHost(Lookup lookup) {
        String host = lookup.get("tickerdesk.http.host").orElse(DEFAULT_HTTP_HOST);
        String bare =
                host.startsWith("[") && host.endsWith("]")
                        ? host.substring(1, host.length() - 1)
                        : host;
        boolean ipv4 =
                bare.matches("(\\d{1,3}\\.){3}\\d{1,3}")
                        && Stream.of(bare.split("\\.")).allMatch(b -> Integer.parseInt(b) <= 255);
        boolean ipv6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            throw new StartupException(
                    "TICKERDESK_HTTP_HOST must be an IP address of this machine such as 127.0.0.1"
                            + " (this machine only) or 0.0.0.0 (every interface), not '"
                            + host
                            + "'");
        }
        return bare;
    }

    /** The address to reach the HTTP listener at from this machine. */
    public String localHost() {
        return switch (httpHost) {
            case "0.0.0.0", "::", "127.0.0.1", "::1" -> "localhost";
            default -> httpHost.contains(":") ? "[" + httpHost + "]" : httpHost;
        };
    }

    public static LauncherSettings fromEnvironment() {
        return read(System::getProperty, System::getenv);
    }

    /**
     * The application reads these itself, but a wrong value would only fail its deployment deep in
     * the server log: checked here, it is one clear line before anything starts.
     */
    private static void requireApplicationSettings(Lookup lookup) {
        lookup.oneOf("tickerdesk.source", org.tickerdesk.platform.entity.SourceName.settings());
        lookup.oneOf("tickerdesk.trading", org.tickerdesk.platform.entity.BrokerName.settings());
        lookup.whole("tickerdesk.paper.slippage-ticks", 0, 1000);
        lookup.amount("tickerdesk.paper.commission-per-unit", 100);
        lookup.amount("tickerdesk.paper.minimum-commission", 1000);
        requireSimulatorSettings(lookup);
        requireIbkrSettings(lookup);
        requireOperationsSettings(lookup);
        lookup.whole("tickerdesk.marketdata.stale-seconds", 1, 3600);
        lookup.whole("tickerdesk.copy.simulated.slot-seconds", 1, 86_400);
        lookup.bool("tickerdesk.marketdata.ticks.record", true);
        lookup.whole("tickerdesk.marketdata.ticks.retention-hours", 1, 24 * 3650);
        lookup.whole("tickerdesk.history.fetch-timeout-seconds", 1, 3600);
        lookup.bool("tickerdesk.history.jobs.restart-on-startup", true);
        lookup.whole("tickerdesk.history.jobs.retention-days", 1, 3650);
        lookup.whole("tickerdesk.history.csv.max-bytes", 1, 1 << 30);
        lookup.get("tickerdesk.history.yahoo.base-url")
                .ifPresent(
                        url ->
                                requireHttpUrl(
                                        url,
                                        "TICKERDESK_HISTORY_YAHOO_BASE_URL",
                                        "https://query1.finance.yahoo.com"));
        lookup.bool("tickerdesk.api.read-requires-token", false);
        lookup.whole("tickerdesk.api.max-body-bytes", 1, MAX_BODY_BYTES_LIMIT);
        lookup.whole("tickerdesk.login.max-failures", 1, 1000);
        lookup.whole("tickerdesk.login.lockout-seconds", 1, 86_400);
        lookup.whole("tickerdesk.streaming.max-streams", 1, 10_000);
        lookup.whole("tickerdesk.streaming.requests-per-second", 1, 10_000);
        lookup.whole("tickerdesk.streaming.request-burst", 1, 100_000);
        lookup.whole("tickerdesk.streaming.max-connections-per-address", 1, 100_000);
        lookup.whole("tickerdesk.streaming.max-queued-messages", 1, 1_000_000);
        lookup.whole("tickerdesk.streaming.max-queue-age-ms", 100, 600_000);
        lookup.whole("tickerdesk.streaming.history.messages", 0, 100_000);
        lookup.whole("tickerdesk.streaming.history.seconds", 0, 3_600);
        lookup.whole("tickerdesk.streaming.history.megabytes", 0, 65_536);
        lookup.get("tickerdesk.admin.password")
                .ifPresent(
                        password -> {
                            if (password.length() < 8) {
                                throw new StartupException(
                                        "TICKERDESK_ADMIN_PASSWORD must be at least 8 characters"
                                                + " long");
                            }
                        });
        lookup.get("tickerdesk.api.token")
                .ifPresent(
                        token -> {
                            if (token.length() < 16) {
                                throw new StartupException(
                                        "TICKERDESK_API_TOKEN must be at least 16 characters long");
                            }
                        });
    }

    /** The tasks, resolution and notification settings. */
    private static void requireOperationsSettings(Lookup lookup) {
        lookup.whole("tickerdesk.tasks.failure-threshold", 1, 1000);
        lookup.oneOf("tickerdesk.resolution.source", "simulated", "ibkr", "manual");
        lookup.get("tickerdesk.resolution.interval")
                .ifPresent(LauncherSettings::requireResolutionInterval);
        lookup.get("tickerdesk.webhook.url")
                .ifPresent(
                        url ->
                                requireHttpUrl(
                                        url,
                                        "TICKERDESK_WEBHOOK_URL",
                                        "https://example.org/tickerdesk-hook"));
        lookup.get("tickerdesk.webhook.secret");
        lookup.get("tickerdesk.smtp.host");
        lookup.port("tickerdesk.smtp.port", 25);
        lookup.get("tickerdesk.smtp.user");
        lookup.get("tickerdesk.smtp.password");
        lookup.get("tickerdesk.smtp.from");
        lookup.get("tickerdesk.smtp.to");
        lookup.bool("tickerdesk.smtp.starttls", false);
        lookup.get("tickerdesk.telegram.token");
        lookup.get("tickerdesk.telegram.chat-id");
        lookup.get("tickerdesk.telegram.base-url")
                .ifPresent(
                        url ->
                                requireHttpUrl(
                                        url,
                                        "TICKERDESK_TELEGRAM_BASE_URL",
                                        "https://api.telegram.org"));
        lookup.whole("tickerdesk.notifications.retry.first-ms", 1, 86_400_000);
        lookup.whole("tickerdesk.notifications.retry.max-ms", 1, 86_400_000);
        lookup.whole("tickerdesk.notifications.failing-after", 1, 1000);
        lookup.whole("tickerdesk.notifications.tws-outage-minutes", 1, 10_080);
    }

    private static void requireResolutionInterval(String interval) {
        java.time.Duration parsed;
        try {
            parsed = java.time.Duration.parse(interval);
        } catch (java.time.format.DateTimeParseException e) {
            parsed = null;
        }
        if (parsed == null || parsed.compareTo(java.time.Duration.ofSeconds(10)) < 0) {
            throw new StartupException(
                    "TICKERDESK_RESOLUTION_INTERVAL must be an ISO-8601 duration of at least 10 s"
                            + " such as PT1H, not '"
                            + interval
                            + "'");
        }
    }

    private static void requireHttpUrl(String url, String variable, String example) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null
                || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new StartupException(
                    variable
                            + " must be an http or https address such as "
                            + example
                            + ", not '"
                            + url
                            + "'");
        }
    }

    private static void requireIbkrSettings(Lookup lookup) {
        lookup.get("tickerdesk.ibkr.host")
                .ifPresent(
                        host -> {
                            if (host.contains(" ")
                                    || host.contains("/")
                                    || host.contains(":") && !host.startsWith("[")) {
                                throw new StartupException(
                                        "TICKERDESK_IBKR_HOST must be a host name or address such"
                                                + " as 127.0.0.1, not '"
                                                + host
                                                + "'");
                            }
                        });
        lookup.port("tickerdesk.ibkr.port", 7497);
        lookup.whole("tickerdesk.ibkr.client-id", 0, Integer.MAX_VALUE);
        lookup.whole("tickerdesk.ibkr.max-lines", 1, 10_000);
        lookup.whole("tickerdesk.ibkr.reconnect-max-seconds", 1, 3600);
        lookup.whole("tickerdesk.subscriptions.cleanup-interval-seconds", 1, 86_400);
        lookup.whole("tickerdesk.subscriptions.idle-seconds", 0, 86_400);
        lookup.oneOf(
                "tickerdesk.ibkr.market-data-type", "live", "frozen", "delayed", "delayed-frozen");
    }

    private static void requireSimulatorSettings(Lookup lookup) {
        lookup.get("tickerdesk.sim.ticks-per-second")
                .ifPresent(
                        rate -> {
                            double value = lookup.number("tickerdesk.sim.ticks-per-second", rate);
                            if (!(value > 0) || value > 1_000_000) {
                                throw new StartupException(
                                        "TICKERDESK_SIM_TICKS_PER_SECOND must be above 0 and at"
                                                + " most 1000000, not "
                                                + rate);
                            }
                        });
        lookup.get("tickerdesk.sim.symbols")
                .ifPresent(
                        count -> {
                            double value = lookup.number("tickerdesk.sim.symbols", count);
                            if (value < 0 || value > 10_000 || value != Math.rint(value)) {
                                throw new StartupException(
                                        "TICKERDESK_SIM_SYMBOLS must be a whole number from 0 to"
                                                + " 10000, not "
                                                + count);
                            }
                        });
        lookup.get("tickerdesk.sim.seed")
                .ifPresent(
                        seed -> {
                            try {
                                Long.parseLong(seed);
                            } catch (NumberFormatException e) {
                                throw new StartupException(
                                        "TICKERDESK_SIM_SEED must be a whole number, not '"
                                                + seed
                                                + "'");
                            }
                        });
    }

    private record Lookup(
            UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {

        Optional<String> get(String key) {
            String value = systemProperties.apply(key);
            if (value == null) {
                value = environment.apply(environmentName(key));
            }
            return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
        }

        double number(String key, String raw) {
            try {
                return Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw new StartupException(
                        environmentName(key) + " must be a number, not '" + raw + "'");
            }
        }

        /**
         * Strictly {@code true} or {@code false}: MicroProfile Config reads any other spelling as
         * false, so a typo would silently switch a protection off.
         */
        boolean bool(String key, boolean fallback) {
            Optional<String> raw = get(key);
            if (raw.isEmpty()) {
                return fallback;
            }
            return switch (raw.get().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default ->
                        throw new StartupException(
                                environmentName(key)
                                        + " must be true or false, not '"
                                        + raw.get()
                                        + "'");
            };
        }

        void oneOf(String key, String... allowed) {
            get(key).ifPresent(
                            value -> {
                                if (!List.of(allowed).contains(value)) {
                                    throw new StartupException(
                                            environmentName(key)
                                                    + " must be one of "
                                                    + String.join(", ", allowed)
                                                    + ", not '"
                                                    + value
                                                    + "'");
                                }
                            });
        }

        /** An amount of money from 0 to {@code max}. */
        void amount(String key, double max) {
            get(key).ifPresent(
                            raw -> {
                                double value = number(key, raw);
                                if (!(value >= 0 && value <= max)) {
                                    throw new StartupException(
                                            environmentName(key)
                                                    + " must be from 0 to "
                                                    + max
                                                    + ", not '"
                                                    + raw
                                                    + "'");
                                }
                            });
        }

        void whole(String key, int min, int max) {
            get(key).ifPresent(
                            raw -> {
                                try {
                                    int value = Integer.parseInt(raw);
                                    if (value >= min && value <= max) {
                                        return;
                                    }
                                } catch (NumberFormatException ignored) {
                                    // reported below with the variable's name
                                }
                                throw new StartupException(
                                        environmentName(key)
                                                + " must be a whole number from "
                                                + min
                                                + " to "
                                                + max
                                                + ", not '"
                                                + raw
                                                + "'");
                            });
        }

        int port(String key, int fallback) {
            String raw = get(key).orElse(Integer.toString(fallback));
            try {
                int port = Integer.parseInt(raw);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the variable's name
            }
            throw new StartupException(
                    environmentName(key)
                            + " must be a port number from 1 to 65535, not '"
                            + raw
                            + "'");
        }
    }

    static String environmentName(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
