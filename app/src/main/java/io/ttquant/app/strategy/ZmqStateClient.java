package io.ttquant.app.strategy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ttquant.transport.proto.StateRequest;
import io.ttquant.transport.proto.StateSnapshot;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Asks the gateway's state endpoint (its ROUTER socket) for strategies' start-up state over a
 * ZeroMQ DEALER socket: each request is [empty, StateRequest], each answer [empty, StateSnapshot]
 * with the request's id. A DEALER never locks up waiting for an answer (as a REQ socket would), so
 * the engine simply asks again after its timeout; late answers carry an old id and are ignored by
 * the engine. Requests queue while the gateway is away, up to a small high-water mark, then are
 * dropped (the engine's retry covers them). Owned by the engine's thread; allocates per request and
 * answer (a handful per start). The context belongs to the caller; {@link #close()} uses linger 0.
 */
public final class ZmqStateClient implements StateRequester, AutoCloseable {
    private static final byte[] EMPTY = new byte[0];

    private final ZContext context;
    private final ZMQ.Socket dealer;
    private long malformed;
    private boolean closed;

    public ZmqStateClient(ZContext context, String endpoint) {
        if (context == null || endpoint == null) {
            throw new IllegalArgumentException("a context and an endpoint are required");
        }
        this.context = context;
        this.dealer = context.createSocket(SocketType.DEALER);
        dealer.setLinger(0);
        dealer.setSndHWM(16);
        dealer.setMaxMsgSize(16 * 1024 * 1024);
        if (!dealer.connect(endpoint)) {
            context.destroySocket(dealer);
            throw new IllegalStateException("cannot connect to the gateway's state endpoint " + endpoint);
        }
    }

    @Override
    public void request(String strategy, long requestId, long nowNanos) {
        byte[] payload = StateRequest.newBuilder().setStrategy(strategy).setRequestId(requestId).setSendTimeNs(nowNanos).build()
                .toByteArray();
        if (dealer.send(EMPTY, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
            dealer.send(payload, ZMQ.DONTWAIT);
        }
    }

    /** Hands the answers already waiting to {@code engine}; never blocks. Returns how many. */
    public int poll(StrategyEngine engine) {
        int n = 0;
        byte[] first;
        while ((first = dealer.recv(ZMQ.DONTWAIT)) != null) {
            byte[] payload = dealer.hasReceiveMore() ? dealer.recv(0) : null;
            boolean extra = false;
            while (dealer.hasReceiveMore()) {
                dealer.recv(0);
                extra = true;
            }
            n++;
            if (first.length != 0 || payload == null || extra) {
                malformed++;
                continue;
            }
            try {
                engine.onStateSnapshot(StateSnapshot.parseFrom(payload));
            } catch (InvalidProtocolBufferException e) {
                malformed++;
            }
        }
        return n;
    }

    /** Answers dropped for their frames or bytes. */
    public long malformed() {
        return malformed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            context.destroySocket(dealer);
        }
    }
}
