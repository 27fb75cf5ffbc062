package io.ttquant.transport.bus;

import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.transport.MarketDataListener;
import io.ttquant.transport.MarketDataPublisher;
import io.ttquant.transport.Topics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The market data bus inside one JVM ({@code ttquant run}). It uses the topics and prefix
 * matching of the ZeroMQ transport, {@code md.<venue>.<SYMBOL>.<kind>}, but nothing is encoded.
 * Subscribers get the publisher's own reused event, synchronously, on the publisher's thread, in
 * subscription order.
 *
 * <p>Each topic's subscriber list is built on first use and rebuilt only after a subscription
 * changes, so publishing allocates nothing in the steady state. A subscriber may subscribe,
 * unsubscribe or publish from inside its callback. A nested publish is dispatched depth-first
 * before the outer one continues, and subscription changes take effect from the next publish.
 *
 * <p>Single-threaded: publish, subscribe and unsubscribe from one thread (the event loop). The bus
 * never queues, copies or drops events, and it never catches a subscriber's exception: that is a
 * bug and propagates to the publisher.
 */
public final class InProcessBus implements MarketDataPublisher {
    private static final MarketDataListener[] NONE = new MarketDataListener[0];

    private final Topics topics;
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** Bumped on every subscription change; a route built under an older version is stale. */
    private int version = 1;
    private MarketDataListener[][] routes = new MarketDataListener[64][];
    private int[] routeVersions = new int[64];
    private long published;
    private long delivered;

    /** A bus for the events of {@code venue}. */
    public InProcessBus(String venue) {
        this.topics = new Topics(venue);
    }

    public String venue() {
        return topics.venue();
    }

    /**
     * Delivers every event whose topic starts with {@code topicPrefix} to {@code listener}. An
     * empty prefix receives everything; use {@link Topics#marketDataPrefix(String, String)} for
     * one symbol.
     */
    public Subscription subscribe(String topicPrefix, MarketDataListener listener) {
        if (topicPrefix == null || listener == null) {
            throw new IllegalArgumentException("topic prefix and listener are required");
        }
        Subscription s = new Subscription(topicPrefix, listener);
        subscriptions.add(s);
        version++;
        return s;
    }

    /** Dispatches {@code event} to the subscribers of its topic; always true (the bus never refuses). */
    @Override
    public boolean publish(MarketEvent event) {
        int id = topics.topicId(event.instrument(), event.kind());
        MarketDataListener[] route = route(id, event);
        published++;
        delivered += route.length;
        for (MarketDataListener l : route) {
            l.onMarketData(event);
        }
        return true;
    }

    /** Events published. */
    public long published() {
        return published;
    }

    /** Deliveries made (an event with three subscribers counts three). */
    public long delivered() {
        return delivered;
    }

    /** Active subscriptions. */
    public int subscriptionCount() {
        return subscriptions.size();
    }

    private MarketDataListener[] route(int id, MarketEvent event) {
        if (id >= routes.length) {
            int size = Math.max(id + 1, routes.length * 2);
            routes = Arrays.copyOf(routes, size);
            routeVersions = Arrays.copyOf(routeVersions, size);
        }
        if (routeVersions[id] != version) {
            routes[id] = build(topics.marketData(event.instrument(), event.kind()));
            routeVersions[id] = version;
        }
        return routes[id];
    }

    private MarketDataListener[] build(String topic) {
        List<MarketDataListener> matching = new ArrayList<>();
        for (Subscription s : subscriptions) {
            if (topic.startsWith(s.prefix)) {
                matching.add(s.listener);
            }
        }
        return matching.isEmpty() ? NONE : matching.toArray(NONE);
    }

    /** One subscriber's interest in a topic prefix; close it to unsubscribe. */
    public final class Subscription implements AutoCloseable {
        private final String prefix;
        private final MarketDataListener listener;

        private Subscription(String prefix, MarketDataListener listener) {
            this.prefix = prefix;
            this.listener = listener;
        }

        public String prefix() {
            return prefix;
        }

        /** Unsubscribes; closing twice does nothing. */
        @Override
        public void close() {
            if (subscriptions.remove(this)) {
                version++;
            }
        }
    }
}
