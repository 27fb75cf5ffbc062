package io.ttquant.app.strategy;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * An {@link OrderSender} over ZeroMQ: a PUSH socket connected to the gateway's PULL endpoint, one
 * frame per order command, sent without blocking. While the gateway is away ZeroMQ queues up to the
 * send high-water mark; beyond it a frame is refused (false, counted) and the engine rejects the
 * order locally. Owned by the engine's thread (a ZeroMQ socket is not thread-safe); the context
 * belongs to the caller and {@link #close()} closes the socket with linger 0, dropping what is
 * still queued.
 */
public final class ZmqOrderSender implements OrderSender, AutoCloseable {
    /** Commands queued for an unreachable gateway before sending refuses. */
    public static final int DEFAULT_SEND_HIGH_WATER_MARK = 1_000;

    private final ZContext context;
    private final ZMQ.Socket push;
    private long sent;
    private long refused;
    private boolean closed;

    public ZmqOrderSender(ZContext context, String endpoint, int sendHighWaterMark) {
        if (context == null || endpoint == null) {
            throw new IllegalArgumentException("a context and an endpoint are required");
        }
        this.context = context;
        this.push = context.createSocket(SocketType.PUSH);
        push.setLinger(0);
        push.setSndHWM(sendHighWaterMark);
        push.setImmediate(false);
        if (!push.connect(endpoint)) {
            context.destroySocket(push);
            throw new IllegalStateException("cannot connect to the gateway's order endpoint " + endpoint);
        }
    }

    @Override
    public boolean send(byte[] frame, int offset, int length) {
        if (push.send(frame, offset, length, ZMQ.DONTWAIT)) {
            sent++;
            return true;
        }
        refused++;
        return false;
    }

    public long sent() {
        return sent;
    }

    public long refused() {
        return refused;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            context.destroySocket(push);
        }
    }
}
