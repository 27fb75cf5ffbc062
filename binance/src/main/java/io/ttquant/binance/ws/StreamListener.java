package io.ttquant.binance.ws;

import io.netty.buffer.ByteBuf;

/**
 * What a {@link StreamClient} tells its owner, always on the client's event loop thread, one call
 * at a time.
 *
 * <p>Contract of {@link #onText}: {@code frameText} holds one complete WebSocket text message,
 * UTF-8 bytes from its {@code readerIndex()} to its {@code writerIndex()} (a single final frame's
 * payload as Netty read it, or the reassembled payload of a fragmented message). It is valid only
 * during the call: the listener may read it and move its reader index, but must not release or
 * retain it, write to it, or keep a reference (copy what must outlive the call). No copy into a
 * {@code String} is made by the client.
 *
 * <p>Messages come from the delivering connection only: during a make-before-break hand-over,
 * the replacement's first data message triggers {@link #onSwitched} and is delivered right after
 * it; later messages of the old connection are discarded. Messages either side of the hand-over
 * can overlap (the same update twice): remove duplicates downstream by sequence id. After
 * {@link #onDisconnected} of the delivering connection without an {@link #onSwitched} away from
 * it first, messages may have been lost: resynchronise.
 *
 * <p>Implementations must never block and should not throw (an exception is caught, counted in
 * {@link StreamClientStats#listenerErrors()} and logged once; the connection carries on).
 */
public interface StreamListener {
    /** One complete text message and the local receive time ({@link io.ttquant.core.time.Clock} nanoseconds). */
    void onText(ByteBuf frameText, long receiveTimeNanos);

    /**
     * Connection {@code connectionId} completed its WebSocket handshake; its messages follow. For a
     * make-before-break replacement this comes while the old connection still delivers.
     */
    void onConnected(int connectionId);

    /** Connection {@code connectionId}, which had completed its handshake, is closed. */
    void onDisconnected(int connectionId, DisconnectReason reason, String detail);

    /** Delivery moved from {@code fromConnectionId} to its replacement {@code toConnectionId} (make-before-break). */
    default void onSwitched(int fromConnectionId, int toConnectionId) {
    }
}
