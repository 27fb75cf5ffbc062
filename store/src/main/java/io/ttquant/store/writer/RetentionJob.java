package io.ttquant.store.writer;

import io.ttquant.core.time.Clock;
import io.ttquant.store.Store;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@link Store#applyRetention} on a schedule, every {@link Store#retentionJobInterval()} (an
 * hour) from a minute after start, for the stores that delete old market data themselves: plain
 * PostgreSQL and DuckDB with a retention. For a store that needs no job (TimescaleDB's policies
 * drop old chunks, or market data is kept for ever: the interval is zero) nothing is scheduled and
 * the job only reports zeros.
 *
 * <p>Each run that deleted rows says how many at INFO, once; a run that deleted nothing says
 * nothing; a failed run says why at WARNING and the next run tries again. Runs, rows deleted and
 * failures are counted for metrics ({@code ttquant_store_retention_*}). Time comes from the
 * injected clock and the runs from the injected {@link Scheduler}, so tests drive it by hand. It
 * never runs two passes at once, never throws into its scheduler and never closes the store.
 */
public final class RetentionJob implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());
    private static final RecorderLog SYSTEM_LOG = RecorderLog.of(LOG);
    /** How long after start the first run comes: out of the way of the service's own start. */
    public static final Duration FIRST_RUN_DELAY = Duration.ofMinutes(1);

    /** Runs a task repeatedly; {@link #DAEMON_THREAD} in production, a hand-driven one in tests. */
    @FunctionalInterface
    public interface Scheduler {
        /** One daemon thread per job, runs spaced by the interval (a slow run delays the next, never overlaps it). */
        Scheduler DAEMON_THREAD = RetentionJob::onDaemonThread;

        /**
         * Runs {@code task} after {@code firstDelay}, then every {@code interval}, until the returned
         * handle is closed; closing waits for a run in progress.
         */
        AutoCloseable schedule(Runnable task, Duration firstDelay, Duration interval);
    }

    private final Store store;
    private final Clock clock;
    private final Duration interval;
    private final RecorderLog log;
    private final AutoCloseable schedule;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong rowsDeleted = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Object running = new Object();

    private RetentionJob(Store store, Clock clock, Duration interval, Duration firstDelay, Scheduler scheduler,
                         RecorderLog log) {
        this.store = Objects.requireNonNull(store, "store");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || firstDelay.isNegative()) {
            throw new IllegalArgumentException("retention interval and first delay must not be negative: " + interval
                    + ", " + firstDelay);
        }
        this.schedule = interval.isZero() ? null : scheduler.schedule(this::run, firstDelay, interval);
    }

    /** Starts the job for {@code store} on a daemon thread of its own, at the store's interval. */
    public static RetentionJob start(Store store, Clock clock) {
        return start(store, clock, store.retentionJobInterval(), FIRST_RUN_DELAY, Scheduler.DAEMON_THREAD);
    }

    /** Starts the job with an explicit interval (zero: never runs), first delay and scheduler. */
    public static RetentionJob start(Store store, Clock clock, Duration interval, Duration firstDelay,
                                     Scheduler scheduler) {
        return start(store, clock, interval, firstDelay, scheduler, SYSTEM_LOG);
    }

    /** {@link #start(Store, Clock, Duration, Duration, Scheduler)} saying what happened to {@code log} (tests). */
    static RetentionJob start(Store store, Clock clock, Duration interval, Duration firstDelay, Scheduler scheduler,
                              RecorderLog log) {
        return new RetentionJob(store, clock, interval, firstDelay, Objects.requireNonNull(scheduler, "scheduler"), log);
    }

    /** Whether runs are scheduled (false when the store needs no job). */
    public boolean scheduled() {
        return schedule != null;
    }

    /** The time between runs; zero when none are scheduled. */
    public Duration interval() {
        return interval;
    }

    /**
     * One pass now, on the calling thread (the scheduler calls it; so may a tool): returns the rows
     * deleted, or -1 when the store failed (logged and counted). Never throws.
     */
    public long run() {
        synchronized (running) {
            runs.incrementAndGet();
            long deleted;
            try {
                deleted = store.applyRetention(clock.nanos());
            } catch (RuntimeException e) {
                errors.incrementAndGet();
                log.warn("Retention: deleting old market data from " + store.describe()
                        + " failed (next try in " + describe(interval) + "): " + e.getMessage());
                return -1;
            }
            if (deleted > 0) {
                rowsDeleted.addAndGet(deleted);
                log.info("Retention: deleted " + deleted + " rows of market data older "
                        + "than the retention from " + store.describe());
            }
            return deleted;
        }
    }

    /** Passes run so far, failed ones included. */
    public long runs() {
        return runs.get();
    }

    /** Rows of market data the passes deleted. */
    public long rowsDeleted() {
        return rowsDeleted.get();
    }

    /** Passes that failed. */
    public long errors() {
        return errors.get();
    }

    /** Stops scheduling, waiting for a run in progress; the store stays open. */
    @Override
    public void close() {
        if (schedule != null) {
            try {
                schedule.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("Retention: stopping the job failed: " + e);
            }
        }
    }

    private static String describe(Duration d) {
        return d.isZero() ? "never" : d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toSeconds() + " s";
    }

    private static AutoCloseable onDaemonThread(Runnable task, Duration firstDelay, Duration interval) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ttquant-retention");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        ScheduledFuture<?> future = executor.scheduleWithFixedDelay(task, firstDelay.toNanos(), interval.toNanos(),
                TimeUnit.NANOSECONDS);
        return () -> stop(executor, future);
    }

    private static void stop(ScheduledExecutorService executor, ScheduledFuture<?> future) throws InterruptedException {
        future.cancel(false);
        executor.shutdown();
        if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "Retention: a run still going after 60 s; leaving it behind");
        }
    }
}
