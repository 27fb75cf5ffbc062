package io.ttquant.binance.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.core.time.Clock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps one Binance combined-stream subscription ({@code /stream?streams=a/b/c}) alive the way
 * Binance requires, on the caller's single-threaded Netty event loop:
 * <ul>
 *   <li>answers every server ping with a pong carrying the same payload, and sends nothing
 *       unsolicited besides;</li>
 *   <li>reconnects when the connection closes, fails, or stays silent for the silence timeout,
 *       with exponential backoff and full jitter ({@link ReconnectPolicy}), and never more than one
 *       connection attempt a second;</li>
 *   <li>subscribes and unsubscribes at run time ({@code SUBSCRIBE}/{@code UNSUBSCRIBE}), at most 5
 *       outgoing messages a second per connection ({@link ControlMessageThrottle}, the excess
 *       queued), and restores every subscription on a new connection;</li>
 *   <li>replaces a connection make-before-break ahead of Binance's 24-hour limit and when the
 *       owner reports a {@code serverShutdown} event: the replacement opens with the same
 *       subscriptions and takes over delivery at its first data message, then the old one is
 *       closed.</li>
 * </ul>
 * Text messages go to the {@link StreamListener} as a {@link ByteBuf} without a copy (see its
 * contract). Time-driven decisions read the injected {@link Clock} on a periodic tick of the
 * event loop, so a test can drive them by moving its clock.
 *
 * <p>All state lives on the event loop: the public methods may be called from any thread and hop
 * onto the loop ({@link WebSocketClient}, which it shares with the user data stream). It never
 * blocks the loop, never decodes the JSON it delivers, and never throws to Netty. Host names are
 * resolved by Netty's default (JDK) resolver.
 */
