package io.ttquant.app.gateway;

import io.ttquant.transport.bus.FrameHandler;
import io.ttquant.transport.bus.FrameRing;

/**
 * The gateway's order intake inside one JVM ({@code ttquant run}), the in-process twin of
 * {@link ZmqGatewayTransport}: strategies write the same encoded {@code OrderCommand} frames into a
 * {@link FrameRing}, and {@link #doWork(long)}, on the gateway's thread, hands up to a batch of
 * them in place to an {@link OrderCommandIntake}, then lets the paper venue deliver what its
 * latency held back. Reports go back through a {@link RingExecutionSink}. It must never block,
 * never validate orders itself and never be polled from more than one thread (the ring has one
 * consumer). Allocates nothing per frame; frames too long for the ring were already refused to the
 * strategy by {@link FrameRing#offer}.
 */
public final class InProcessGatewayTransport {
    /** Most frames handled per duty cycle, so one cycle never starves the rest of the loop. */
    public static final int DEFAULT_BATCH = ZmqGatewayTransport.DEFAULT_BATCH;

    private final FrameRing orders;
    private final OrderGateway gateway;
    private final OrderCommandIntake intake;
    private final int batch;
    private final FrameHandler toIntake = this::onFrame;
    /** The time of the duty cycle in progress, for the frames it hands over. */
    private long nowNanos;

    /**
     * @param orders  the ring the strategies offer order command frames to; this transport is its only consumer
     * @param gateway the gateway the commands go to, built with the sink reports leave through
     * @param batch   most frames per {@link #doWork(long)}, at least 1
     */
    public InProcessGatewayTransport(FrameRing orders, OrderGateway gateway, int batch) {
        if (orders == null || gateway == null) {
            throw new IllegalArgumentException("an order ring and a gateway are required");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1: " + batch);
        }
        this.orders = orders;
        this.gateway = gateway;
        this.intake = new OrderCommandIntake(gateway);
        this.batch = batch;
    }

    /**
     * One duty cycle at {@code nowNanos}: hands up to the batch size of waiting frames to the
     * gateway, then advances the paper venue. Returns the frames handled (0 when idle).
     */
    public int doWork(long nowNanos) {
        this.nowNanos = nowNanos;
        int work = orders.drain(toIntake, batch);
        gateway.onTime(nowNanos);
        return work;
    }

    private void onFrame(byte[] buffer, int offset, int length) {
        intake.onFrame(buffer, offset, length, nowNanos);
    }

    public OrderCommandIntake intake() {
        return intake;
    }

    public FrameRing orders() {
        return orders;
    }
}
