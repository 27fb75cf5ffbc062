package io.ttquant.app.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ttquant.transport.proto.OrderCommand;

/**
 * The gateway's decoding step for raw frames: parses one frame as an {@link OrderCommand} and hands
 * it to the {@link OrderGateway}. A frame that is not a valid OrderCommand (garbage, truncated
 * protobuf, invalid UTF-8 in a string) is counted as malformed and skipped; it never throws and
 * never reaches the gateway. It must not validate orders itself: that is the gateway's job.
 * Single-threaded: the gateway's thread owns it.
 */
public final class OrderCommandIntake {
    private final OrderGateway gateway;
    private long frames;
    private long malformed;

    public OrderCommandIntake(OrderGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Decodes {@code data[offset, offset + length)} received at {@code nowNanos}; returns what the
     * gateway did, or null when the frame was malformed.
     */
    public CommandOutcome onFrame(byte[] data, int offset, int length, long nowNanos) {
        frames++;
        OrderCommand cmd;
        try {
            cmd = OrderCommand.parseFrom(java.nio.ByteBuffer.wrap(data, offset, length));
        } catch (InvalidProtocolBufferException e) {
            malformed++;
            return null;
        }
        return gateway.onCommand(cmd, nowNanos);
    }

    /** Counts a frame that could not even be read as one (a multi-part message on the order socket). */
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
