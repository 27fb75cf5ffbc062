package io.ttquant.binance.ws;

import java.util.Collection;

/**
 * Binance stream names ({@code btcusdt@depth@100ms}, {@code btcusdt@kline_1M},
 * {@code !miniTicker@arr}) and the combined-stream connect path built from them.
 *
 * <p>Checks names against a strict character set (letters, digits, {@code @ _ ! . -}), so a name
 * can go into a URL and a JSON string unescaped; it never lower-cases or otherwise rewrites a
 * name, which Binance treats as case-sensitive.
 */
public final class StreamNames {
    private static final int MAX_NAME_LENGTH = 200;

    private StreamNames() {
    }

    /** Throws {@link IllegalArgumentException} naming the offending stream unless {@code name} is well-formed. */
    public static String check(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("stream name must be 1-" + MAX_NAME_LENGTH + " characters: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '@' || c == '_' || c == '!' || c == '.' || c == '-';
            if (!ok) {
                throw new IllegalArgumentException("stream name has a character Binance does not use ('" + c + "'): " + name);
            }
        }
        return name;
    }

    /**
     * Appends {@code /stream} and, when {@code streams} is not empty, {@code ?streams=a/b/c} to
     * {@code base}, taking streams in order while the whole stays within {@code maxLength}; the
     * streams taken are added to {@code taken}. Returns the URL text.
     */
    public static String combinedUrl(String base, Collection<String> streams, int maxLength, Collection<String> taken) {
        StringBuilder b = new StringBuilder(Math.min(maxLength, 256)).append(base).append("/stream");
        int start = b.length();
        for (String s : streams) {
            int extra = s.length() + 1 + (b.length() == start ? "?streams=".length() - 1 : 0);
            if (b.length() + extra > maxLength) {
                break;
            }
            b.append(b.length() == start ? "?streams=" : "/").append(s);
            taken.add(s);
        }
        return b.toString();
    }
}
