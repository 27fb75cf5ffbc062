package io.ttquant.binance.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds stream messages from Binance's real field layouts (spot and USD-M bookTicker, trade with
 * and without the legacy order ids, aggTrade, depthUpdate) and changes them the ways that decide
 * between the fast and the generic path: fields reordered, repeated, dropped or added, values too
 * precise, too large, signed, with exponents, escaped or of the wrong type, symbols and stream names
 * that disagree, whitespace between tokens, bytes after the message. Every change keeps or breaks
 * the JSON as it happens; the caller's oracle is the generic path.
 */
final class ShapeMutations {
    /** A message as its stream name (null for a raw message) and its data fields in order. */
    static final class Shape {
        String stream;
        final List<String[]> fields = new ArrayList<>();

        Shape(String stream, String... keyValues) {
            this.stream = stream;
            for (int i = 0; i < keyValues.length; i += 2) {
                fields.add(new String[] {keyValues[i], keyValues[i + 1]});
            }
        }

        Shape copy() {
            Shape c = new Shape(stream);
            for (String[] f : fields) {
                c.fields.add(f.clone());
            }
            return c;
        }

        /** The data object alone, as a raw message. */
        Shape copyWithoutStream() {
            Shape c = copy();
            c.stream = null;
            return c;
        }

        String render() {
            StringBuilder data = new StringBuilder("{");
            for (int i = 0; i < fields.size(); i++) {
                data.append(i == 0 ? "" : ",").append('"').append(fields.get(i)[0]).append("\":").append(fields.get(i)[1]);
            }
            data.append('}');
            return stream == null ? data.toString() : "{\"stream\":" + stream + ",\"data\":" + data + "}";
        }
    }

    private static final String LEVELS_B = "[[\"61837.63000000\",\"3.78826000\"],[\"61820.99000000\",\"0.00000000\"],"
            + "[\"61771.97000000\",\"0.00100000\"]]";
    private static final String LEVELS_A = "[[\"61837.64000000\",\"1.60520000\"],[\"61838.04000000\",\"0.00000000\"]]";

    static List<Shape> seeds() {
        List<Shape> s = new ArrayList<>();
        s.add(new Shape("\"btcusdt@bookTicker\"", "u", "50093239212", "s", "\"BTCUSDT\"", "b", "\"61837.63000000\"",
                "B", "\"3.78826000\"", "a", "\"61837.64000000\"", "A", "\"1.54698000\""));
        s.add(new Shape("\"btcusdt@bookTicker\"", "e", "\"bookTicker\"", "u", "5123107839020", "s", "\"BTCUSDT\"",
                "b", "\"61800.20\"", "B", "\"2.507\"", "a", "\"61800.30\"", "A", "\"2.510\"", "T", "1723161256313",
                "E", "1723161256313"));
        s.add(new Shape("\"btcusdt@trade\"", "e", "\"trade\"", "E", "1723161255343", "s", "\"BTCUSDT\"", "t", "3735683259",
                "p", "\"61837.63000000\"", "q", "\"0.02000000\"", "T", "1723161255342", "m", "true", "M", "true"));
        s.add(new Shape("\"btcusdt@trade\"", "e", "\"trade\"", "E", "1680652800000", "s", "\"BTCUSDT\"", "t", "3071245454",
                "p", "\"28165.47000000\"", "q", "\"0.00056000\"", "b", "20720542158", "a", "20720542592",
                "T", "1680652799999", "m", "true", "M", "true"));
        s.add(new Shape("\"btcusdt@trade\"", "e", "\"trade\"", "E", "1723161256322", "T", "1723161256322", "s", "\"BTCUSDT\"",
                "t", "5266583935", "p", "\"61800.30\"", "q", "\"0.006\"", "X", "\"MARKET\"", "m", "false"));
        s.add(new Shape("\"btcusdt@aggTrade\"", "e", "\"aggTrade\"", "E", "1617566591315", "s", "\"BTCUSDT\"", "a", "665076760",
                "p", "\"58001.03000000\"", "q", "\"0.08620500\"", "f", "745522877", "l", "745522877", "T", "1617566591314",
                "m", "true", "M", "true"));
        s.add(new Shape("\"btcusdt@depth@100ms\"", "e", "\"depthUpdate\"", "E", "1723161255208", "s", "\"BTCUSDT\"",
                "U", "50093239189", "u", "50093239202", "b", LEVELS_B, "a", LEVELS_A));
        s.add(new Shape("\"btcusdt@depth@0ms\"", "e", "\"depthUpdate\"", "E", "1723161256299", "T", "1723161256298",
                "s", "\"BTCUSDT\"", "U", "5123107832006", "u", "5123107837557", "pu", "5123107831937",
                "b", "[[\"58710.20\",\"0.014\"],[\"61510.90\",\"0.000\"]]", "a", "[]"));
        return s;
    }

