package io.ttquant.transport.zmq;

import io.ttquant.transport.MarketDataListener;
import io.ttquant.transport.SequenceGapDetector;
import io.ttquant.transport.codec.DecodeOutcome;
import io.ttquant.transport.codec.MarketDataDecoder;

/**
 * Market data from ZeroMQ, delivered like the in-process bus delivers it. It polls a
 * {@link ZmqSubscriber}, decodes each payload into a reused core event, counts sequence gaps per
 * topic, and calls the listener. A strategy process runs it in its event loop:
 * {@code doWork()} returns the messages handled, 0 when idle.
 *
 * <p>Rejected payloads (malformed, unknown symbol...) are counted by outcome in
 * {@link #decoder()} and never reach the listener. Lost messages are counted in {@link #gaps()}.
 * It never throws for bad input, allocates nothing per message beyond what JeroMQ allocates, and
 * belongs to one thread together with its subscriber.
 */
public final class ZmqMarketDataAdapter implements AutoCloseable {
    /** Messages handled per {@link #doWork()} at most, so one busy feed cannot starve the loop. */
    public static final int DEFAULT_BATCH = 256;

    private final ZmqSubscriber subscriber;
    private final MarketDataDecoder decoder;
    private final MarketDataListener listener;
    private final SequenceGapDetector gaps = new SequenceGapDetector();
    private final ZmqSubscriber.MessageHandler handler = this::onMessage;
    private final int batch;

    public ZmqMarketDataAdapter(ZmqSubscriber subscriber, MarketDataDecoder decoder, MarketDataListener listener) {
        this(subscriber, decoder, listener, DEFAULT_BATCH);
    }

    public ZmqMarketDataAdapter(ZmqSubscriber subscriber, MarketDataDecoder decoder, MarketDataListener listener, int batch) {
        if (subscriber == null || decoder == null || listener == null) {
            throw new IllegalArgumentException("subscriber, decoder and listener are required");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1: " + batch);
        }
        this.subscriber = subscriber;
        this.decoder = decoder;
        this.listener = listener;
        this.batch = batch;
    }

    /** Handles the messages already waiting (at most the batch size); never blocks. Returns the count. */
    public int doWork() {
        return subscriber.poll(handler, batch);
    }

    /** Waits up to the subscriber's receive timeout for one message and handles it; false when none came. */
    public boolean awaitOne() {
        return subscriber.receive(handler);
    }

    /** Decode outcomes, counted per outcome. */
    public MarketDataDecoder decoder() {
        return decoder;
    }

    /** Lost messages per topic. */
    public SequenceGapDetector gaps() {
        return gaps;
    }

    public ZmqSubscriber subscriber() {
        return subscriber;
    }

    /** Closes the subscriber. */
    @Override
    public void close() {
        subscriber.close();
    }

    private void onMessage(byte[] topic, int topicLength, byte[] payload, int payloadLength) {
        if (decoder.decode(topic, topicLength, payload, 0, payloadLength) != DecodeOutcome.OK) {
            return;
        }
        gaps.onMessage(topic, topicLength, decoder.sequence());
        listener.onMarketData(decoder.event());
    }
}
