package io.ttquant.core.data;

import io.ttquant.core.marketdata.MarketEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Releases time-ordered market data at real or accelerated speed: an event recorded {@code d}
 * nanoseconds after the first one is released {@code d / speed} nanoseconds after the replay
 * started, stamped with the local time it was released at. It is driven by its caller's duty
 * cycle ({@link #doWork(long)}) and never sleeps or reads a clock itself, so a live process and a
 * test drive it the same way.
 *
 * <p>Single-threaded. Never allocates per event; the consumer gets the sources' reused objects
 * and must copy what it keeps. A speed of 0 releases everything as fast as the consumer takes it.
 */
public final class PacedReplay {
    private final EventMerger merger;
    private final double speed;
    private final int maxBatch;
    private MarketEvent pending;
    private long firstEventNanos = Long.MIN_VALUE;
    private long startNanos;
    private long released;
    private boolean finished;

    /**
     * @param sources  the sources, merged in time order
     * @param speed    1 for real time, 10 for ten times faster, 0 for as fast as possible
     * @param maxBatch the most events one {@link #doWork} call releases, so the caller's loop stays responsive
     */
    public PacedReplay(List<MarketDataSource> sources, double speed, int maxBatch) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be >= 0, got " + speed);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1");
        }
        this.merger = new EventMerger(sources);
        this.speed = speed;
        this.maxBatch = maxBatch;
    }

    /**
     * Releases to {@code consumer} every event that is due at {@code nowNanos} (at most the batch
     * size); returns how many it released.
     */
    public int doWork(long nowNanos, Consumer<MarketEvent> consumer) {
        int done = 0;
        while (done < maxBatch) {
            if (pending == null) {
                pending = merger.next();
                if (pending == null) {
                    finished = true;
                    return done;
                }
                if (firstEventNanos == Long.MIN_VALUE) {
                    firstEventNanos = pending.timeNanos();
                    startNanos = nowNanos;
                }
            }
            if (nanosUntilDue(nowNanos) > 0) {
                return done;
            }
            MarketEvent e = pending;
            pending = null;
            e.stampReceiveTime(nowNanos);
            consumer.accept(e);
            released++;
            done++;
        }
        return done;
    }

    /** Nanoseconds until the next event is due (0 when it is due now, or nothing is pending yet). */
    public long nanosUntilDue(long nowNanos) {
        if (pending == null || speed == 0) {
            return 0;
        }
        double offset = (pending.timeNanos() - firstEventNanos) / speed;
        long dueAt = startNanos + (long) offset;
        return Math.max(0, dueAt - nowNanos);
    }

    public boolean isFinished() {
        return finished;
    }

    public long released() {
        return released;
    }
}
