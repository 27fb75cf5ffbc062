package io.ttquant.transport.zmq;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.time.Clock;
import io.ttquant.transport.MarketDataListener;
import io.ttquant.transport.TestEvents;
import io.ttquant.transport.codec.MarketDataDecoder;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZContext;

/**
 * A ZeroMQ publisher and its subscribers on 127.0.0.1 for tests. It handles the slow-joiner
 * problem: {@link #start()} publishes probe quotes on a topic of their own until every
 * subscriber has received one, and the probes never reach the test's listeners. Waiting is
 * done on socket receive timeouts (real network I/O) with an overall deadline, never by sleeping.
 */
final class ZmqHarness implements AutoCloseable {
    static final Instrument PROBE = Instrument.builder("ZZPROBE").assets("ZZ", "PROBE").tickSize("0.01").stepSize("0.01").build();
    static final long DEADLINE_NANOS = 10_000_000_000L;

    final ZContext context = new ZContext(1);
    final ZmqPublisher publisher;
    final List<ZmqMarketDataAdapter> adapters = new ArrayList<>();
    private final List<boolean[]> probed = new ArrayList<>();
    private final QuoteTick probe = new QuoteTick();
    private long delivered;

    ZmqHarness(String venue, int sendHighWaterMark) {
        long[] now = {TestEvents.T};
        Clock clock = () -> now[0] += 1_000;
        publisher = new ZmqPublisher(context, new ZmqPublisher.Config().venue(venue).sendHighWaterMark(sendHighWaterMark), clock);
    }

    /** Adds a subscriber of {@code prefix} (and of the probe topic) delivering to {@code listener}. */
    ZmqMarketDataAdapter subscribe(String prefix, MarketDataListener listener, int receiveHighWaterMark) {
        ZmqSubscriber subscriber = new ZmqSubscriber(context, new ZmqSubscriber.Config().connect(publisher.endpoint())
                .subscribe(prefix).subscribe("md." + publisher.venue() + ".ZZPROBE.")
                .receiveHighWaterMark(receiveHighWaterMark).receiveTimeoutMillis(10));
        boolean[] seen = {false};
        probed.add(seen);
        ZmqMarketDataAdapter adapter = new ZmqMarketDataAdapter(subscriber, new MarketDataDecoder(TestEvents.symbols(PROBE)), e -> {
            if (e.instrument() == PROBE) {
                seen[0] = true;
            } else {
                delivered++;
                listener.onMarketData(e);
            }
        });
        adapters.add(adapter);
        return adapter;
    }

    /** Publishes probes until every subscriber has seen one. */
    void start() {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        int n = 0;
        while (!allProbed()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("subscribers did not connect within 10 s");
            }
            publisher.publish(probe.set(PROBE, TestEvents.T, TestEvents.T, 100, 1, 101, ++n));
            for (int i = 0; i < adapters.size(); i++) {
                if (!probed.get(i)[0]) {
                    adapters.get(i).awaitOne();
                }
            }
        }
    }

    /** Receives until {@code expected} events in all reached the listeners, then drains what else is waiting. */
    void deliver(long expected) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (delivered < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("delivered " + delivered + " of " + expected + " events within 10 s");
            }
            for (ZmqMarketDataAdapter a : adapters) {
                if (a.doWork() == 0) {
                    a.awaitOne();
                }
            }
        }
        for (ZmqMarketDataAdapter a : adapters) {
            a.doWork();
        }
    }

    long delivered() {
        return delivered;
    }

    private boolean allProbed() {
        for (boolean[] p : probed) {
            if (!p[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        for (ZmqMarketDataAdapter a : adapters) {
            a.close();
        }
        publisher.close();
        context.close();
    }
}
