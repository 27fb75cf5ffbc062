package io.ttquant.sim.server;

import java.util.Locale;

/**
 * A parsed WebSocket stream name: {@code <symbol>@trade}, {@code @aggTrade}, {@code @bookTicker},
 * {@code @depth} / {@code @depth@100ms} (diffs), {@code @depth5|10|20[@100ms]} (partial books),
 * {@code @kline_<interval>}, or a bare listen key (a user data stream). The symbol part is
 * matched case-insensitively and kept in its canonical lower-case form in {@link #name()}.
 *
 * <p>Immutable. {@link #parse(String)} returns null for anything else and never throws.
 */
record StreamName(String name, Kind kind, String symbol, int levels, int speedMillis, String interval) {
    /** What a stream carries. */
    enum Kind { TRADE, AGG_TRADE, BOOK_TICKER, DEPTH_DIFF, PARTIAL_DEPTH, KLINE, USER_DATA }

    static final String[] KLINE_INTERVALS = {"1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"};

    /** The parsed stream, or null when {@code raw} is not a stream this server knows. */
    static StreamName parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 100) {
            return null;
        }
        int at = raw.indexOf('@');
        if (at < 0) {
            return isListenKey(raw) ? new StreamName(raw, Kind.USER_DATA, null, 0, 0, null) : null;
        }
        String symbolLower = raw.substring(0, at);
        if (!isSymbol(symbolLower)) {
            return null;
        }
        symbolLower = symbolLower.toLowerCase(Locale.ROOT);
        String symbol = symbolLower.toUpperCase(Locale.ROOT);
        String rest = raw.substring(at + 1);
        String name = symbolLower + "@" + rest;
        switch (rest) {
            case "trade":
                return new StreamName(name, Kind.TRADE, symbol, 0, 0, null);
            case "aggTrade":
                return new StreamName(name, Kind.AGG_TRADE, symbol, 0, 0, null);
            case "bookTicker":
                return new StreamName(name, Kind.BOOK_TICKER, symbol, 0, 0, null);
            case "depth":
                return new StreamName(name, Kind.DEPTH_DIFF, symbol, 0, 1000, null);
            case "depth@100ms":
                return new StreamName(name, Kind.DEPTH_DIFF, symbol, 0, 100, null);
            default:
                break;
        }
        if (rest.startsWith("depth")) {
            String levelsAndSpeed = rest.substring(5);
            int speed = 1000;
            if (levelsAndSpeed.endsWith("@100ms")) {
                speed = 100;
                levelsAndSpeed = levelsAndSpeed.substring(0, levelsAndSpeed.length() - 6);
            }
            switch (levelsAndSpeed) {
                case "5":
                case "10":
                case "20":
                    return new StreamName(name, Kind.PARTIAL_DEPTH, symbol, Integer.parseInt(levelsAndSpeed), speed, null);
                default:
                    return null;
            }
        }
        if (rest.startsWith("kline_")) {
            String interval = rest.substring(6);
            for (String i : KLINE_INTERVALS) {
                if (i.equals(interval)) {
                    return new StreamName(name, Kind.KLINE, symbol, 0, 0, i);
                }
            }
        }
        return null;
    }

    /** A listen key as this server issues them: 64 letters and digits. */
    static boolean isListenKey(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** Interval length in milliseconds (months as 30 days: only used for stream cadence). */
    static long intervalMillis(String interval) {
        long unit = switch (interval.charAt(interval.length() - 1)) {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            case 'w' -> 7 * 86_400_000L;
            case 'M' -> 30 * 86_400_000L;
            default -> throw new IllegalArgumentException(interval);
        };
        return Long.parseLong(interval.substring(0, interval.length() - 1)) * unit;
    }

    private static boolean isSymbol(String s) {
        if (s.isEmpty() || s.length() > 20) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
