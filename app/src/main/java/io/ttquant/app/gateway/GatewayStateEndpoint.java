package io.ttquant.app.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ttquant.transport.proto.StateRequest;
import io.ttquant.transport.proto.StateSnapshot;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The gateway's start-up state service for strategy engines: a bound ZeroMQ ROUTER socket on a
 * thread of its own. Each request, frames [empty, StateRequest] from an engine's DEALER, is handed
 * to a {@link Source} that takes the snapshot on the gateway's thread ({@link GatewayService} queues
 * it there like an operator request, {@link GatewayStateQuery} reads it); the answer goes back as
 * [empty, StateSnapshot] with the request's id. A gateway that cannot answer in time (stopped,
 * queue full) answers with {@code error} set, so the engine retries. Malformed requests are dropped
 * and counted.
 *
 * <p>It must never touch the gateway's state itself, and never block the gateway: the only shared
 * thing is the request queue. Closing stops the thread and closes the socket (linger 0); the
 * context belongs to the caller.
 */
public final class GatewayStateEndpoint implements AutoCloseable {
    /** How long one answer may take on the gateway's thread before the engine is told to retry. */
    static final long ANSWER_TIMEOUT_MILLIS = 5_000;
    private static final int POLL_MILLIS = 100;
    private static final Pattern TCP_ANY_PORT = Pattern.compile("(tcp://[^:/]+|tcp://\\[[0-9a-fA-F:]+]):(0|\\*)");
    private static final System.Logger LOG = System.getLogger(GatewayStateEndpoint.class.getName());

    /** Takes a strategy's state on the gateway's thread. */
    @FunctionalInterface
    public interface Source {
        CompletableFuture<StateSnapshot> stateSnapshot(String strategy, long requestId);
    }

    private final ZContext context;
    private final ZMQ.Socket router;
    private final Source source;
    private final String endpoint;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long answered;
    private volatile long malformed;

    private GatewayStateEndpoint(ZContext context, String endpoint, Source source) {
        this.context = context;
        this.source = source;
        this.router = context.createSocket(SocketType.ROUTER);
        router.setLinger(0);
        router.setReceiveTimeOut(POLL_MILLIS);
        router.setMaxMsgSize(64 * 1024);
        try {
            Matcher m = TCP_ANY_PORT.matcher(endpoint);
            if (m.matches()) {
                int port = router.bindToRandomPort(m.group(1));
                this.endpoint = m.group(1).replace("tcp://*", "tcp://127.0.0.1").replace("tcp://0.0.0.0", "tcp://127.0.0.1")
                        + ":" + port;
            } else {
                if (!router.bind(endpoint)) {
                    throw new IllegalStateException("bind refused");
                }
                this.endpoint = endpoint;
            }
        } catch (ZMQException | IllegalStateException e) {
            context.destroySocket(router);
            throw new IllegalStateException("cannot bind the gateway's state socket to " + endpoint + ": " + e.getMessage(), e);
        }
        this.thread = new Thread(this::run, "ttquant-gateway-state");
        thread.setDaemon(true);
    }

    /**
     * Binds {@code endpoint} ({@code tcp://127.0.0.1:0} picks a free port) and starts answering.
     *
     * @throws IllegalStateException when the endpoint cannot be bound (one line)
     */
    public static GatewayStateEndpoint start(ZContext context, String endpoint, Source source) {
        if (context == null || endpoint == null || source == null) {
            throw new IllegalArgumentException("a context, an endpoint and a source are required");
        }
        GatewayStateEndpoint e = new GatewayStateEndpoint(context, endpoint, source);
        e.thread.start();
        return e;
    }

    private void run() {
        try {
            while (running) {
                byte[] identity = router.recv();
                if (identity == null) {
                    continue;
                }
                byte[] delimiter = router.hasReceiveMore() ? router.recv() : null;
                byte[] payload = router.hasReceiveMore() ? router.recv() : null;
                boolean extra = false;
                while (router.hasReceiveMore()) {
                    router.recv();
                    extra = true;
                }
                if (delimiter == null || delimiter.length != 0 || payload == null || extra) {
                    malformed++;
                    continue;
                }
                StateRequest request;
                try {
                    request = StateRequest.parseFrom(payload);
                } catch (InvalidProtocolBufferException e) {
                    malformed++;
                    continue;
                }
                StateSnapshot answer = answer(request);
                router.sendMore(identity);
                router.sendMore(new byte[0]);
                router.send(answer.toByteArray(), ZMQ.DONTWAIT);
                answered++;
            }
        } catch (ZMQException e) {
            if (running) {
                LOG.log(System.Logger.Level.ERROR, "gateway state endpoint stopped: " + e.getMessage());
            }
        } finally {
            context.destroySocket(router);
        }
    }

    private StateSnapshot answer(StateRequest request) {
        try {
            return source.stateSnapshot(request.getStrategy(), request.getRequestId())
                    .get(ANSWER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(request, "interrupted");
        } catch (ExecutionException e) {
            return failed(request, String.valueOf(e.getCause() == null ? e : e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return failed(request, "the gateway did not answer within " + ANSWER_TIMEOUT_MILLIS + " ms");
        }
    }

    private static StateSnapshot failed(StateRequest request, String why) {
        return StateSnapshot.newBuilder().setStrategy(request.getStrategy()).setRequestId(request.getRequestId())
                .setError(why).build();
    }

    /** An endpoint a DEALER socket on this host can connect to. */
    public String endpoint() {
        return endpoint;
    }

    /** Requests answered (with a state or an error). */
    public long answered() {
        return answered;
    }

    /** Requests dropped for their frames or bytes. */
    public long malformed() {
        return malformed;
    }

    /** Stops answering and closes the socket; waits for the thread at most a second. */
    @Override
    public void close() {
        running = false;
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(1) + POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
