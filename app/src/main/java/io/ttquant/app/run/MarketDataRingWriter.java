package io.ttquant.app.run;

import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.transport.MarketDataListener;
import io.ttquant.transport.bus.FrameRing;
import io.ttquant.transport.codec.MarketDataEncoder;
import java.util.Set;

/**
 * Hands market events from the market data thread to one consumer thread of {@code ttquant run}
 * (the gateway, the strategy engine): each event of the kinds it forwards is encoded once, as the
 * ZeroMQ publisher would encode it, and offered as one frame [kind ordinal, 1 byte][MarketData
 * bytes] to the consumer's {@link FrameRing}, which a {@link MarketDataRingReader} drains. A full
 * ring drops the event (counted by the ring; the first drop is logged): the market data thread
 * never waits for a slow consumer. Subscribed to the in-process bus, so it runs on the market
 * data thread only, the ring's single producer. Allocates nothing per event.
 */
final class MarketDataRingWriter implements MarketDataListener {
    private static final System.Logger LOG = System.getLogger(MarketDataRingWriter.class.getName());

    private final String consumer;
    private final FrameRing ring;
    private final MarketDataEncoder encoder;
    private final boolean[] forwarded = new boolean[MarketDataKind.values().length];
    private final byte[] header = new byte[1];
    private long sequence;
    private boolean dropLogged;

    /**
     * @param consumer who drains the ring, for the log
     * @param venue    the venue named in the encoded events
     * @param kinds    the kinds forwarded; others are ignored
     */
    MarketDataRingWriter(String consumer, FrameRing ring, String venue, Set<MarketDataKind> kinds) {
        this.consumer = consumer;
        this.ring = ring;
        this.encoder = new MarketDataEncoder(venue);
        for (MarketDataKind k : kinds) {
            forwarded[k.ordinal()] = true;
        }
    }

    @Override
    public void onMarketData(MarketEvent event) {
        int kind = event.kind().ordinal();
        if (!forwarded[kind]) {
            return;
        }
        int length = encoder.encode(event, ++sequence, event.receiveTimeNanos());
        header[0] = (byte) kind;
        if (!ring.offer(header, 0, 1, encoder.buffer(), 0, length) && !dropLogged) {
            dropLogged = true;
            LOG.log(System.Logger.Level.WARNING, "in-process market data: the " + consumer + " is behind and its ring is full; "
                    + "events for it are dropped (further drops are only counted)");
        }
    }

    FrameRing ring() {
        return ring;
    }
}
