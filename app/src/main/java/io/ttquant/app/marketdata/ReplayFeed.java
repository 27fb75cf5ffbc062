package io.ttquant.app.marketdata;

import io.netty.channel.EventLoop;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.data.PacedReplay;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.time.Clock;
import io.ttquant.transport.MarketDataPublisher;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Publishes recorded files or the seeded synthetic market at real or accelerated speed, on the
 * service's event loop: the offline sources of the market data service. Each event is stamped
 * with the local time it was released at, so receive-to-publish latency means the same as live.
 *
 * <p>Never blocks the loop: it releases at most a batch per turn and reschedules itself for the
 * next due event. Closes its sources when done or closed.
 */
public final class ReplayFeed implements MarketFeed {
    private static final int BATCH = 4_096;
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final List<MarketDataSource> sources;
    private final PacedReplay replay;
    private final EventLoop loop;
    private final Clock clock;
    private final MarketDataPublisher publisher;
    private final MarketDataMetrics metrics;
    private final String description;
    private final Consumer<MarketEvent> sink = this::publish;
    private final Runnable turn = this::turn;
    private static final System.Logger LOG = System.getLogger(ReplayFeed.class.getName());
    private volatile boolean closed;
    private long errors;
    private volatile boolean finished;

    public ReplayFeed(List<MarketDataSource> sources, double speed, String description, EventLoop loop, Clock clock,
                      MarketDataPublisher publisher, MarketDataMetrics metrics) {
        this.sources = List.copyOf(sources);
        this.replay = new PacedReplay(this.sources, speed, BATCH);
        this.loop = loop;
        this.clock = clock;
        this.publisher = publisher;
        this.metrics = metrics;
        this.description = description;
    }

    @Override
    public void start() {
        loop.execute(turn);
    }

    private void turn() {
        if (closed) {
            return;
        }
        long now = clock.nanos();
        int released;
        try {
            released = replay.doWork(now, sink);
        } catch (RuntimeException e) {
            // A bug downstream must not silently stop the feed: say it, count it, go on.
            errors++;
            LOG.log(System.Logger.Level.ERROR, "replay feed: publishing failed (" + errors + " so far)", e);
            loop.schedule(turn, 1, TimeUnit.MILLISECONDS);
            return;
        }
        if (replay.isFinished()) {
            finished = true;
            closeSources();
            return;
        }
        if (released == BATCH) {
            loop.execute(turn);
        } else {
            long wait = Math.min(MAX_WAIT_NANOS, Math.max(1, replay.nanosUntilDue(clock.nanos())));
            loop.schedule(turn, wait, TimeUnit.NANOSECONDS);
        }
    }

    private void publish(MarketEvent event) {
        publisher.publish(event);
        metrics.onPublished(event.kind(), event.receiveTimeNanos(), clock.nanos());
    }

    /** True once every source is exhausted (a synthetic market never is). */
    public boolean isFinished() {
        return finished;
    }

    public long released() {
        return replay.released();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        closed = true;
        loop.execute(this::closeSources);
    }

    private void closeSources() {
        for (MarketDataSource s : sources) {
            s.close();
        }
    }
}
