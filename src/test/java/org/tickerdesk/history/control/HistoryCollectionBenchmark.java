package org.tickerdesk.history.control;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * History collection, end to end, on the real server ({@code ./mvnw -Pbench-history package
 * -DskipTests}, see the README's "Benchmarks"). It starts {@code target/tickerdesk.jar} on a fresh
 * data folder and measures, in one run:
 *
 * <ol>
 *   <li>the collection job: {@code POST /api/v1/jobs} for simulated 1-minute bars of twelve
 *       watchlist symbols over two months (the simulated market never closes: 12 × 60 days × 1,440
 *       minutes = 1,036,800 bars), polled until COMPLETED, as bars per second from the request to
 *       completion ({@code -Dbench.job=false} skips it, and so does a server without the jobs API;
 *       the same rows are then generated in SQL);
 *   <li>a plain PostgreSQL COPY of the same rows into a fresh table with the same definition and
 *       indexes, in the same database, as rows per second, and the job's rate as a share of it; and
 *       the store's own statements (COPY into the staging table, one upsert) replayed from here
 *       window by window, one transaction each, into another such table;
 *   <li>the read side over a bars table of at least {@code bench.readBars} (10 million) bars,
 *       generated in SQL for many instruments: one day of minute candles of one symbol ({@code GET
 *       /api/v1/candles/…}) and the coverage of a year ({@code GET /api/v1/bars/…/coverage}), each
 *       p50 and p99 over {@code bench.requests} sequential requests after {@code bench.warmUp} more
 *       that warm the server up.
 * </ol>
 *
 * It prints a table and stops the server. {@code -Dbench.jfr=true} records the server with Java
 * Flight Recorder into {@code target/bench/history.jfr}.
 */
public final class HistoryCollectionBenchmark {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String RANGE_FROM = System.getProperty("bench.from", "2024-01-01");
    private static final String RANGE_TO = System.getProperty("bench.to", "2024-03-01");

    /** The read side's instruments each have a year of bars, the range a coverage is asked for. */
    private static final String READ_FROM = "2024-01-01";

    private static final String READ_TO = "2025-01-01";
    private static final List<String> SYMBOLS =
            Arrays.asList(
                    System.getProperty(
                                    "bench.symbols",
                                    "AAPL,MSFT,NVDA,AMZN,GOOGL,META,TSLA,JPM,V,UNH,XOM,JNJ")
                            .split(","));
    private static final boolean JOB =
            Boolean.parseBoolean(System.getProperty("bench.job", "true"));
    private static final boolean READS =
            Boolean.parseBoolean(System.getProperty("bench.reads", "true"));
    private static final long READ_BARS = Long.getLong("bench.readBars", 10_000_000L);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 300);

    /** Requests before the measured ones, so that the server's JIT has compiled the path. */
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 2_000);

    private static final List<Integer> WINDOWS =
            Arrays.stream(System.getProperty("bench.windows", "390,5000").split(","))
                    .filter(window -> !window.isBlank())
                    .map(Integer::valueOf)
                    .toList();

    /**
     * The reads' client speaks HTTP/1.1 over one kept-alive connection, as browsers and most
     * programs do over plain http: Java's default upgrades to cleartext HTTP/2, which on this
     * server costs about a millisecond more per request and a few at the 99th percentile.
     */
    private static final HttpClient READER =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final TickerdeskProcess server;
    private final Connection db;
    private final List<String[]> table = new ArrayList<>();

    private HistoryCollectionBenchmark(TickerdeskProcess server, Connection db) {
        this.server = server;
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        List<String> jvm = new ArrayList<>();
        if (Boolean.getBoolean("bench.jfr")) {
            jvm.add(
                    "-XX:StartFlightRecording=settings=profile,filename="
                            + System.getProperty("tickerdesk.it.dir", "target/bench")
                            + "/history.jfr");
        }
        TickerdeskProcess server =
                new TickerdeskProcess("bench-history", Map.of())
                        .clean()
                        .heap(System.getProperty("bench.heap", "2g"))
                        .jvmOptions(jvm);
        System.out.println("Starting target/tickerdesk.jar ...");
        server.start();
        try (Connection db =
                DriverManager.getConnection(
                        server.databaseUrl(), TickerdeskProcess.DATABASE_USER, "")) {
            new HistoryCollectionBenchmark(server, db).run();
        } finally {
            server.stop();
        }
    }

    private void run() throws Exception {
        double jobRate = collect();
        double copyRate = copy(jobRate);
        for (int window : WINDOWS) {
            upsertWindows(window, copyRate);
        }
        if (READS) {
            reads();
        }
        System.out.println();
        System.out.println(
                "History collection on "
                        + Runtime.getRuntime().availableProcessors()
                        + " cores, server -Xmx"
                        + System.getProperty("bench.heap", "2g"));
        System.out.println("| What | Amount | Time | Result |");
        System.out.println("|---|---|---|---|");
        for (String[] row : table) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }

    /** The collection job, or the same rows written in SQL when it is skipped or missing. */
    private double collect() throws Exception {
        String body =
                "{\"source\":\"simulated\",\"instruments\":["
                        + SYMBOLS.stream()
                                .map(s -> "\"" + s + "\"")
                                .collect(Collectors.joining(","))
                        + "],\"barSize\":\"1m\",\"from\":\""
                        + RANGE_FROM
                        + "T00:00:00Z\",\"to\":\""
                        + RANGE_TO
                        + "T00:00:00Z\"}";
        if (JOB) {
            long started = System.nanoTime();
            HttpResponse<String> created =
                    Http.postAsAdmin(server.baseUrl() + "/api/v1/jobs", body);
            if (created.statusCode() == 202) {
                double rate = job("Collection job", started, created, body);
                started = System.nanoTime();
                job(
                        "The same collection again (every bar already stored, so each window is"
                                + " upserted)",
                        started,
                        Http.postAsAdmin(server.baseUrl() + "/api/v1/jobs", body),
                        body);
                return rate;
            }
            System.out.println(
                    "The jobs API answered "
                            + created.statusCode()
                            + " ("
                            + created.body()
                            + "); writing the rows in SQL instead");
        }
        for (String symbol : SYMBOLS) {
            minuteBars(instrumentId(symbol), "simulated", RANGE_FROM, RANGE_TO);
        }
        table.add(new String[] {"Collection job", "skipped", "", ""});
        return Double.NaN;
    }

    /** Waits for a job that was just requested and reports its rate since the request. */
    private double job(String what, long started, HttpResponse<String> created, String body)
            throws InterruptedException {
        if (created.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/jobs " + body + ": " + created.body());
        }
        JsonObject done = awaitCompletion(Http.json(created).asJsonObject());
        double seconds = (System.nanoTime() - started) / 1e9;
        long bars = done.getJsonNumber("barsWritten").longValue();
        double rate = bars / seconds;
        table.add(
                new String[] {
                    what
                            + " (simulated, "
                            + SYMBOLS.size()
                            + " symbols, 1m, "
                            + RANGE_FROM
                            + " to "
                            + RANGE_TO
                            + ", "
                            + done.getInt("windowsTotal")
                            + " windows)",
                    count(bars) + " bars",
                    seconds(seconds),
                    count(Math.round(rate)) + " bars/s"
                });
        return rate;
    }

    private JsonObject awaitCompletion(JsonObject created) throws InterruptedException {
        long id = created.getJsonNumber("id").longValue();
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> polled = Http.getAsAdmin(server.baseUrl() + "/api/v1/jobs/" + id);
            if (polled.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/jobs/" + id + ": " + polled.body());
            }
            JsonObject job = Http.json(polled).asJsonObject();
            String status = job.getString("status");
            String progress =
                    status
                            + " "
                            + job.getJsonNumber("windowsDone")
                            + "/"
                            + job.getJsonNumber("windowsTotal")
                            + " windows, "
                            + job.getJsonNumber("barsWritten")
                            + " bars";
            if (!progress.equals(last)) {
                System.out.println("  job " + id + ": " + progress);
                last = progress;
            }
            switch (status) {
                case "COMPLETED":
                    return job;
                case "FAILED", "STOPPED", "ABANDONED":
                    throw new IllegalStateException("The job ended " + status + ": " + job);
                default:
                    Thread.sleep(500);
            }
        }
        throw new IllegalStateException("The job did not complete within an hour: " + last);
    }

    /** The job's rows copied out and into a fresh table like bars, its indexes included. */
    private double copy(double jobRate) throws SQLException, IOException {
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        ByteArrayOutputStream rows = new ByteArrayOutputStream(256 << 20);
        long copiedOut =
                copy.copyOut(
                        "COPY (SELECT b.* FROM bars b JOIN instruments i ON i.id = b.instrument_id"
                                + " WHERE i.symbol IN ("
                                + quoted(SYMBOLS)
                                + ") AND b.bar_size = '1m' AND b.what_to_show = 'TRADES' AND"
                                + " b.start_time >= '"
                                + RANGE_FROM
                                + "' AND b.start_time < '"
                                + RANGE_TO
                                + "' ORDER BY b.instrument_id, b.start_time) TO STDOUT",
                        rows);
        execute("DROP TABLE IF EXISTS bench_copy");
        execute("CREATE TABLE bench_copy (LIKE bars INCLUDING ALL)");
        long started = System.nanoTime();
        long copiedIn =
                copy.copyIn(
                        "COPY bench_copy FROM STDIN", new ByteArrayInputStream(rows.toByteArray()));
        double seconds = (System.nanoTime() - started) / 1e9;
        execute("DROP TABLE bench_copy");
        if (copiedIn != copiedOut) {
            throw new IllegalStateException(copiedOut + " rows out, " + copiedIn + " in");
        }
        double rate = copiedIn / seconds;
        table.add(
                new String[] {
                    "Plain COPY of the same rows into a fresh table like bars (same indexes)",
                    count(copiedIn) + " rows",
                    seconds(seconds),
                    count(Math.round(rate)) + " rows/s"
                });
        if (!Double.isNaN(jobRate)) {
            table.add(
                    new String[] {
                        "Job / COPY", "", "", String.format(Locale.ROOT, "%.2f", jobRate / rate)
                    });
        }
        return rate;
    }

    /**
     * The store's statements replayed from here: each window of {@code window} bars copied into the
     * staging table and moved by the one upsert, in a transaction of its own, as the job's writer
     * does; into a fresh table like bars, so the real one is left as it is.
     */
    private void upsertWindows(int window, double copyRate) throws SQLException, IOException {
        execute("DROP TABLE IF EXISTS bench_upsert");
        execute("CREATE TABLE bench_upsert (LIKE bars INCLUDING ALL)");
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        String move = BarStore.MOVE.replace("INSERT INTO bars ", "INSERT INTO bench_upsert ");
        long bars = 0;
        long windows = 0;
        long nanos = 0;
        for (String symbol : SYMBOLS) {
            long instrument = instrumentId(symbol);
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 << 20);
            copy.copyOut(
                    "COPY (SELECT start_time, open, high, low, close, volume, wap, bar_count FROM"
                            + " bars WHERE instrument_id = "
                            + instrument
                            + " AND bar_size = '1m' AND what_to_show = 'TRADES' AND start_time"
                            + " >= '"
                            + RANGE_FROM
                            + "' AND start_time < '"
                            + RANGE_TO
                            + "' ORDER BY start_time) TO STDOUT",
                    out);
            String[] lines = out.toString(StandardCharsets.US_ASCII).split("\n");
            long started = System.nanoTime();
            for (int from = 0; from < lines.length; from += window) {
                String text =
                        String.join(
                                        "\n",
                                        Arrays.copyOfRange(
                                                lines, from, Math.min(lines.length, from + window)))
                                + "\n";
                db.setAutoCommit(false);
                try (Statement stage = db.createStatement()) {
                    stage.execute(BarStore.STAGE);
                }
                copy.copyIn(
                        BarStore.COPY,
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
                try (PreparedStatement upsert = db.prepareStatement(move)) {
                    upsert.setLong(1, instrument);
                    upsert.setString(2, "1m");
                    upsert.setString(3, "TRADES");
                    upsert.setString(4, "simulated");
                    upsert.setObject(5, OffsetDateTime.now());
                    bars += upsert.executeUpdate();
                }
                db.commit();
                db.setAutoCommit(true);
                windows++;
            }
            nanos += System.nanoTime() - started;
        }
        execute("DROP TABLE bench_upsert");
        double seconds = nanos / 1e9;
        double rate = bars / seconds;
        table.add(
                new String[] {
                    "The store's statements from this client (COPY to stage + one upsert, "
                            + windows
                            + " windows of "
                            + window
                            + " bars, a transaction each)",
                    count(bars) + " bars",
                    seconds(seconds),
                    count(Math.round(rate))
                            + " bars/s ("
                            + String.format(Locale.ROOT, "%.2f", rate / copyRate)
                            + " of COPY)"
                });
    }

    /** Candles of a day and coverage of a year, over a bars table of at least READ_BARS. */
    private void reads() throws SQLException, InterruptedException {
        List<String> symbols = new ArrayList<>();
        long rows = count("SELECT count(*) FROM bars");
        int index = 0;
        long started = System.nanoTime();
        while (rows < READ_BARS) {
            String symbol = String.format(Locale.ROOT, "BENCH%03d", index++);
            symbols.add(symbol);
            rows += minuteBars(benchInstrument(symbol), "bench", READ_FROM, READ_TO);
            if (index % 10 == 0) {
                System.out.println("  " + count(rows) + " bars stored");
            }
        }
        double generation = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        execute("VACUUM ANALYZE bars");
        // what the generation left dirty is flushed now, not while the reads are measured
        execute("CHECKPOINT");
        double vacuum = (System.nanoTime() - started) / 1e9;
        table.add(
                new String[] {
                    "Bars table for the reads (generated in SQL, then VACUUM ANALYZE)",
                    count(rows) + " bars, " + (SYMBOLS.size() + symbols.size()) + " instruments",
                    seconds(generation) + " + " + seconds(vacuum),
                    ""
                });

        Random random = new Random(42);
        List<LocalDate> weekdays = weekdays();
        latencies(
                "Candles: one day of 1m bars of one symbol (GET /api/v1/candles)",
                () -> {
                    String symbol = symbols.get(random.nextInt(symbols.size()));
                    LocalDate day = weekdays.get(random.nextInt(weekdays.size()));
                    long from = day.atTime(LocalTime.of(9, 30)).atZone(NEW_YORK).toEpochSecond();
                    long to = day.atTime(LocalTime.of(16, 0)).atZone(NEW_YORK).toEpochSecond();
                    return "/api/v1/candles/"
                            + symbol
                            + "?interval=1m&from="
                            + from * 1000
                            + "&to="
                            + to * 1000
                            + "&limit=10000";
                },
                "\"t\":",
                390);
        latencies(
                "Coverage: a year of 1m bars of one symbol (GET /api/v1/bars/…/coverage)",
                () ->
                        "/api/v1/bars/"
                                + symbols.get(random.nextInt(symbols.size()))
                                + "/coverage?barSize=1m&rthOnly=true&from="
                                + READ_FROM
                                + "T00:00:00Z&to="
                                + READ_TO
                                + "T00:00:00Z",
                "\"count\":",
                1);
    }

    /**
     * Reports the first {@code bench.requests} requests, while the server's JIT is still compiling
     * their path, then the same number again after {@code bench.warmUp} more: the steady state of a
     * server in use.
     */
    private void latencies(String what, Supplier<String> paths, String marker, int expected) {
        table.add(measured(what + ", first requests after start", paths, marker, expected));
        for (int i = 0; i < WARM_UP; i++) {
            get(paths.get(), marker, expected);
        }
        table.add(measured(what + ", after " + count(WARM_UP) + " more", paths, marker, expected));
    }

    private String[] measured(String what, Supplier<String> paths, String marker, int expected) {
        long[] micros = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            String path = paths.get();
            long started = System.nanoTime();
            get(path, marker, expected);
            micros[i] = (System.nanoTime() - started) / 1000;
        }
        Arrays.sort(micros);
        return new String[] {
            what,
            REQUESTS + " requests",
            "",
            String.format(
                    Locale.ROOT,
                    "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                    micros[REQUESTS / 2] / 1000.0,
                    micros[(int) Math.ceil(REQUESTS * 0.99) - 1] / 1000.0,
                    micros[REQUESTS - 1] / 1000.0)
        };
    }

    private void get(String path, String marker, int expected) {
        HttpResponse<String> response;
        try {
            response =
                    READER.send(
                            HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int found = response.body().split(marker, -1).length - 1;
        if (response.statusCode() != 200 || found < expected) {
            throw new IllegalStateException(path + " answered " + response.body());
        }
    }

    /**
     * Regular-hours minute bars (every weekday, 09:30 to 16:00 New York) of one instrument from one
     * day to another, each a valid bar; returns how many were written.
     */
    private long minuteBars(long instrument, String source, String from, String to)
            throws SQLException {
        try (PreparedStatement insert =
                db.prepareStatement(
                        "INSERT INTO bars (instrument_id, bar_size, what_to_show, start_time, open,"
                            + " high, low, close, volume, wap, bar_count, source, fetched_at)"
                            + " SELECT ?, '1m', 'TRADES', (CAST(d AS DATE) + TIME '09:30') AT TIME"
                            + " ZONE 'America/New_York' + m * INTERVAL '1 minute', p, p + 0.05, p -"
                            + " 0.05, p, 100 + m, NULL, m, ?, now() FROM generate_series(CAST(? AS"
                            + " DATE), CAST(? AS DATE) - 1, INTERVAL '1 day') AS d,"
                            + " generate_series(0, 389) AS m, LATERAL (SELECT round(CAST(100 + 10 *"
                            + " sin(extract(epoch FROM d) / 604800.0 + m / 60.0) AS NUMERIC), 2) AS"
                            + " p) AS price WHERE extract(isodow FROM d) < 6 ON CONFLICT DO"
                            + " NOTHING")) {
            insert.setLong(1, instrument);
            insert.setString(2, source);
            insert.setString(3, from);
            insert.setString(4, to);
            return insert.executeUpdate();
        }
    }

    private long instrumentId(String symbol) throws SQLException {
        try (PreparedStatement find =
                db.prepareStatement("SELECT id FROM instruments WHERE symbol = ?")) {
            find.setString(1, symbol);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(symbol + " is not on the default watchlist");
                }
                return rs.getLong(1);
            }
        }
    }

    /** An instrument of the read side, off the watchlist so the simulated feed leaves it alone. */
    private long benchInstrument(String symbol) throws SQLException {
        try (PreparedStatement insert =
                db.prepareStatement(
                        "INSERT INTO instruments (symbol, kind, exchange, currency, tick_size,"
                                + " on_watchlist) VALUES (?, 'STOCK', 'SMART', 'USD', 0.01, FALSE)"
                                + " RETURNING id")) {
            insert.setString(1, symbol);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<LocalDate> weekdays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = LocalDate.parse(READ_FROM);
                day.isBefore(LocalDate.parse(READ_TO));
                day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String quoted(List<String> symbols) {
        return symbols.stream().map(s -> "'" + s + "'").collect(Collectors.joining(","));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
