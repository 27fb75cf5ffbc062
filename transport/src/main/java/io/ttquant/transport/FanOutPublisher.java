package io.ttquant.transport;

import io.ttquant.core.marketdata.MarketEvent;
import java.util.List;

/**
 * Publishes each event to several publishers in order, for example to the in-process bus and to
 * ZeroMQ, so that local and remote strategies see the same feed. Every target gets every event:
 * a refusal by one target does not skip the others.
 *
 * <p>Single-threaded like its targets. It never copies the event and never allocates per event.
 */
public final class FanOutPublisher implements MarketDataPublisher {
    private final MarketDataPublisher[] targets;
    private long refusals;

    public FanOutPublisher(MarketDataPublisher... targets) {
        if (targets.length == 0) {
            throw new IllegalArgumentException("a fan-out needs at least one target");
        }
        this.targets = targets.clone();
        for (MarketDataPublisher t : this.targets) {
            if (t == null) {
                throw new IllegalArgumentException("null fan-out target");
            }
        }
    }

    public FanOutPublisher(List<MarketDataPublisher> targets) {
        this(targets.toArray(new MarketDataPublisher[0]));
    }

    /** Publishes to every target; true only when all of them took the event. */
    @Override
    public boolean publish(MarketEvent event) {
        boolean all = true;
        for (MarketDataPublisher t : targets) {
            all &= t.publish(event);
        }
        if (!all) {
            refusals++;
        }
        return all;
    }

    /** Events that at least one target refused. */
    public long refusals() {
        return refusals;
    }
}
