package io.ttquant.transport.zmq;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.time.Clock;
import io.ttquant.transport.MarketDataPublisher;
import io.ttquant.transport.Topics;
import io.ttquant.transport.codec.MarketDataEncoder;
import java.util.Arrays;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Publishes market data to other processes: a bound ZeroMQ PUB socket that sends each event as two
 * frames, [topic {@code md.<venue>.<SYMBOL>.<kind>}, protobuf payload]. Each topic gets its own
 * sequence number: 1, 2, 3... It can also send any pre-encoded [topic, payload] pair, for
 * example an {@code ExecutionEvent} on {@code exec.<strategy>}.
 *
 * <p>Sending never blocks ({@code ZMQ.DONTWAIT}). Where drops are visible:
 * <ul>
 *   <li>A slow subscriber never blocks the publisher. When a subscriber's queue reaches the send
 *       high-water mark, ZeroMQ PUB drops that subscriber's messages silently: {@code send}
 *       still succeeds, and nothing here counts them. The subscriber sees them as gaps in the
 *       per-topic sequence numbers ({@link io.ttquant.transport.SequenceGapDetector}).</li>
 *   <li>A message the socket itself refuses ({@code send} returns false) is counted in
 *       {@link #refused()}. Its sequence number is used up anyway, so subscribers see that loss
 *       as a gap too.</li>
 *   <li>Messages sent before a subscriber has connected and subscribed are lost to it (ZeroMQ's
 *       "slow joiner"). The gap detector takes the first number it sees as its baseline, so
 *       these are not counted as gaps.</li>
 * </ul>
 *
 * <p>Owned by one thread: a ZeroMQ socket is not thread-safe, and neither are the encoder and
 * the sequence counters. The encoder and the topic table allocate nothing per event. JeroMQ
 * itself allocates a message object and a payload copy per send. Configuration is checked once,
 * in the constructor. The socket closes with linger 0, so {@link #close()} never waits for
 * unsent messages.
 */
public final class ZmqPublisher implements MarketDataPublisher, AutoCloseable {
    public static final int DEFAULT_SEND_HIGH_WATER_MARK = 100_000;

    private final ZContext context;
    private final ZMQ.Socket socket;
    private final Clock clock;
    private final Topics topics;
    private final MarketDataEncoder encoder;
    private final int port;
    private final String endpoint;
    private long[] sequences = new long[64];
    private long sent;
    private long sentBytes;
    private long refused;
    private boolean closed;

    /** Binds a PUB socket in {@code context} (owned by the caller) as {@code config} says. */
    public ZmqPublisher(ZContext context, Config config, Clock clock) {
        config.conclude();
        if (clock == null) {
            throw new IllegalArgumentException("a clock is required for publish times");
        }
        this.context = context;
        this.clock = clock;
        this.topics = new Topics(config.venue);
        this.encoder = new MarketDataEncoder(config.venue);
        this.socket = context.createSocket(SocketType.PUB);
        socket.setLinger(0);
        socket.setSndHWM(config.sendHighWaterMark);
        try {
            this.port = ZmqEndpoints.bind(socket, config.endpoint);
        } catch (ZMQException | IllegalArgumentException e) {
            context.destroySocket(socket);
            throw new IllegalStateException("cannot bind the market data publisher to " + config.endpoint + ": " + e.getMessage(), e);
        }
        this.endpoint = ZmqEndpoints.connectable(config.endpoint, port);
    }

    /**
     * Encodes {@code event} with the next sequence number of its topic and the clock's time as
     * publish time, and sends it.
     *
     * @return true when the socket took the message; false when it refused it (counted)
     */
    @Override
    public boolean publish(MarketEvent event) {
        Instrument instrument = event.instrument();
        MarketDataKind kind = event.kind();
        int id = topics.topicId(instrument, kind);
        if (id >= sequences.length) {
            sequences = Arrays.copyOf(sequences, Math.max(id + 1, sequences.length * 2));
        }
        long sequence = ++sequences[id];
        int length = encoder.encode(event, sequence, clock.nanos());
        return send(topics.marketDataBytes(instrument, kind), encoder.buffer(), 0, length);
    }

    /**
     * Sends one [topic, payload] message without blocking. The topic array is handed to ZeroMQ
     * as it is, so it must never change afterwards. Pre-encoded topics from {@link Topics} never
     * do. The payload is copied.
     *
     * @return true when the socket took the message; false when it refused it (counted)
     */
    public boolean send(byte[] topic, byte[] payload, int offset, int length) {
        if (!socket.sendMsg(new zmq.Msg(topic), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
            refused++;
            return false;
        }
        // PUB takes or drops a whole message, so the last frame cannot be refused after the first.
        if (!socket.send(payload, offset, length, ZMQ.DONTWAIT)) {
            refused++;
            return false;
        }
        sent++;
        sentBytes += topic.length + length;
        return true;
    }

    /** The port bound; -1 for a non-TCP endpoint. */
    public int port() {
        return port;
    }

    /** An endpoint a subscriber on this host can connect to, e.g. {@code tcp://127.0.0.1:50321}. */
    public String endpoint() {
        return endpoint;
    }

    public String venue() {
        return topics.venue();
    }

    /** Messages the socket took (some may still be dropped for slow subscribers; see the class comment). */
    public long sent() {
        return sent;
    }

    /** Bytes of topic and payload in the messages the socket took. */
    public long sentBytes() {
        return sentBytes;
    }

    /** Messages the socket refused. */
    public long refused() {
        return refused;
    }

    /** The last sequence number used on a topic; 0 before its first message. */
    public long lastSequence(Instrument instrument, MarketDataKind kind) {
        int id = topics.topicId(instrument, kind);
        return id < sequences.length ? sequences[id] : 0;
    }

    /** Closes the socket at once (linger 0); the context stays open. Closing twice does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            context.destroySocket(socket);
        }
    }

    /** Where and how to publish; checked once by the publisher's constructor. */
    public static final class Config {
        private String endpoint = "tcp://127.0.0.1:0";
        private String venue;
        private int sendHighWaterMark = DEFAULT_SEND_HIGH_WATER_MARK;

        /**
         * The endpoint to bind: {@code tcp://127.0.0.1:5556} (this host only), {@code tcp://*:5556}
         * (every interface), port 0 or {@code *} for a free port; or any other ZeroMQ endpoint
         * such as {@code inproc://md}. Default {@code tcp://127.0.0.1:0}.
         */
        public Config endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** The venue whose events this publisher sends (the topic's second segment). Required. */
        public Config venue(String venue) {
            this.venue = venue;
            return this;
        }

        /** Messages queued per subscriber before ZeroMQ drops for it; default 100,000. */
        public Config sendHighWaterMark(int messages) {
            this.sendHighWaterMark = messages;
            return this;
        }

        void conclude() {
            Topics.checkVenue(venue);
            ZmqEndpoints.check(endpoint);
            if (sendHighWaterMark < 1) {
                throw new IllegalArgumentException("send high-water mark must be at least 1 message: " + sendHighWaterMark);
            }
        }
    }
}
