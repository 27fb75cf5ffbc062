package io.ttquant.binance.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random damage to real-shaped messages and random numbers, checked against Jackson and
 * BigDecimal: the cursor must agree on what is valid JSON, must finish every walk in at most one
 * token per byte, and must never throw.
 */
@Timeout(30)
class JsonCursorFuzzTest {
    private static final List<String> SEEDS = List.of(
            "/stream/docs-trade.json", "/stream/docs-aggTrade.json", "/stream/docs-kline.json",
            "/stream/docs-bookTicker.json", "/stream/docs-partialDepth.json", "/stream/docs-depthUpdate.json",
            "/stream/docs-subscribe-response.json", "/stream/docs-error-unknown-property.json");

    private static final String ENVELOPE = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
            + "\"E\":1723161255208,\"s\":\"BTCUSDT\",\"U\":50093239189,\"u\":50093239202,"
            + "\"b\":[[\"61737.63000000\",\"0.00000000\"],[\"61730.17000000\",\"0.00000000\"]],"
            + "\"a\":[[\"61837.64000000\",\"1.54698000\"]]},\"x\":[1e5,-0.5,true,false,null,\"\\u00e9\\n\"]}";

    private final JsonCursor cursor = new JsonCursor();

    /** Walks to END or ERROR; fails if that takes more tokens than the text has bytes (plus one). */
    private JsonToken walk(byte[] b) {
        cursor.reset(b, 0, b.length);
        for (int i = 0; i <= b.length + 1; i++) {
            JsonToken t = cursor.next();
            if (t == JsonToken.END || t == JsonToken.ERROR) {
                return t;
            }
        }
        return fail("no end after %d tokens: %s", b.length + 2, new String(b, StandardCharsets.ISO_8859_1));
    }

    @Test
    void shouldAgreeWithJacksonOnWhichDamagedMessagesAreValidJson() {
        Random random = new Random(20240808);
        byte[][] seeds = new byte[SEEDS.size() + 1][];
        for (int i = 0; i < SEEDS.size(); i++) {
            seeds[i] = Mutations.resource(SEEDS.get(i));
        }
        seeds[SEEDS.size()] = ENVELOPE.getBytes(StandardCharsets.UTF_8);
        int compared = 0;
        int valid = 0;
        for (int i = 0; i < 25_000; i++) {
            byte[] seed = seeds[random.nextInt(seeds.length)];
            byte[] b = Mutations.mutate(seed, random);
            if (random.nextInt(4) == 0) {
                b = Mutations.mutate(b.length == 0 ? seed : b, random);
            }
            JsonToken end = walk(b);
            if (isAscii(b)) {
                boolean expected = JacksonOracle.isValid(b, 0, b.length);
                if ((end == JsonToken.END) != expected) {
                    fail("cursor says %s (%s at %d), Jackson says %s for: %s", end, cursor.error(), cursor.errorOffset(),
                            expected ? "valid" : "invalid", new String(b, StandardCharsets.US_ASCII));
                }
                compared++;
                if (expected) {
                    valid++;
                }
            }
        }
        assertThat(compared).isGreaterThan(18_000);
        assertThat(valid).as("some damage leaves valid JSON, so both answers are exercised").isGreaterThan(500);
    }

    @Test
    void shouldFinishEveryWalkOverRandomBytes() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(64)];
            random.nextBytes(b);
            if (b.length > 0 && random.nextBoolean()) {
                b[0] = (byte) (random.nextBoolean() ? '{' : '[');
            }
            JsonToken end = walk(b);
            assertThat(end).isIn(JsonToken.END, JsonToken.ERROR);
            assertThat(cursor.skipValue()).isIn(true, false);
        }
    }

    @Test
    void shouldReadRandomDecimalsExactlyAsBigDecimalDoes() {
        Random random = new Random(42);
        int exact = 0;
        for (int i = 0; i < 50_000; i++) {
            String text = randomNumber(random);
            int scale = random.nextInt(19);
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            long actual = JsonCursor.parseDecimal(b, 0, b.length, scale);
            long expected = expectedRaw(new BigDecimal(text), scale);
            if (actual != expected) {
                fail("%s at scale %d: expected %d, got %d", text, scale, expected, actual);
            }
            if (expected != JsonCursor.INVALID) {
                exact++;
            }
        }
        assertThat(exact).as("both outcomes are exercised").isBetween(10_000, 45_000);
    }

    private static long expectedRaw(BigDecimal value, int scale) {
        try {
            long raw = value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            return raw == Long.MIN_VALUE ? JsonCursor.INVALID : raw;
        } catch (ArithmeticException e) {
            return JsonCursor.INVALID;
        }
    }

    /** A JSON number: sign, 1-21 integer digits (no leading zero), optional fraction, optional exponent. */
    private static String randomNumber(Random random) {
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(4) == 0) {
            sb.append('-');
        }
        if (random.nextInt(5) == 0) {
            sb.append('0');
        } else {
            int digits = 1 + random.nextInt(random.nextBoolean() ? 6 : 21);
            sb.append((char) ('1' + random.nextInt(9)));
            for (int i = 1; i < digits; i++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextBoolean()) {
            sb.append('.');
            int digits = 1 + random.nextInt(12);
            for (int i = 0; i < digits; i++) {
                // Mostly trailing zeros, as Binance pads to eight decimals.
                sb.append(random.nextInt(3) == 0 ? (char) ('0' + random.nextInt(10)) : '0');
            }
        }
        if (random.nextInt(6) == 0) {
            sb.append(random.nextBoolean() ? 'e' : 'E');
            int r = random.nextInt(3);
            if (r == 1) {
                sb.append('+');
            } else if (r == 2) {
                sb.append('-');
            }
            sb.append(random.nextInt(25));
        }
        return sb.toString();
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }
}
