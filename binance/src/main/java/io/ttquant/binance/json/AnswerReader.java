package io.ttquant.binance.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ttquant.core.num.Fixed;
import java.io.IOException;

/**
 * The reading rules every jackson-core streaming reader of Binance's REST answers follows (the
 * market-data and the trading answers): a value must have the expected type, decimals become
 * exact fixed-point longs at a given scale straight from the parser's buffer and are never
 * negative, nothing may follow the answer; and the {@code GET /api/v3/time} answer both clients read.
 *
 * <p>One instance per answer being parsed (it reuses a view of the parser's buffer for
 * {@link #decimal}, so it is not thread-safe); the static checks hold no state. Every check throws
 * {@link IOException} on input that breaks it, never returns a guess.
 */
public final class AnswerReader {
    /** The factory every answer parser of the Binance clients comes from (thread-safe, reused). */
    public static final JsonFactory JSON = new JsonFactory();

    private final CharSlice slice = new CharSlice();

    /**
     * The decimal value {@code t} (a string or a JSON number) at {@code scale}; refuses a value
     * finer than the scale ({@link NumberFormatException}) and a negative one.
     */
    public long decimal(JsonParser p, JsonToken t, int scale) throws IOException {
        if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new JsonParseException(p, "expected a decimal, got " + t);
        }
        slice.set(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        return nonNegative(Fixed.parse(slice, 0, slice.length(), scale, false), slice);
    }

    /** {@code v}, parsed from {@code text}, unless it is negative: prices, quantities and amounts never are. */
    public static long nonNegative(long v, CharSequence text) throws IOException {
        if (v < 0) {
            throw new IOException("negative amount: " + text);
        }
        return v;
    }

    /** The integer value {@code t}. */
    public static long longValue(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new JsonParseException(p, "expected an integer, got " + t);
        }
        return p.getLongValue();
    }

    /** The boolean value {@code t}. */
    public static boolean bool(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw new JsonParseException(p, "expected true or false, got " + t);
        }
        return t == JsonToken.VALUE_TRUE;
    }

    /** The text of {@code t}, a string or a number. */
    public static String text(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new JsonParseException(p, "expected a string, got " + t);
        }
        return p.getText();
    }

    /** Checks that the parser stands on {@code expected}. */
    public static void expect(JsonParser p, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new JsonParseException(p, "expected " + expected + ", got " + actual);
        }
    }

    /** Checks that nothing follows the answer just read. */
    public static void end(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "trailing content after the answer");
        }
    }

    /** {@code GET /api/v3/time}: {@code serverTime} in epoch milliseconds, which must be positive. */
    public static long serverTime(byte[] body) throws IOException {
        long t = -1;
        try (JsonParser p = JSON.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("serverTime")) {
                    t = longValue(p, v);
                } else {
                    p.skipChildren();
                }
            }
            end(p);
        }
        if (t <= 0) {
            throw new IOException("time answer without serverTime");
        }
        return t;
    }
}
