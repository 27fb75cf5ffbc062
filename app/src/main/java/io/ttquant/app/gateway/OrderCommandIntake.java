package io.ttquant.app.gateway;

import io.ttquant.transport.codec.DecodeOutcome;
import io.ttquant.transport.codec.OrderCommandDecoder;

/**
 * The gateway's decoding step for raw frames: reads one frame in place as an {@code OrderCommand}
 * ({@link OrderCommandDecoder}, no copy, no String) and hands it to the {@link OrderGateway}. A frame
 * that is not a valid OrderCommand (garbage, truncated protobuf, invalid UTF-8 in a string) is
 * counted as malformed and skipped; it never throws and never reaches the gateway. It must not
 * validate orders itself: that is the gateway's job. Allocates nothing. Single-threaded: the
 * gateway's thread owns it.
 */
public final class OrderCommandIntake {
    private final OrderGateway gateway;
    private final OrderCommandDecoder decoder = new OrderCommandDecoder();
    private long frames;
    private long malformed;

    public OrderCommandIntake(OrderGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Decodes {@code data[offset, offset + length)} received at {@code nowNanos}; returns what the
     * gateway did, or null when the frame was malformed. The bytes must stay unchanged until it returns.
     */
    public CommandOutcome onFrame(byte[] data, int offset, int length, long nowNanos) {
        frames++;
        if (decoder.decode(data, offset, length) != DecodeOutcome.OK) {
            malformed++;
            return null;
        }
        return gateway.onCommand(decoder, nowNanos);
    }

    /** Counts a frame that could not even be read as one (a multi-part message, an oversized frame). */
    void countMalformed() {
        frames++;
        malformed++;
    }

    public long frames() {
        return frames;
    }

    public long malformed() {
        return malformed;
    }
}