    private static final String[] EXTRA_KEYS = {"M", "X", "x", "Z", "pu", "nq", "lastUpdateId", "bids", "asks", "k", "result",
        "id", "stream", "data", "e", "E", "T", "t", "u", "b", "0", "\\u0062", "é", "", "code", "msg", "event"};
    private static final String[] EXTRA_VALUES = {"1", "0", "true", "false", "null", "\"x\"", "\"\"", "[1,2]", "[]",
        "{\"a\":1}", "{}", "-1", "1.5", "1e3", "\"\\u0041\"", "01", "12345678901234567890", "\"é\""};
    private static final String[] DECIMAL_VALUES = {"\"0\"", "\"0.0\"", "\"0.00000000\"", "\"1\"", "\"1.\"", "\".5\"", "\"01.5\"",
        "\"-1.5\"", "\"-0.00\"", "\"1.5e2\"", "\"1E-2\"", "\"+1\"", "1.5", "15", "\"\"", "\" 1.5\"", "\"1.5 \"",
        "\"\\u0031.5\"", "\"12345678901.12345678\"", "\"1234567890123456789\"", "\"99999999999999999999.5\"",
        "\"0.000000001\"", "\"0.000000010\"", "\"0.123456789000\"", "\"1.10000000000000000000\"", "\"61837.63000001\"",
        "\"61837.630000000000\"", "\"1234567.12\"", "\"12345678.12\"", "\"123456789.123\"", "null", "true", "[]", "{}",
        "\"1.5\"", "\"7\"", "\"0.1\"", "\"999999999.99999999\""};
    private static final String[] ID_VALUES = {"0", "1", "-1", "-0", "01", "1.0", "1e3", "1E3", "\"123\"", "123456789012345678",
        "1234567890123456789", "9223372036854775807", "9223372036854775808", "99999999999999999999", "9223372036854",
        "9223372036855", "1723161255342.5", "null", "true", "\"\"", "[]", "{}", "12 3", "0.0"};
    private static final String[] BOOL_VALUES = {"true", "false", "1", "0", "\"true\"", "null", "True", "tru", "falsee", "[]"};
    private static final String[] SYMBOL_VALUES = {"\"BTCUSDT\"", "\"btcusdt\"", "\"BtcUsdt\"", "\"ETHUSDT\"", "\"XYZUSDT\"",
        "\"BTC\\u0055SDT\"", "\"\"", "1", "null", "\"BTCUSDT \"", "\"BTCUSD\"", "\"BTCUSDTX\""};
    private static final String[] STREAM_VALUES = {"\"btcusdt@bookTicker\"", "\"BTCUSDT@bookTicker\"", "\"ethusdt@trade\"",
        "\"xyzusdt@trade\"", "\"!bookTicker\"", "\"!ticker@arr\"", "\"btcusdt@depth5\"", "\"btcusdt@depth20@100ms\"",
        "\"btcusdt@depth@100ms\"", "\"btcusdt@depth\"", "\"btcusdt\"", "\"\"", "\"@trade\"", "\"btc\\u0075sdt@trade\"", "1",
        "null", "\"btcusdt@aggTrade\"", "\"btcusdt@kline_1m\""};
    private static final String[] TYPE_VALUES = {"\"trade\"", "\"aggTrade\"", "\"bookTicker\"", "\"depthUpdate\"", "\"kline\"",
        "\"Trade\"", "\"tr\\u0061de\"", "\"24hrTicker\"", "\"\"", "1", "null", "\"serverShutdown\""};
    private static final String[] LEVEL_VALUES = {"[]", "[[\"1.5\",\"2\"]]", "[[\"1.5\",\"2\",[]]]", "[[\"1.5\",\"2\",\"x\"]]",
        "[[\"1.5\"]]", "[[]]", "[[1.5,2]]", "[[\"1.5\",\"-2\"]]", "[[\"1.5\",\"2\"],]", "[[\"1.5\",\"2\"][\"3\",\"4\"]]",
        "{}", "null", "\"x\"", "[[\"1.555\",\"2\"]]", "[[\"1.5\",\"0.000000001\"]]", "[[\"1.5\",\"2\"],[\"3.25\",\"4.125\"]]",
        "[{\"p\":\"1\"}]", "[[\"1.5\",\"2\"]]]"};
    private static final String[] TRAILERS = {" ", "\n", "x", "}", ",", "{}", "\u0000"};
    private static final char[] WHITESPACE = {' ', '\n', '\t', '\r'};

