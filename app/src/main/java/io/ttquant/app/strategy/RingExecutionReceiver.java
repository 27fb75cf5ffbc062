package io.ttquant.app.strategy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ttquant.app.gateway.RingExecutionSink;
import io.ttquant.transport.bus.FrameHandler;
import io.ttquant.transport.bus.FrameRing;
import io.ttquant.transport.proto.ExecutionEvent;
import java.nio.ByteBuffer;

/**
 * The engine's side of the in-process execution path: drains the {@link FrameRing} a gateway in
 * the same JVM writes through its {@link RingExecutionSink} (frames of [strategy number, 4 bytes]
 * [ExecutionEvent]), parses each event and hands it to the {@link StrategyEngine}, as the ZeroMQ
 * subscriber does in a separate process. A frame protoc cannot parse is dropped and counted. The
 * engine's thread must be the ring's only consumer; it allocates what protoc allocates per event.
 */
public final class RingExecutionReceiver implements FrameHandler {
    private final FrameRing ring;
    private final StrategyEngine engine;
    private long received;
    private long malformed;

    public RingExecutionReceiver(FrameRing ring, StrategyEngine engine) {
        if (ring == null || engine == null) {
            throw new IllegalArgumentException("a ring and an engine are required");
        }
        this.ring = ring;
        this.engine = engine;
    }

    /** Hands up to {@code limit} waiting events to the engine; never blocks. Returns how many frames it took. */
    public int poll(int limit) {
        return ring.drain(this, limit);
    }

    @Override
    public void onFrame(byte[] buffer, int offset, int length) {
        if (length < RingExecutionSink.HEADER_BYTES) {
            malformed++;
            return;
        }
        ExecutionEvent event;
        try {
            event = ExecutionEvent.parseFrom(ByteBuffer.wrap(buffer, offset + RingExecutionSink.HEADER_BYTES,
                    length - RingExecutionSink.HEADER_BYTES));
        } catch (InvalidProtocolBufferException e) {
            malformed++;
            return;
        }
        received++;
        engine.onExecutionEvent(event);
    }

    public long received() {
        return received;
    }

    public long malformed() {
        return malformed;
    }
}
