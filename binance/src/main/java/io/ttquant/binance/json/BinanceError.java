package io.ttquant.binance.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Binance's error body {@code {"code":-1121,"msg":"Invalid symbol."}}, as a failed REST call or a
 * refused WebSocket handshake carries it. The one reader of that body for every Binance client
 * (market data, trading, listen keys, the user data stream).
 *
 * <p>Immutable value; parsing allocates (the message string), so it is for failure paths only.
 *
 * @param code Binance's code (negative; 0 only if Binance sent 0)
 * @param msg  Binance's message, empty when the body had none
 */
public record BinanceError(int code, String msg) {

    /** The error in {@code body}, or null when the body is something else (HTML, empty, no integer {@code code}). */
    public static BinanceError parse(byte[] body) {
        return body == null ? null : parse(body, 0, body.length);
    }

    /** The error in {@code body[off, off + len)}, or null when that is not a Binance error body. */
    public static BinanceError parse(byte[] body, int off, int len) {
        if (body == null || len <= 0) {
            return null;
        }
        try (JsonParser p = AnswerReader.JSON.createParser(body, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Integer code = null;
            String msg = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("code") && v == JsonToken.VALUE_NUMBER_INT) {
                    code = p.getIntValue();
                } else if (name.equals("msg") && v == JsonToken.VALUE_STRING) {
                    msg = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            return code == null ? null : new BinanceError(code, msg == null ? "" : msg);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