    private ShapeMutations() {
    }

    /** One to three shape changes to a copy of {@code seed}, rendered; sometimes damaged byte-wise as well. */
    static byte[] mutate(Shape seed, Random r) {
        Shape s = seed.copy();
        int changes = 1 + r.nextInt(3);
        String trailer = "";
        int whitespace = 0;
        for (int i = 0; i < changes; i++) {
            List<String[]> f = s.fields;
            int at = r.nextInt(f.size());
            switch (r.nextInt(13)) {
                case 0 -> {
                    int other = r.nextInt(f.size());
                    String[] x = f.get(at);
                    f.set(at, f.get(other));
                    f.set(other, x);
                }
                case 1 -> {
                    String[] moved = f.remove(at);
                    f.add(r.nextBoolean() ? 0 : f.size(), moved);
                }
                case 2 -> f.add(r.nextInt(f.size() + 1), r.nextBoolean() ? f.get(at).clone()
                        : new String[] {f.get(at)[0], valueLike(f.get(at), r)});
                case 3 -> {
                    if (f.size() > 1) {
                        f.remove(at);
                    }
                }
                case 4 -> f.add(r.nextInt(f.size() + 1), new String[] {pick(EXTRA_KEYS, r), pick(EXTRA_VALUES, r)});
                case 5, 6, 7 -> f.get(at)[1] = valueLike(f.get(at), r);
                case 8 -> s.stream = r.nextInt(4) == 0 ? null : pick(STREAM_VALUES, r);
                case 9 -> whitespace++;
                case 10 -> trailer = pick(TRAILERS, r);
                case 11 -> {
                    // Stream and data in the other order, or an extra envelope field.
                    String data = s.copyWithoutStream().render();
                    String stream = s.stream == null ? "\"btcusdt@trade\"" : s.stream;
                    String text = r.nextBoolean() ? "{\"data\":" + data + ",\"stream\":" + stream + "}"
                            : "{\"stream\":" + stream + ",\"data\":" + data + ",\"id\":1}";
                    return finish(text, whitespace, trailer, r);
                }
                default -> f.get(at)[1] = valueLike(f.get(at), r);
            }
        }
        return finish(s.render(), whitespace, trailer, r);
    }

    private static byte[] finish(String text, int whitespace, String trailer, Random r) {
        StringBuilder b = new StringBuilder(text);
        for (int w = 0; w < whitespace; w++) {
            // Between tokens: after a structural character, where JSON allows it.
            for (int tries = 0; tries < 20; tries++) {
                int i = r.nextInt(b.length());
                char c = b.charAt(i);
                if (c == '{' || c == '[' || c == ',' || c == ':') {
                    b.insert(i + 1, WHITESPACE[r.nextInt(WHITESPACE.length)]);
                    break;
                }
            }
        }
        b.append(trailer);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A replacement value of the kind the field holds, often one the fast path must not accept. */
    private static String valueLike(String[] field, Random r) {
        String key = field[0];
        String value = field[1];
        if (value.startsWith("[")) {
            return pick(LEVEL_VALUES, r);
        }
        if (key.equals("s")) {
            return pick(SYMBOL_VALUES, r);
        }
        if (key.equals("e")) {
            return pick(TYPE_VALUES, r);
        }
        if (value.equals("true") || value.equals("false")) {
            return pick(BOOL_VALUES, r);
        }
        if (value.startsWith("\"")) {
            return r.nextInt(3) == 0 ? tweakDecimal(value, r) : pick(DECIMAL_VALUES, r);
        }
        return pick(ID_VALUES, r);
    }

    /** The same decimal with digits added at its end or front: still exact, too precise or too large. */
    private static String tweakDecimal(String quoted, Random r) {
        String digits = quoted.substring(1, quoted.length() - 1);
        switch (r.nextInt(4)) {
            case 0:
                return "\"" + digits + "0000000000".substring(r.nextInt(10)) + "\"";
            case 1:
                return "\"" + digits + (1 + r.nextInt(9)) + "\"";
            case 2:
                return "\"" + (1 + r.nextInt(9)) + "000000000".substring(r.nextInt(9)) + digits + "\"";
            default:
                return "\"" + digits.replace(".", "") + "\"";
        }
    }

    private static String pick(String[] values, Random r) {
        return values[r.nextInt(values.length)];
    }
}
