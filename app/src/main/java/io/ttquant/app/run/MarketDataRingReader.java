package io.ttquant.app.run;

import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.transport.MarketDataListener;
import io.ttquant.transport.bus.FrameHandler;
import io.ttquant.transport.bus.FrameRing;
import io.ttquant.transport.codec.DecodeOutcome;
import io.ttquant.transport.codec.MarketDataDecoder;

/**
 * The consumer side of a {@link MarketDataRingWriter}: drains the ring on the consumer's own
 * thread, decodes each frame in place with a {@link MarketDataDecoder} (which resolves symbols to
 * the consumer's own instrument objects and refuses an event at other scales, counting it) and
 * hands the decoded, reused event to a listener, as a ZeroMQ market data adapter does in a
 * separate process. Never blocks; the consumer's thread must be the ring's only reader. Allocates
 * nothing per event.
 */
final class MarketDataRingReader implements FrameHandler {
    private static final MarketDataKind[] KINDS = MarketDataKind.values();

    private final FrameRing ring;
    private final MarketDataDecoder decoder;
    private final MarketDataListener listener;
    private long handled;

    MarketDataRingReader(FrameRing ring, MarketDataDecoder decoder, MarketDataListener listener) {
        this.ring = ring;
        this.decoder = decoder;
        this.listener = listener;
    }

    /** Hands up to {@code limit} waiting events to the listener; returns the frames taken. */
    int poll(int limit) {
        return ring.drain(this, limit);
    }

    @Override
    public void onFrame(byte[] buffer, int offset, int length) {
        int kind = length < 1 ? -1 : buffer[offset];
        if (kind < 0 || kind >= KINDS.length) {
            return;
        }
        if (decoder.decode(KINDS[kind], buffer, offset + 1, length - 1) == DecodeOutcome.OK) {
            handled++;
            listener.onMarketData(decoder.event());
        }
    }

    MarketDataDecoder decoder() {
        return decoder;
    }

    /** Events handed to the listener (consumer thread). */
    long handled() {
        return handled;
    }
}
