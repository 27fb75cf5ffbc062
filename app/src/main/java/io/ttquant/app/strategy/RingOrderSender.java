package io.ttquant.app.strategy;

import io.ttquant.transport.bus.FrameRing;

/**
 * An {@link OrderSender} for an engine in the gateway's JVM: each frame is copied into the
 * {@link FrameRing} that the gateway's {@code InProcessGatewayTransport} drains. A full ring refuses
 * the frame (false); it never blocks and never allocates. The engine's thread must be the ring's
 * only producer.
 */
public final class RingOrderSender implements OrderSender {
    private final FrameRing ring;

    public RingOrderSender(FrameRing ring) {
        if (ring == null) {
            throw new IllegalArgumentException("a ring is required");
        }
        this.ring = ring;
    }

    @Override
    public boolean send(byte[] frame, int offset, int length) {
        return ring.offer(frame, offset, length);
    }
}
