package io.ttquant.binance.userdata;

import io.netty.buffer.ByteBuf;
import io.ttquant.binance.json.BinanceError;
import io.ttquant.binance.ws.WebSocketConnection;
import java.net.URI;

/**
 * One WebSocket connection of a {@link UserDataStream} to {@code /ws/<listenKey>}: a
 * {@link WebSocketConnection} that knows its listen key and notes a handshake refused with
 * Binance's {@code -1125} (an unknown key). The stream takes every decision.
 *
 * <p>Runs on the stream's event loop only. Never puts the listen key into a log or a detail text.
 */
final class UserDataConnection extends WebSocketConnection<StreamGapReason, UserDataConnection> {
    private static final int MAX_REFUSAL_BODY = 4096;

    final String listenKey;
    /** The server refused the handshake with {@code -1125}: the key is gone. */
    boolean refusedUnknownKey;

    UserDataConnection(UserDataStream stream, int id, String listenKey, URI uri) {
        super(stream, id, uri);
        this.listenKey = listenKey;
    }

    @Override
    protected StreamGapReason reasonFor(Failure failure) {
        return switch (failure) {
            case CONNECT_FAILED, HANDSHAKE_FAILED, HANDSHAKE_REFUSED -> StreamGapReason.CONNECT_FAILED;
            case MESSAGE_TOO_LARGE, CLOSE_FRAME -> StreamGapReason.CONNECTION_LOST;
            case CHANNEL_ERROR -> isOpen() ? StreamGapReason.CONNECTION_LOST : StreamGapReason.CONNECT_FAILED;
        };
    }

    /** Notes a refusal with {@code -1125} (the key is gone) and names Binance's code and message, if any. */
    @Override
    protected String onHandshakeRefused(int status, ByteBuf body, String handshakeError) {
        byte[] bytes = new byte[Math.min(body.readableBytes(), MAX_REFUSAL_BODY)];
        body.getBytes(body.readerIndex(), bytes);
        BinanceError error = BinanceError.parse(bytes);
        refusedUnknownKey = error != null && error.code() == ListenKeyResult.UNKNOWN_LISTEN_KEY;
        return error == null ? "" : " code " + error.code() + " " + error.msg();
    }

    /** The failure's type and message, the message dropped if it quotes the listen key. */
    @Override
    protected String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.contains(listenKey) ? "" : ": " + m);
    }

    @Override
    public String toString() {
        return "user data connection " + id();
    }
}
