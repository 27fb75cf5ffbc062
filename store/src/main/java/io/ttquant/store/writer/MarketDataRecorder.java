package io.ttquant.store.writer;

import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.store.MarketDataStore;
import io.ttquant.store.StoreException;
import io.ttquant.store.batch.BarBatch;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Records market data into a store off the hot path: the feed thread offers each trade, quote,
 * bar or book snapshot with a {@code record*} call that copies it into a preallocated queue and
 * returns at once (no allocation, no lock, no clock read, never waiting on the database); one
 * writer thread drains the queues into batches and writes them by size or by age, retrying
 * retryable failures with back-off. The feed never waits on the database.
 *
 * <p>One bounded single-producer/single-consumer queue per stream ({@link RecordedStream}): each
 * stream must be offered from one thread at a time (the feed pipeline is one thread; different
 * streams may come from different threads). When a queue is full the row is dropped by the
 * configured {@link DropPolicy} and counted per stream and reason in {@link #stats()}, never
 * silently; drops starting and stopping are logged. A non-retryable failure counts the batch's
 * rows as failed and logs the reason once per distinct message.
 *
 * <p>Run it with its own thread ({@link #start()}), or drive it from a test with
 * {@link #doWork(long)} and an injected clock and {@link Sleeper}, so no test sleeps for real.
 * {@link #flush(Duration)} waits for everything offered before it; {@link #close()} stops intake,
 * writes everything (retrying until the shutdown deadline), counts and logs what could not be
 * written, and leaves the store open: close the store after the recorder.
 */
public final class MarketDataRecorder implements AutoCloseable {
    private final RecorderConfig config;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final RecorderLog log;
    private final TradeRing trades;
    private final QuoteRing quotes;
    private final BarRing bars;
    private final BookRing books;
    private final StreamWriter[] writers;
    private final RecorderStats stats;
    private final DropReporter drops;
    private final AtomicBoolean closeCalled = new AtomicBoolean();
    /** Intake stopped: offers are dropped as {@link DropReason#CLOSED}. */
    private volatile boolean closed;
    /** The writer writes everything, then stops at {@link #shutdownDeadline} at the latest. */
    private volatile boolean stopping;
    private volatile long shutdownDeadline;
    private volatile boolean finished;
    private volatile Thread thread;

    /**
     * A recorder without a thread: call {@link #start()} to give it one, or drive it with
     * {@link #doWork(long)}. {@code nanoClock} times flushes and back-off; {@code sleeper} waits.
     */
    public MarketDataRecorder(MarketDataStore store, RecorderConfig config, LongSupplier nanoClock, Sleeper sleeper) {
        this(store, config, nanoClock, sleeper, RecorderLog.SYSTEM);
    }

    MarketDataRecorder(MarketDataStore store, RecorderConfig config, LongSupplier nanoClock, Sleeper sleeper, RecorderLog log) {
        Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.log = log;
        this.trades = new TradeRing(config.queueCapacity(RecordedStream.TRADES), config.batchRows(RecordedStream.TRADES));
        this.quotes = new QuoteRing(config.queueCapacity(RecordedStream.QUOTES), config.batchRows(RecordedStream.QUOTES));
        this.bars = new BarRing(config.queueCapacity(RecordedStream.BARS), config.batchRows(RecordedStream.BARS));
        this.books = new BookRing(config.queueCapacity(RecordedStream.BOOK_SNAPSHOTS), config.bookDepth(),
                config.batchRows(RecordedStream.BOOK_SNAPSHOTS));
        StreamRing<?>[] rings = {trades, quotes, bars, books};
        this.stats = new RecorderStats(rings);
        FailureLog failures = new FailureLog(log);
        this.writers = new StreamWriter[rings.length];
        for (StreamRing<?> r : rings) {
            writers[r.stream.ordinal()] = new StreamWriter(r, store, stats, failures, log, nanoClock, config);
        }
        this.drops = new DropReporter(stats, log, config.dropPolicy(), config.dropLogIntervalNanos());
    }

    /** A recorder on the system clock with its writer thread running. */
    public static MarketDataRecorder start(MarketDataStore store, RecorderConfig config) {
        return new MarketDataRecorder(store, config, System::nanoTime, Sleeper.PARK).start();
    }

    /** Starts the writer thread ({@code ttquant-store-writer}); returns this. */
    public synchronized MarketDataRecorder start() {
        if (thread != null || closeCalled.get()) {
            throw new IllegalStateException("the recorder is already started or closed");
        }
        Thread t = new Thread(this::run, "ttquant-store-writer");
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    // ---- producer side: the feed thread, one thread per stream ----

    /** Offers a trade; false when it was dropped (counted). */
    public boolean recordTrade(String venue, TradeTick t) {
        if (closed) {
            return dropped(RecordedStream.TRADES, DropReason.CLOSED);
        }
        return trades.offer(venue, t) || dropped(RecordedStream.TRADES, DropReason.QUEUE_FULL);
    }

    /** Offers a quote; false when it was dropped (counted). */
    public boolean recordQuote(String venue, QuoteTick q) {
        if (closed) {
            return dropped(RecordedStream.QUOTES, DropReason.CLOSED);
        }
        return quotes.offer(venue, q) || dropped(RecordedStream.QUOTES, DropReason.QUEUE_FULL);
    }

    /**
     * Offers a closed bar; false when it was dropped (counted; the interval must fit the schema, see
     * {@link BarBatch#isValidInterval}).
     */
    public boolean recordBar(String venue, Bar b) {
        if (closed) {
            return dropped(RecordedStream.BARS, DropReason.CLOSED);
        }
        if (!BarBatch.isValidInterval(b.intervalNanos())) {
            return dropped(RecordedStream.BARS, DropReason.INVALID);
        }
        return bars.offer(venue, b) || dropped(RecordedStream.BARS, DropReason.QUEUE_FULL);
    }

    /**
     * Offers a snapshot of the top of {@code book} (the configured depth per side is copied now;
     * the book may change right after); false when it was dropped (counted).
     */
    public boolean recordBook(String venue, OrderBook book, long timeNanos, long lastUpdateId) {
        if (closed) {
            return dropped(RecordedStream.BOOK_SNAPSHOTS, DropReason.CLOSED);
        }
        return books.offer(venue, book, timeNanos, lastUpdateId) || dropped(RecordedStream.BOOK_SNAPSHOTS, DropReason.QUEUE_FULL);
    }

    private boolean dropped(RecordedStream s, DropReason reason) {
        stats.onDropped(s, reason, 1);
        return false;
    }

    // ---- writer side ----

    /**
     * One duty cycle of the writer at {@code nowNanos}: takes queued rows and writes the batches
     * that are due. Returns the work done, 0 when there was nothing to do. For a recorder driven
     * without its thread (tests, tools); never call it once {@link #start()} was called.
     */
    public int doWork(long nowNanos) {
        if (thread != null) {
            throw new IllegalStateException("the recorder runs its own writer thread");
        }
        return cycle(nowNanos);
    }

    private int cycle(long now) {
        boolean closing = stopping;
        int work = 0;
        for (StreamWriter w : writers) {
            work += w.doWork(now, closing);
        }
        drops.check(now);
        return work;
    }

    private void run() {
        try {
            while (true) {
                long now = clock.getAsLong();
                int work = cycle(now);
                if (stopping && shutdownDone(now)) {
                    break;
                }
                if (work == 0) {
                    sleeper.sleep(config.idleNanos());
                }
            }
        } catch (Throwable e) {
            log.warn("market data recorder: the writer thread stopped on an unexpected error: " + e);
            throw e;
        } finally {
            finished = true;
        }
    }

    /** While stopping: true once everything is written, or the deadline passed and the rest is counted. */
    private boolean shutdownDone(long now) {
        boolean idle = true;
        for (StreamWriter w : writers) {
            idle &= w.idle();
        }
        if (idle) {
            return true;
        }
        if (now - shutdownDeadline < 0) {
            return false;
        }
        StringBuilder detail = new StringBuilder();
        long total = 0;
        for (StreamWriter w : writers) {
            long left = w.giveUp();
            if (left > 0) {
                detail.append(detail.length() == 0 ? "" : ", ").append(w.stream().label()).append(' ').append(left);
                total += left;
            }
        }
        log.warn("market data recorder: shutdown deadline of " + config.shutdownTimeoutNanos() / 1_000_000 + " ms passed with "
                + total + " rows not written (" + detail + "): counted as dropped (shutdown)");
        return true;
    }

    /**
     * Waits until every row offered before this call is written (or has failed for good), at most
     * {@code timeout}; true when it was. Rows offered meanwhile may be written too.
     */
    public boolean flush(Duration timeout) {
        long[] targets = new long[writers.length];
        for (int i = 0; i < writers.length; i++) {
            targets[i] = writers[i].requestFlush();
        }
        Thread t = thread;
        if (t == null) {
            long deadline = clock.getAsLong() + timeout.toNanos();
            while (!reached(targets)) {
                long now = clock.getAsLong();
                if (now - deadline >= 0) {
                    return false;
                }
                if (cycle(now) == 0) {
                    sleeper.sleep(config.idleNanos());
                }
            }
            return true;
        }
        LockSupport.unpark(t);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(targets)) {
            if (finished || System.nanoTime() - deadline >= 0) {
                return reached(targets);
            }
            LockSupport.parkNanos(100_000);
        }
        return true;
    }

    /** {@link #flush(Duration)} for up to a minute; throws a retryable {@link StoreException} when not done by then. */
    public void flush() {
        if (!flush(Duration.ofMinutes(1))) {
            throw new StoreException("market data recorder: flush not done within 1 minute (the store is failing or slow)",
                    true, null);
        }
    }

    private boolean reached(long[] targets) {
        for (int i = 0; i < writers.length; i++) {
            if (writers[i].completed() < targets[i]) {
                return false;
            }
        }
        return true;
    }

    public RecorderStats stats() {
        return stats;
    }

    public RecorderConfig config() {
        return config;
    }

    /**
     * Stops intake (later offers count as dropped, reason closed), writes everything queued,
     * retrying until the shutdown deadline, then counts and logs what is left. Call it after the
     * producers stopped and before closing the store. Idempotent.
     */
    @Override
    public void close() {
        if (!closeCalled.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        shutdownDeadline = clock.getAsLong() + config.shutdownTimeoutNanos();
        stopping = true;
        Thread t = thread;
        if (t == null) {
            while (true) {
                long now = clock.getAsLong();
                int work = cycle(now);
                if (shutdownDone(now)) {
                    break;
                }
                if (work == 0) {
                    sleeper.sleep(config.idleNanos());
                }
            }
        } else {
            LockSupport.unpark(t);
            try {
                // A store call can outlive the deadline (a hung socket); give it a generous margin.
                t.join(TimeUnit.NANOSECONDS.toMillis(config.shutdownTimeoutNanos()) + 30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                log.warn("market data recorder: the writer is still inside a store call after the shutdown deadline; "
                        + "its batches may be lost");
                stats.closed();
                return;
            }
        }
        // An offer that raced with close() may have landed after the writer's last look.
        long late = 0;
        for (StreamWriter w : writers) {
            late += w.giveUp();
        }
        if (late > 0) {
            log.warn("market data recorder: " + late + " rows offered while closing were not written (counted as dropped, shutdown)");
        }
        stats.closed();
        log.info("market data recorder closed: " + summary());
    }

    /** Rows written, dropped and failed per stream, for the closing log line. */
    private String summary() {
        StringBuilder b = new StringBuilder();
        for (RecordedStream s : RecordedStream.all()) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(s.label()).append(' ').append(stats.rowsWritten(s)).append(" written");
            long dropped = stats.droppedTotal(s);
            if (dropped > 0) {
                b.append(", ").append(dropped).append(" dropped");
            }
            long failed = stats.failedRows(s);
            if (failed > 0) {
                b.append(", ").append(failed).append(" failed");
            }
        }
        return b.toString();
    }
}
