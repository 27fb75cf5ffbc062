package io.ttquant.binance.userdata;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.rest.RestFailure;
import io.ttquant.binance.stream.SymbolTable;
import io.ttquant.binance.ws.ConnectionHealth;
import io.ttquant.binance.ws.ReconnectPolicy;
import io.ttquant.binance.ws.WebSocketClient;
import io.ttquant.core.time.Clock;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the Binance spot user data stream of one account flowing on the caller's single-threaded
 * Netty event loop, and says when it may have missed something:
 * <ul>
 *   <li>creates a listen key ({@link ListenKeyClient}), connects {@code <ws base>/ws/<listenKey>}
 *       and keeps the key alive on schedule (every 30 minutes by default; Binance drops a key
 *       60 minutes after its creation or last keepalive);</li>
 *   <li>creates a new key and reconnects when the stream says {@code listenKeyExpired}, when a
 *       keepalive is answered {@code -1125}, when the server refuses to connect with the key, or
 *       when no keepalive succeeded within the key's validity;</li>
 *   <li>reconnects after any disconnect with exponential backoff and full jitter, never more than
 *       one attempt a second ({@link ReconnectPolicy}), reusing the key while it is valid (and
 *       confirming it with an immediate keepalive);</li>
 *   <li>answers every ping with a pong carrying the same payload, cuts a connection silent for the
 *       silence timeout and one close to Binance's 24-hour limit ({@link ConnectionHealth});</li>
 *   <li>after every reconnect calls {@link UserDataListener#onStreamGap} then
 *       {@link UserDataListener#onConnected()}, so the venue reconciles by REST;</li>
 *   <li>decodes each message ({@link UserDataDecoder}) and hands the reused event to the listener;
 *       unknown event types are counted and skipped, an unreadable message also reported as a
 *       gap.</li>
 * </ul>
 * Deadlines are judged on the injected {@link Clock}, read on a periodic tick of the event loop,
 * so a test drives keepalives, expiry and silence by moving its clock; nothing here reads the wall
 * clock.
 *
 * <p>All state lives on the event loop; the public methods may be called from any thread and hop
 * onto it (the WebSocket machinery is the market-data client's: {@link WebSocketClient},
 * {@link io.ttquant.binance.ws.WebSocketConnection}). It never blocks the loop and never throws
 * to Netty. {@link #closeAsync()} deletes the
 * key. The API key lives in the {@link ListenKeyClient}; listen keys never go into a log whole.
 */
public final class UserDataStream extends WebSocketClient<UserDataConnection> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(UserDataStream.class.getName());

    private final UserDataStreamConfig config;
    private final ListenKeyClient keys;
    private final UserDataListener listener;
    private final BinanceEndpoints endpoints;
    private final UserDataStats stats = new UserDataStats();
    private final UserDataDecoder decoder;

    /** The key in use, null while none is held. */
    private String listenKey;
    /** Moves on whenever the key changes or is dropped, so answers about an old key are recognised. */
    private int keyGeneration;
    private long keyValidUntilNanos;
    private long nextKeepaliveNanos;
    /** Connection attempts made with the current key; from the second on the key is confirmed at once. */
    private int attemptsOnKey;
    private boolean keyRequestInFlight;
    private int keepaliveInFlightGeneration = -1;
    private UserDataConnection connection;
    private long nextAttemptNanos;
    private boolean everConnected;
    private StreamGapReason pendingGap;
    private long pendingGapSinceNanos;
    private CompletableFuture<ListenKeyResult> closeResult;
    private byte[] scratch = new byte[8192];
    private boolean listenerErrorLogged;
    private volatile String currentKey;
    private volatile boolean connected;
    private volatile long keepaliveDueNanos = Long.MAX_VALUE;

    /**
     * A stream configured by {@code config}, using {@code keys} for the listen-key calls, resolving
     * symbols through {@code symbols}, running on {@code eventLoop} (a single-threaded NIO loop) and
     * calling {@code listener} there. Nothing happens before {@link #start()}.
     */
    public UserDataStream(UserDataStreamConfig config, ListenKeyClient keys, SymbolTable symbols, EventLoop eventLoop,
                          UserDataListener listener) {
        super(config, eventLoop);
        if (keys == null || symbols == null || listener == null) {
            throw new IllegalArgumentException("config, keys, symbols, eventLoop and listener are required");
        }
        this.config = config;
        this.keys = keys;
        this.listener = listener;
        this.endpoints = config.endpoints();
        this.decoder = new UserDataDecoder(symbols, stats);
    }

    /** {@link #start()}: creates the first key, then connects. */
    @Override
    protected void onStart(long now) {
        advance(now);
    }

    /**
     * Closes the connection (no reconnect follows) and deletes the listen key. The future completes
     * with the {@code DELETE}'s answer (success at once when no key was held). Calling it again
     * returns the first close's answer.
     */
    public CompletableFuture<ListenKeyResult> closeAsync() {
        CompletableFuture<ListenKeyResult> out = new CompletableFuture<>();
        try {
            onLoop(() -> closeOnLoop(out));
        } catch (RejectedExecutionException e) {
            out.complete(ListenKeyResult.failed(new RestFailure(RestFailure.Kind.TRANSPORT, 0, RestFailure.NO_CODE,
                    "event loop already shut down; listen key not deleted", 0), now()));
        }
        return out;
    }

    /** {@link #closeAsync()} without waiting for the key's deletion. */
    @Override
    public void close() {
        closeAsync();
    }

    public UserDataStats stats() {
        return stats;
    }

    /** True while a connection is open and delivering. Any thread. */
    public boolean isConnected() {
        return connected;
    }

    /** The listen key in use, null while none is held. Any thread. It grants read access to the account's events: never log it. */
    public String listenKey() {
        return currentKey;
    }

    /** Clock time the next keepalive is due, {@code Long.MAX_VALUE} while no key is held. Any thread. */
    public long keepaliveDueNanos() {
        return keepaliveDueNanos;
    }

    // ---- the duty cycle ----------------------------------------------------------------------

    @Override
    protected void tick(long now) {
        advance(now);
    }

    /** Takes every decision that is due at {@code now}. */
    private void advance(long now) {
        if (!isStarted() || isClosed()) {
            return;
        }
        checkHealth(now);
        if (listenKey != null && now >= keyValidUntilNanos) {
            LOG.log(System.Logger.Level.WARNING, "no keepalive succeeded within the listen key's validity; replacing the key");
            dropKey(StreamGapReason.LISTEN_KEY_LAPSED);
        }
        if (listenKey == null) {
            if (!keyRequestInFlight && connection == null && now >= nextAttemptNanos) {
                requestKey();
            }
            return;
        }
        if (connection == null && now >= nextAttemptNanos && policy().mayAttempt(now)) {
            open(now);
        }
        if (keepaliveInFlightGeneration != keyGeneration && now >= nextKeepaliveNanos) {
            sendKeepalive();
        }
    }

    private void checkHealth(long now) {
        UserDataConnection c = connection;
        if (c == null) {
            return;
        }
        if (c.isClosing()) {
            // A close handshake that never completes (a dead peer) must not hold the stream forever.
            if (now - c.closingSinceNanos() >= config.handshakeTimeoutNanos() && c.channel() != null) {
                c.channel().close();
            }
            return;
        }
        switch (c.health().check(now)) {
            case HANDSHAKE_TIMEOUT -> c.end(StreamGapReason.CONNECT_FAILED, "handshake timeout", false);
            case SILENCE -> c.end(StreamGapReason.SILENCE,
                    "no frame for " + TimeUnit.NANOSECONDS.toMillis(config.silenceTimeoutNanos()) + " ms", false);
            case MAX_AGE -> c.end(StreamGapReason.MAX_AGE, "connection reached its maximum age", true);
            default -> {
            }
        }
    }

    // ---- listen keys -------------------------------------------------------------------------

    private void requestKey() {
        keyRequestInFlight = true;
        keys.create().whenComplete((r, err) -> onLoop(() -> onKeyCreated(orFailure(r, err))));
    }

    private void onKeyCreated(ListenKeyResult r) {
        keyRequestInFlight = false;
        if (isClosed()) {
            if (r.isOk()) {
                keys.close(r.listenKey()).whenComplete((d, err) -> {
                    if (d != null && d.isOk()) {
                        stats.keyDeleted();
                    }
                });
            }
            return;
        }
        long now = now();
        if (!r.isOk()) {
            stats.keyRequestFailed();
            nextAttemptNanos = Math.max(policy().onConnectionLost(now, -1), r.failure().retryAtNanos());
            LOG.log(System.Logger.Level.WARNING, "could not create a listen key (" + r.failure() + "); next try in "
                    + TimeUnit.NANOSECONDS.toMillis(nextAttemptNanos - now) + " ms");
            return;
        }
        stats.keyCreated();
        listenKey = r.listenKey();
        currentKey = listenKey;
        keyGeneration++;
        attemptsOnKey = 0;
        extendKey(r.sentAtNanos());
        advance(now);
    }

    /** Binance counts the validity from when it handled the request; the send time is the safe side of that. */
    private void extendKey(long sentAtNanos) {
        keyValidUntilNanos = sentAtNanos + config.listenKeyValidityNanos();
        nextKeepaliveNanos = sentAtNanos + config.keepaliveIntervalNanos();
        keepaliveDueNanos = nextKeepaliveNanos;
    }

    /** Forgets the key (a new one is created next) and ends its connection for {@code reason}. */
    private void dropKey(StreamGapReason reason) {
        listenKey = null;
        currentKey = null;
        keepaliveDueNanos = Long.MAX_VALUE;
        keyGeneration++;
        UserDataConnection c = connection;
        if (c != null && !c.isClosing()) {
            c.end(reason, "listen key given up: " + reason, true);
        }
    }

    private void sendKeepalive() {
        String key = listenKey;
        int generation = keyGeneration;
        keepaliveInFlightGeneration = generation;
        stats.keepaliveSent();
        keys.keepAlive(key).whenComplete((r, err) -> onLoop(() -> onKeepaliveAnswered(generation, orFailure(r, err))));
    }

    private void onKeepaliveAnswered(int generation, ListenKeyResult r) {
        if (keepaliveInFlightGeneration == generation) {
            keepaliveInFlightGeneration = -1;
        }
        if (r.isOk()) {
            stats.keepaliveAcknowledged();
        } else {
            stats.keepaliveFailed();
        }
        if (isClosed() || generation != keyGeneration) {
            return;
        }
        long now = now();
        if (r.isOk()) {
            extendKey(r.sentAtNanos());
        } else if (r.isUnknownKey()) {
            LOG.log(System.Logger.Level.INFO, "keepalive answered -1125: the listen key is gone; creating a new one");
            dropKey(StreamGapReason.KEEPALIVE_REJECTED);
        } else {
            nextKeepaliveNanos = Math.max(now + config.keepaliveRetryNanos(), r.failure().retryAtNanos());
            keepaliveDueNanos = nextKeepaliveNanos;
            LOG.log(System.Logger.Level.WARNING, "keepalive failed (" + r.failure() + "); trying again in "
                    + TimeUnit.NANOSECONDS.toMillis(nextKeepaliveNanos - now) + " ms");
        }
        advance(now);
    }

    private ListenKeyResult orFailure(ListenKeyResult r, Throwable err) {
        if (r != null) {
            return r;
        }
        return ListenKeyResult.failed(new RestFailure(RestFailure.Kind.TRANSPORT, 0, RestFailure.NO_CODE,
                "listen-key call failed: " + (err == null ? "no answer" : err.getClass().getSimpleName()), 0), now());
    }

    // ---- connections -------------------------------------------------------------------------

    private void open(long now) {
        stats.connectAttempt();
        attemptsOnKey++;
        URI uri = URI.create(endpoints.wsBaseUrl() + "/ws/" + listenKey);
        UserDataConnection c = new UserDataConnection(this, nextConnectionId(), listenKey, uri);
        connection = c;
        connect(c, now);
    }

    @Override
    protected void onOpened(UserDataConnection c) {
        if (c != connection || c.isClosing()) {
            return;
        }
        long now = now();
        c.health().onOpened(now);
        stats.connected();
        connected = true;
        if (attemptsOnKey > 1) {
            // A reused key may have expired on the server without a word: confirm it at once.
            nextKeepaliveNanos = Math.min(nextKeepaliveNanos, now);
            keepaliveDueNanos = nextKeepaliveNanos;
        }
        StreamGapReason gap = pendingGap;
        if (gap != null) {
            pendingGap = null;
            reportGap(gap, pendingGapSinceNanos);
        }
        everConnected = true;
        try {
            listener.onConnected();
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
        advance(now);
    }

    @Override
    protected void onText(UserDataConnection c, ByteBuf text, long now) {
        if (c != connection || c.isClosing()) {
            stats.frameDiscarded();
            return;
        }
        int len = text.readableBytes();
        byte[] bytes;
        int off;
        if (text.hasArray()) {
            bytes = text.array();
            off = text.arrayOffset() + text.readerIndex();
        } else {
            if (scratch.length < len) {
                scratch = new byte[Math.max(len, Math.min(config.maxMessageBytes(), scratch.length * 2))];
            }
            text.getBytes(text.readerIndex(), scratch, 0, len);
            bytes = scratch;
            off = 0;
        }
        UserDataOutcome outcome = decoder.decode(bytes, off, len, now);
        if (outcome == UserDataOutcome.LISTEN_KEY_EXPIRED) {
            onListenKeyExpired(c);
        } else if (outcome == UserDataOutcome.SKIPPED) {
            if (decoder.lastSkipReason() != SkipReason.UNKNOWN_EVENT_TYPE) {
                reportGap(StreamGapReason.UNREADABLE_MESSAGE, now);
            }
        } else {
            deliver(outcome);
        }
    }

    private void deliver(UserDataOutcome outcome) {
        try {
            switch (outcome) {
                case EXECUTION_REPORT -> listener.onExecutionReport(decoder.executionReport());
                case ACCOUNT_POSITION -> listener.onAccountPosition(decoder.accountPosition());
                case BALANCE_UPDATE -> listener.onBalanceUpdate(decoder.balanceUpdate());
                default -> throw new IllegalStateException("not an event for the listener: " + outcome);
            }
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
    }

    private void onListenKeyExpired(UserDataConnection c) {
        Utf8Text named = decoder.expiredListenKey();
        if ((!named.isNull() && !named.contentEquals(c.listenKey)) || !c.listenKey.equals(listenKey)) {
            stats.staleExpiryEvent();
            return;
        }
        LOG.log(System.Logger.Level.INFO, "listen key expired; creating a new one");
        dropKey(StreamGapReason.LISTEN_KEY_EXPIRED);
    }

    /** Answers every ping at once with a pong carrying the same payload (the stream sends nothing else). */
    @Override
    protected void onPing(UserDataConnection c, long now) {
        if (!c.isClosing()) {
            c.channel().writeAndFlush(new PongWebSocketFrame(c.pollPong()), c.channel().voidPromise());
            stats.pingAnswered();
        }
    }

    @Override
    protected void onEnded(UserDataConnection c) {
        if (c != connection) {
            return;
        }
        connection = null;
        connected = false;
        if (isClosed()) {
            return;
        }
        long now = now();
        StreamGapReason reason = c.endReason() != null ? c.endReason()
                : c.isOpen() ? StreamGapReason.CONNECTION_LOST : StreamGapReason.CONNECT_FAILED;
        if (c.refusedUnknownKey) {
            reason = StreamGapReason.LISTEN_KEY_UNKNOWN;
            if (c.listenKey.equals(listenKey)) {
                dropKey(reason);
            }
        }
        stats.reconnect(reason);
        if (c.isOpen() && everConnected && pendingGap == null) {
            pendingGap = reason;
            pendingGapSinceNanos = c.health().lastMessageNanos();
        }
        nextAttemptNanos = policy().onConnectionLost(now, c.health().openedNanos());
        LOG.log(System.Logger.Level.INFO, c + " ended (" + reason + ": " + (c.endDetail() == null ? "connection closed" : c.endDetail())
                + "); next attempt in "
                + TimeUnit.NANOSECONDS.toMillis(nextAttemptNanos - now) + " ms");
        advance(now);
    }

    private void reportGap(StreamGapReason reason, long sinceNanos) {
        stats.gapReported(reason);
        try {
            listener.onStreamGap(reason, sinceNanos);
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
    }

    private void listenerFailed(RuntimeException e) {
        stats.listenerError();
        if (!listenerErrorLogged) {
            listenerErrorLogged = true;
            LOG.log(System.Logger.Level.ERROR, "user data listener threw; later errors are only counted", e);
        }
    }

    private void closeOnLoop(CompletableFuture<ListenKeyResult> out) {
        if (closeResult != null) {
            closeResult.whenComplete((r, err) -> out.complete(r));
            return;
        }
        closeResult = out;
        markClosed();
        connected = false;
        UserDataConnection c = connection;
        if (c != null) {
            c.end(null, "closed by its owner", true);
        }
        String key = listenKey;
        listenKey = null;
        currentKey = null;
        keepaliveDueNanos = Long.MAX_VALUE;
        keyGeneration++;
        if (key == null) {
            out.complete(ListenKeyResult.ok(null, now()));
            return;
        }
        keys.close(key).whenComplete((r, err) -> {
            ListenKeyResult result = orFailure(r, err);
            if (result.isOk()) {
                stats.keyDeleted();
            }
            out.complete(result);
        });
    }

    @Override
    public String toString() {
        return "UserDataStream{" + endpoints.wsBaseUrl() + " key=" + ListenKeyResult.masked(currentKey)
                + " connected=" + connected + " " + stats + "}";
    }
}
