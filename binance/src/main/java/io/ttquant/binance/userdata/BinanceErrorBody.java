package io.ttquant.binance.userdata;

import io.ttquant.binance.json.JsonCursor;
import io.ttquant.binance.json.JsonObjectIndex;
import io.ttquant.binance.json.JsonToken;
import io.ttquant.binance.rest.RestFailure;
import java.nio.charset.StandardCharsets;

/**
 * Reads Binance's error body {@code {"code":-1125,"msg":"..."}} from an HTTP answer (a REST call
 * or a refused WebSocket handshake). Anything else reads as no code.
 *
 * <p>Stateless; used off the hot path (it allocates the message string).
 */
final class BinanceErrorBody {
    private final int code;
    private final String msg;

    private BinanceErrorBody(int code, String msg) {
        this.code = code;
        this.msg = msg;
    }

    /** The error in {@code body[off, off + len)}, or null when it is not a Binance error body. */
    static BinanceErrorBody parse(byte[] body, int off, int len) {
        if (body == null || len == 0) {
            return null;
        }
        JsonCursor cursor = new JsonCursor().reset(body, off, len);
        JsonObjectIndex index = new JsonObjectIndex("code", "msg");
        if (cursor.next() != JsonToken.START_OBJECT || !index.scan(cursor) || cursor.next() != JsonToken.END) {
            return null;
        }
        long code = index.longValue(0);
        if (code == JsonCursor.INVALID || code < Integer.MIN_VALUE || code > Integer.MAX_VALUE) {
            return null;
        }
        String msg = index.type(1) == JsonToken.STRING
                ? new String(body, index.start(1), index.end(1) - index.start(1), StandardCharsets.UTF_8) : "";
        return new BinanceErrorBody((int) code, msg);
    }

    /** Binance's code, never {@link RestFailure#NO_CODE} for a parsed body unless Binance sent 0. */
    int code() {
        return code;
    }

    String msg() {
        return msg;
    }
}