public final class StreamClient extends WebSocketClient<StreamConnection> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StreamClient.class.getName());
    private static final byte[] DATA_PREFIX = "{\"stream\":".getBytes(StandardCharsets.US_ASCII);

    private final StreamClientConfig config;
    private final StreamListener listener;
    private final StreamClientStats stats = new StreamClientStats();
    private final BinanceEndpoints endpoints;
    private final LinkedHashSet<String> desired = new LinkedHashSet<>();

    private StreamConnection active;
    private StreamConnection replacement;
    private DisconnectReason replacementWanted;
    private long nextAttemptNanos;
    private long nextRequestId = 1;
    private boolean listenerErrorLogged;
    private volatile int deliveringConnectionId;

    /**
     * A client for {@code config}, running on {@code eventLoop} (a single-threaded NIO loop, such
     * as the one of {@code new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory())}), calling
     * {@code listener} on that loop. Nothing connects before {@link #start()}.
     */
    public StreamClient(StreamClientConfig config, EventLoop eventLoop, StreamListener listener) {
        super(config, eventLoop);
        if (listener == null) {
            throw new IllegalArgumentException("config, eventLoop and listener are required");
        }
        this.config = config;
        this.listener = listener;
        this.endpoints = config.endpoints();
    }

    /** Subscribes {@code streams} (before or after {@link #start()}); the names are checked here and throw when malformed. */
    public void subscribe(String... streams) {
        List<String> names = checked(streams);
        onLoop(() -> changeSubscriptions(names, true));
    }

    /** Unsubscribes {@code streams}; unknown ones are ignored. */
    public void unsubscribe(String... streams) {
        List<String> names = checked(streams);
        onLoop(() -> changeSubscriptions(names, false));
    }

    /** Sends {@code LIST_SUBSCRIPTIONS} on the delivering connection (its answer arrives as a text message). */
    public void listSubscriptions() {
        onLoop(() -> {
            StreamConnection c = active;
            if (c != null && c.isOpen() && !c.isClosing()) {
                ControlMessage m = new ControlMessage(ControlMessage.Method.LIST_SUBSCRIPTIONS, nextRequestId++);
                c.queue.add(m);
                flushAndCount(c, List.of(m));
            }
        });
    }

    /** {@link #start()}: opens the first connection. */
    @Override
    protected void onStart(long now) {
        maybeConnect(now);
    }

    /**
     * The owner saw a {@code serverShutdown} event on the stream: open a replacement connection now
     * (make-before-break) rather than wait for the server to cut this one.
     */
    public void onServerShutdown() {
        onLoop(() -> beginReplacement(DisconnectReason.SERVER_SHUTDOWN, now()));
    }

    /** Closes every connection; no reconnect follows. Returns at once. */
    @Override
    public void close() {
        onLoop(() -> {
            if (!markClosed()) {
                return;
            }
            if (replacement != null) {
                replacement.end(DisconnectReason.CLOSED_BY_CLIENT, "client closed", true);
            }
            if (active != null) {
                active.end(DisconnectReason.CLOSED_BY_CLIENT, "client closed", true);
            }
        });
    }

    public StreamClientStats stats() {
        return stats;
    }

    /** The id of the connection whose messages are delivered now, 0 when none is open. Any thread. */
    public int deliveringConnectionId() {
        return deliveringConnectionId;
    }

    /** The streams the client keeps subscribed, in the order they were added. Blocks briefly when called off the loop. */
    public List<String> subscriptions() {
        if (eventLoop().inEventLoop()) {
            return List.copyOf(desired);
        }
        try {
            return eventLoop().submit(() -> List.copyOf(desired)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("event loop did not answer", e);
        }
    }

    private static List<String> checked(String[] streams) {
        List<String> names = new ArrayList<>(streams.length);
        for (String s : streams) {
            names.add(StreamNames.check(s));
        }
        return names;
    }

    // ---- subscriptions -------------------------------------------------------------------

    private void changeSubscriptions(List<String> names, boolean add) {
        boolean changed = false;
        for (String s : names) {
            if (add) {
                if (desired.contains(s)) {
                    continue;
                }
                if (desired.size() >= config.maxStreams()) {
                    stats.streamRefused();
                    LOG.log(System.Logger.Level.WARNING, "stream " + s + " not subscribed: a connection carries at most "
                            + config.maxStreams() + " streams");
                    continue;
                }
                desired.add(s);
                changed = true;
            } else {
                changed |= desired.remove(s);
            }
        }
        if (changed) {
            reconcile(active);
            reconcile(replacement);
        }
    }

    /** Queues the SUBSCRIBE and UNSUBSCRIBE messages that bring an open connection to the wanted streams. */
    private void reconcile(StreamConnection c) {
        if (c == null || !c.isOpen() || c.isClosing()) {
            return;
        }
        List<ControlMessage> created = new ArrayList<>(2);
        List<String> missing = new ArrayList<>();
        for (String s : desired) {
            if (!c.requested.contains(s)) {
                missing.add(s);
            }
        }
        List<String> surplus = new ArrayList<>();
        for (String s : c.requested) {
            if (!desired.contains(s)) {
                surplus.add(s);
            }
        }
        enqueue(c, ControlMessage.Method.UNSUBSCRIBE, surplus, created);
        enqueue(c, ControlMessage.Method.SUBSCRIBE, missing, created);
        flushAndCount(c, created);
    }

    private void enqueue(StreamConnection c, ControlMessage.Method method, List<String> streams, List<ControlMessage> created) {
        int max = config.maxStreamsPerControlMessage();
        for (String s : streams) {
            ControlMessage tail = c.queue.peekLast();
            if (tail == null || !tail.canMerge(method, 1, max)) {
                tail = new ControlMessage(method, nextRequestId++);
                c.queue.add(tail);
                created.add(tail);
            }
            tail.streams.add(s);
            if (method == ControlMessage.Method.SUBSCRIBE) {
                c.requested.add(s);
            } else {
                c.requested.remove(s);
            }
        }
    }

    private void flushAndCount(StreamConnection c, List<ControlMessage> created) {
        flush(c, now());
        for (ControlMessage m : created) {
            if (!m.sent) {
                stats.controlMessageQueued();
            }
        }
    }

    /** Writes queued pongs first, then control messages, as far as the rate limit allows. */
    private void flush(StreamConnection c, long now) {
        if (c == null || !c.isOpen() || c.isClosing() || c.isEnded()) {
            return;
        }
        boolean wrote = false;
        while (c.hasOutgoing() && c.throttle.tryAcquire(now)) {
            if (c.hasPong()) {
                c.channel().write(new PongWebSocketFrame(c.pollPong()), c.channel().voidPromise());
                stats.pingAnswered();
            } else {
                ControlMessage m = c.queue.poll();
                m.sent = true;
                c.channel().write(new TextWebSocketFrame(m.encode(c.channel().alloc())), c.channel().voidPromise());
                stats.controlMessageSent();
            }
            wrote = true;
        }
        if (wrote) {
            c.channel().flush();
        }
    }

    // ---- connections ---------------------------------------------------------------------

    private void maybeConnect(long now) {
        if (isClosed() || !isStarted()) {
            return;
        }
        if (active == null) {
            if (now >= nextAttemptNanos && policy().mayAttempt(now)) {
                open(null, now);
            }
        } else if (replacementWanted != null && replacement == null && active.isOpen() && !active.isClosing()
                && now >= nextAttemptNanos && policy().mayAttempt(now)) {
            open(replacementWanted, now);
        }
    }

    private void open(DisconnectReason replaces, long now) {
        stats.connectAttempt(now);
        List<String> inUrl = new ArrayList<>();
        URI uri = URI.create(StreamNames.combinedUrl(endpoints.wsBaseUrl(), desired, config.maxUrlLength(), inUrl));
        StreamConnection c = new StreamConnection(this, nextConnectionId(), replaces, uri,
                new ControlMessageThrottle(config.controlMessagesPerWindow(), config.controlWindowNanos()));
        c.requested.addAll(inUrl);
        if (replaces == null) {
            active = c;
        } else {
            replacement = c;
        }
        connect(c, now);
    }

    private void beginReplacement(DisconnectReason reason, long now) {
        if (isClosed() || !isStarted() || replacement != null || replacementWanted != null) {
            return;
        }
        if (active == null || !active.isOpen() || active.isClosing()) {
            return;
        }
        stats.reconnect(reason);
        replacementWanted = reason;
        if (desired.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "replacing " + active + " (" + reason + ") with no streams");
        }
        maybeConnect(now);
    }

    private void switchTo(StreamConnection c) {
        StreamConnection old = active;
        active = c;
        replacement = null;
        replacementWanted = null;
        deliveringConnectionId = c.id();
        stats.switched();
        try {
            listener.onSwitched(old == null ? 0 : old.id(), c.id());
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
        if (old != null) {
            old.end(c.replaces, "replaced by connection " + c.id(), true);
        }
    }

    @Override
    protected void onOpened(StreamConnection c) {
        long now = now();
        c.health().onOpened(now);
        stats.connected();
        if (c == active) {
            deliveringConnectionId = c.id();
        }
        try {
            listener.onConnected(c.id());
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
        if (c.isEnded() || c.isClosing()) {
            return;
        }
        reconcile(c);
        if (c == replacement && desired.isEmpty()) {
            switchTo(c);
        }
    }

    @Override
    protected void onText(StreamConnection c, ByteBuf text, long now) {
        stats.frameReceived();
        if (c.isClosing()) {
            stats.frameDiscarded();
            return;
        }
        if (c == replacement) {
            if (!isDataMessage(text)) {
                deliver(text, now);
                return;
            }
            switchTo(c);
        }
        if (c == active) {
            deliver(text, now);
        } else {
            stats.frameDiscarded();
        }
    }

    private static boolean isDataMessage(ByteBuf text) {
        int at = text.readerIndex();
        if (text.readableBytes() < DATA_PREFIX.length) {
            return false;
        }
        for (int i = 0; i < DATA_PREFIX.length; i++) {
            if (text.getByte(at + i) != DATA_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    private void deliver(ByteBuf text, long now) {
        int bytes = text.readableBytes();
        try {
            listener.onText(text, now);
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
        stats.frameDelivered(bytes);
    }

    private void listenerFailed(RuntimeException e) {
        stats.listenerError();
        if (!listenerErrorLogged) {
            listenerErrorLogged = true;
            LOG.log(System.Logger.Level.ERROR, "stream listener threw; later errors are only counted", e);
        }
    }

    @Override
    protected void onPing(StreamConnection c, long now) {
        flush(c, now);
    }

    @Override
    protected void onEnded(StreamConnection c) {
        long now = now();
        DisconnectReason reason = c.endReason() == null ? DisconnectReason.CLOSED_BY_SERVER : c.endReason();
        String detail = c.endDetail() == null ? "connection closed" : c.endDetail();
        if (c.isOpen()) {
            try {
                listener.onDisconnected(c.id(), reason, detail);
            } catch (RuntimeException e) {
                listenerFailed(e);
            }
        }
        if (c == replacement) {
            replacement = null;
            if (!isClosed()) {
                // The old connection still delivers: try another replacement after a backoff.
                backOff(now, c);
            }
            return;
        }
        if (c != active) {
            return;
        }
        active = null;
        deliveringConnectionId = 0;
        if (isClosed()) {
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, c + " ended: " + reason + " " + detail);
        stats.reconnect(reason);
        replacementWanted = null;
        if (replacement != null) {
            // The replacement takes over at once; the listener saw no switch, so it resynchronises.
            active = replacement;
            replacement = null;
            if (active.isOpen()) {
                deliveringConnectionId = active.id();
            }
            return;
        }
        backOff(now, c);
        maybeConnect(now);
    }

    private void backOff(long now, StreamConnection lost) {
        nextAttemptNanos = policy().onConnectionLost(now, lost.health().openedNanos());
        stats.backoff(policy().lastBackoffCeilingNanos(), nextAttemptNanos - now);
    }

    @Override
    protected void tick(long now) {
        StreamConnection r = replacement;
        if (r != null && !r.isClosing()) {
            ConnectionHealth.Verdict v = r.health().check(now);
            if (v == ConnectionHealth.Verdict.HANDSHAKE_TIMEOUT) {
                r.end(DisconnectReason.ERROR, "handshake timeout", false);
            } else if (v == ConnectionHealth.Verdict.SILENCE) {
                r.end(DisconnectReason.SILENCE, silenceDetail(), false);
            } else if (r.isOpen() && now - r.health().openedNanos() >= config.switchWaitNanos()) {
                switchTo(r);
            }
        }
        StreamConnection a = active;
        if (a != null && !a.isClosing()) {
            ConnectionHealth.Verdict v = a.health().check(now);
            if (v == ConnectionHealth.Verdict.HANDSHAKE_TIMEOUT) {
                a.end(DisconnectReason.ERROR, "handshake timeout", false);
            } else if (v == ConnectionHealth.Verdict.SILENCE) {
                a.end(DisconnectReason.SILENCE, silenceDetail(), false);
            } else if (v == ConnectionHealth.Verdict.MAX_AGE) {
                beginReplacement(DisconnectReason.MAX_AGE, now);
            }
        }
        maybeConnect(now);
        flush(active, now);
        flush(replacement, now);
    }

    private String silenceDetail() {
        return "no message for " + TimeUnit.NANOSECONDS.toMillis(config.silenceTimeoutNanos()) + " ms";
    }

    @Override
    public String toString() {
        return "StreamClient{" + endpoints.wsBaseUrl() + " delivering=" + deliveringConnectionId + " " + stats + "}";
    }
}
