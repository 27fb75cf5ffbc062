package io.ttquant.transport.zmq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Receives [topic, payload] messages from one or more ZeroMQ publishers: a SUB socket that connects
 * to their endpoints and subscribes to topic prefixes. Each message is copied into two reusable
 * buffers and handed to a {@link MessageHandler}. The buffers grow only for a message larger
 * than any before.
 *
 * <p>Where drops are visible: ZeroMQ drops silently, both at the publisher (its send high-water
 * mark for this subscriber) and here (the receive high-water mark, while the subscriber does not
 * read). Neither is reported as an error. Losses show only as gaps in the messages' per-topic
 * sequence numbers, which {@link io.ttquant.transport.SequenceGapDetector} counts.
 * This class counts what it can see itself: messages that are not exactly two frames
 * ({@link #malformed()}).
 *
 * <p>Owned by one thread. The socket, the buffers and the counters are not thread-safe, and the
 * buffers are overwritten by the next message. The handler must copy what it keeps. The socket
 * closes with linger 0, so {@link #close()} never blocks. JeroMQ allocates a message object per
 * frame. The copying here allocates nothing in the steady state.
 */
public final class ZmqSubscriber implements AutoCloseable {
    public static final int DEFAULT_RECEIVE_HIGH_WATER_MARK = 100_000;
    public static final int DEFAULT_RECEIVE_TIMEOUT_MILLIS = 100;

    /** Receives one message; the arrays are reused, valid only during the call. */
    @FunctionalInterface
    public interface MessageHandler {
        void onMessage(byte[] topic, int topicLength, byte[] payload, int payloadLength);
    }

    private final ZContext context;
    private final ZMQ.Socket socket;
    private byte[] topic = new byte[128];
    private byte[] payload = new byte[4096];
    private long received;
    private long malformed;
    private boolean closed;

    /** Connects a SUB socket in {@code context} (owned by the caller) as {@code config} says. */
    public ZmqSubscriber(ZContext context, Config config) {
        config.conclude();
        this.context = context;
        this.socket = context.createSocket(SocketType.SUB);
        socket.setLinger(0);
        socket.setRcvHWM(config.receiveHighWaterMark);
        socket.setReceiveTimeOut(config.receiveTimeoutMillis);
        for (String prefix : config.prefixes) {
            socket.subscribe(prefix.getBytes(StandardCharsets.US_ASCII));
        }
        for (String endpoint : config.endpoints) {
            if (!socket.connect(endpoint)) {
                context.destroySocket(socket);
                throw new IllegalStateException("cannot connect the subscriber to " + endpoint);
            }
        }
    }

    /** Receives and handles the messages already waiting, at most {@code limit}; never blocks. Returns the count handled. */
    public int poll(MessageHandler handler, int limit) {
        int n = 0;
        while (n < limit && receiveOne(handler, ZMQ.DONTWAIT)) {
            n++;
        }
        return n;
    }

    /** Waits up to the receive timeout for one message and handles it; false when none came. */
    public boolean receive(MessageHandler handler) {
        return receiveOne(handler, 0);
    }

    /** Adds a topic prefix (an empty prefix receives everything). */
    public void subscribe(String prefix) {
        socket.subscribe(prefix.getBytes(StandardCharsets.US_ASCII));
    }

    /** Removes a topic prefix added before. */
    public void unsubscribe(String prefix) {
        socket.unsubscribe(prefix.getBytes(StandardCharsets.US_ASCII));
    }

    /** Well-formed messages handed to handlers. */
    public long received() {
        return received;
    }

    /** Messages dropped here because they were not exactly [topic, payload]. */
    public long malformed() {
        return malformed;
    }

    /** Closes the socket at once (linger 0); the context stays open. Closing twice does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            context.destroySocket(socket);
        }
    }

    /** True when a message (well-formed or not) was taken off the socket. */
    private boolean receiveOne(MessageHandler handler, int flags) {
        zmq.Msg first = socket.recvMsg(flags);
        if (first == null) {
            return false;
        }
        int topicLength = first.size();
        if (topicLength > topic.length) {
            topic = new byte[Math.max(topicLength, topic.length * 2)];
        }
        first.getBytes(0, topic, 0, topicLength);
        if (!first.hasMore()) {
            malformed++;
            return true;
        }
        // The remaining frames of a multipart message arrive with the first, so this does not wait.
        zmq.Msg second = socket.recvMsg(0);
        if (second == null) {
            malformed++;
            return true;
        }
        int payloadLength = second.size();
        if (payloadLength > payload.length) {
            payload = new byte[Math.max(payloadLength, payload.length * 2)];
        }
        second.getBytes(0, payload, 0, payloadLength);
        if (second.hasMore()) {
            zmq.Msg extra = second;
            while (extra != null && extra.hasMore()) {
                extra = socket.recvMsg(0);
            }
            malformed++;
            return true;
        }
        received++;
        handler.onMessage(topic, topicLength, payload, payloadLength);
        return true;
    }

    /** Where to connect and what to receive; checked once by the subscriber's constructor. */
    public static final class Config {
        private final List<String> endpoints = new ArrayList<>();
        private final List<String> prefixes = new ArrayList<>();
        private int receiveHighWaterMark = DEFAULT_RECEIVE_HIGH_WATER_MARK;
        private int receiveTimeoutMillis = DEFAULT_RECEIVE_TIMEOUT_MILLIS;

        /** A publisher endpoint to connect to, e.g. {@code tcp://127.0.0.1:5556}; at least one. */
        public Config connect(String endpoint) {
            endpoints.add(endpoint);
            return this;
        }

        /** A topic prefix to receive, e.g. {@code md.binance.BTCUSDT.}; none receives nothing until {@link #subscribe}. */
        public Config subscribe(String prefix) {
            prefixes.add(prefix);
            return this;
        }

        /** Messages queued here before ZeroMQ drops; default 100,000. */
        public Config receiveHighWaterMark(int messages) {
            this.receiveHighWaterMark = messages;
            return this;
        }

        /** How long {@link #receive} waits for a message; default 100 ms. */
        public Config receiveTimeoutMillis(int millis) {
            this.receiveTimeoutMillis = millis;
            return this;
        }

        void conclude() {
            if (endpoints.isEmpty()) {
                throw new IllegalArgumentException("a subscriber needs at least one endpoint to connect to");
            }
            for (String e : endpoints) {
                ZmqEndpoints.check(e);
                if (e.matches("tcp://(\\*|0\\.0\\.0\\.0):.*") || e.matches("tcp://.*:(\\*|0)")) {
                    throw new IllegalArgumentException("connect needs a concrete host and port: " + e);
                }
            }
            for (String p : prefixes) {
                if (p == null) {
                    throw new IllegalArgumentException("null topic prefix");
                }
            }
            if (receiveHighWaterMark < 1) {
                throw new IllegalArgumentException("receive high-water mark must be at least 1 message: " + receiveHighWaterMark);
            }
            if (receiveTimeoutMillis < 0) {
                throw new IllegalArgumentException("receive timeout must not be negative: " + receiveTimeoutMillis);
            }
        }
    }
}
