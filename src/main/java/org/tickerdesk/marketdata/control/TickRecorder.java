package org.tickerdesk.marketdata.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * Writes every tick to PostgreSQL behind the live path. The feed's thread only offers the tick to a
 * bounded queue and goes on; the recorder's own thread writes what has gathered, at most every
 * {@value #GATHER_MILLIS} ms unless more waits, in batches of up to {@value #BATCH} with one COPY
 * each. When the database cannot keep up and the queue is full, a tick is dropped and counted
 * rather than held: memory stays bounded and the live path is never slowed. A batch the database
 * refuses is counted as failed and logged, at most once a minute.
 */
@ApplicationScoped
public class TickRecorder {

    static final int CAPACITY = 200_000;
    static final int BATCH = 10_000;

    /**
     * How long the recorder lets ticks gather after the first before it writes, unless a whole
     * batch waits already. Written as they came, thousands of ticks a second made as many
     * transactions, each paying for the EJB call, the pooled connection and its statements: a
     * flight recording at 5,000 ticks/s found the recorder's thread taking a third of the server's
     * CPU samples.
     */
    static final long GATHER_MILLIS = 200;

    static final long UNKNOWN_SECONDS = 60;

    private static final Logger LOG = Logger.getLogger(TickRecorder.class.getName());

    @Inject TickStore store;

    @Inject InstrumentCatalog catalog;

    @Resource ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "tickerdesk.marketdata.ticks.record")
    boolean enabled;

    private final ArrayBlockingQueue<Quote> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    private final Map<String, Long> unknown = new ConcurrentHashMap<>();
    private final LongAdder recorded = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final ThrottledWarning failures =
            new ThrottledWarning(LOG, "Recording ticks failed", 1, TimeUnit.MINUTES);
    private volatile boolean running;
    private Thread writer;

    @PostConstruct
    void start() {
        if (!enabled) {
            return;
        }
        running = true;
        writer = threads.newThread(this::drain);
        writer.setName("tickerdesk-tick-recorder");
        writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
        }
    }

    void onTick(@Observes Quote tick) {
        if (enabled && !queue.offer(tick)) {
            dropped.increment();
        }
    }

    /** Ticks written to the database since the server started. */
    public long recorded() {
        return recorded.sum();
    }

    /** Ticks dropped because the queue was full, since the server started. */
    public long dropped() {
        return dropped.sum();
    }

    /** Ticks lost with a batch the database refused, since the server started. */
    public long failed() {
        return failed.sum();
    }

    /** Ticks waiting to be written. */
    public int waiting() {
        return queue.size();
    }

    public boolean isEnabled() {
        return enabled;
    }

    private void drain() {
        List<Quote> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Quote first = queue.poll(250, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                if (queue.size() < BATCH - 1) {
                    Thread.sleep(GATHER_MILLIS);
                }
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Quote> batch) {
        List<Quote> known = new ArrayList<>(batch.size());
        long[] instrumentIds = new long[batch.size()];
        for (Quote tick : batch) {
            Long id = id(tick.symbol());
            if (id != null) {
                instrumentIds[known.size()] = id;
                known.add(tick);
            }
        }
        if (known.isEmpty()) {
            return;
        }
        try {
            store.write(known, instrumentIds);
            recorded.add(known.size());
        } catch (RuntimeException e) {
            failed.add(known.size());
            failures.record(e);
            LOG.log(Level.FINE, "A batch of ticks was not recorded", e);
        }
    }

    /**
     * A symbol's instrument id, which never changes once the catalog has it. A symbol the catalog
     * does not know (a synthetic load-test stock) is not looked up again for {@value
     * #UNKNOWN_SECONDS} s: asked on every tick, the lookup was a query per tick.
     */
    private Long id(String symbol) {
        Long id = ids.get(symbol);
        if (id != null) {
            return id;
        }
        long now = System.nanoTime();
        Long unknownSince = unknown.get(symbol);
        if (unknownSince != null && now - unknownSince < UNKNOWN_SECONDS * 1_000_000_000L) {
            return null;
        }
        id = catalog.find(symbol).map(Instrument::id).orElse(null);
        if (id != null) {
            ids.put(symbol, id);
            unknown.remove(symbol);
        } else {
            unknown.put(symbol, now);
        }
        return id;
    }
}
