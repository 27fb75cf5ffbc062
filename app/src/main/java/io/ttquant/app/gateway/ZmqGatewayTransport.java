package io.ttquant.app.gateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.Msg;

/**
 * The gateway's thin order intake over ZeroMQ: a bound PULL socket whose single-frame messages go
 * through an {@link OrderCommandIntake} to the {@link OrderGateway}, polled without blocking by
 * {@link #doWork(long)}, which also lets the paper venue deliver what its latency held back.
 * Reports leave through whatever {@link ExecutionSink} the gateway was built with (normally a
 * {@link ZmqExecutionPublisher}). Each frame is copied into one reused buffer and decoded there.
 * Multi-part messages and frames over {@value #MAX_FRAME_BYTES} bytes are dropped and counted
 * malformed; the socket refuses (disconnects) a peer sending more than {@value #SOCKET_MAX_MESSAGE_BYTES}
 * bytes at once. It must never block, never validate orders itself and never be used from more
 * than one thread (ZeroMQ sockets are not thread-safe). JeroMQ allocates a message per frame
 * received; nothing else here does. The context belongs to the caller; {@link #close()} closes the
 * socket with linger 0.
 */
public final class ZmqGatewayTransport implements AutoCloseable {
    /** Most frames handled per duty cycle, so one cycle never starves the rest of the loop. */
    public static final int DEFAULT_BATCH = 256;
    /** Largest order command frame read; an OrderCommand is about a hundred bytes. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    /** Largest message the socket accepts from a peer at all. */
    static final long SOCKET_MAX_MESSAGE_BYTES = 1024 * 1024;

    private static final Pattern TCP_ANY_PORT = Pattern.compile("(tcp://[^:/]+|tcp://\\[[0-9a-fA-F:]+]):(0|\\*)");

    private final ZContext context;
    private final ZMQ.Socket pull;
    private final OrderGateway gateway;
    private final OrderCommandIntake intake;
    private final int batch;
    private final String endpoint;
    private final byte[] frame = new byte[MAX_FRAME_BYTES];
    private boolean closed;

    /**
     * Binds the PULL socket on {@code endpoint} ({@code tcp://127.0.0.1:0} picks a free port).
     *
     * @throws IllegalStateException when the endpoint cannot be bound (at start, with the reason)
     */
    public ZmqGatewayTransport(ZContext context, String endpoint, OrderGateway gateway, int batch) {
        if (context == null || endpoint == null || gateway == null) {
            throw new IllegalArgumentException("context, endpoint and gateway are required");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1: " + batch);
        }
        this.context = context;
        this.gateway = gateway;
        this.intake = new OrderCommandIntake(gateway);
        this.batch = batch;
        this.pull = context.createSocket(SocketType.PULL);
        pull.setLinger(0);
        pull.setMaxMsgSize(SOCKET_MAX_MESSAGE_BYTES);
        try {
            Matcher m = TCP_ANY_PORT.matcher(endpoint);
            if (m.matches()) {
                int port = pull.bindToRandomPort(m.group(1));
                this.endpoint = m.group(1).replace("tcp://*", "tcp://127.0.0.1").replace("tcp://0.0.0.0", "tcp://127.0.0.1")
                        + ":" + port;
            } else {
                if (!pull.bind(endpoint)) {
                    throw new IllegalStateException("bind refused");
                }
                this.endpoint = endpoint;
            }
        } catch (ZMQException | IllegalStateException e) {
            context.destroySocket(pull);
            throw new IllegalStateException("cannot bind the gateway's order socket to " + endpoint + ": " + e.getMessage(), e);
        }
    }

    /**
     * One duty cycle at {@code nowNanos}: handles up to the batch size of waiting frames without
     * blocking, then advances the paper venue. Returns the frames handled (0 when idle).
     */
    public int doWork(long nowNanos) {
        int work = 0;
        while (work < batch) {
            Msg msg = pull.recvMsg(ZMQ.DONTWAIT);
            if (msg == null) {
                break;
            }
            work++;
            if (pull.hasReceiveMore()) {
                while (pull.hasReceiveMore()) {
                    pull.recvMsg(ZMQ.DONTWAIT);
                }
                intake.countMalformed();
                continue;
            }
            int size = msg.size();
            if (size > frame.length) {
                intake.countMalformed();
                continue;
            }
            msg.getBytes(0, frame, 0, size);
            intake.onFrame(frame, 0, size, nowNanos);
        }
        gateway.onTime(nowNanos);
        return work;
    }

    /** An endpoint a PUSH socket on this host can connect to. */
    public String endpoint() {
        return endpoint;
    }

    public OrderCommandIntake intake() {
        return intake;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            context.destroySocket(pull);
        }
    }
}
