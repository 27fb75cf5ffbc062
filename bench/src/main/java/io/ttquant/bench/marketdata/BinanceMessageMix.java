package io.ttquant.bench.marketdata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A ring of Binance combined-stream messages in the mix of a real BTCUSDT capture (about 68 %
 * bookTicker, 24 % trades, 8 % depth diffs of 5 to 25 levels a side around the touch), generated
 * once from a seed. Messages can be replayed forever: before each one is handed out its sequence
 * numbers (book update ids, aggregate trade ids) are rewritten in place to continue the previous
 * ones, so a consumer sees an endless, correctly sequenced stream without any allocation.
 *
 * <p>Numbers are written as fixed-width 12-digit texts so rewriting never moves bytes. Not
 * thread-safe; one consumer.
 */
public final class BinanceMessageMix {
    /** What a message in the ring is. */
    public enum Kind { BOOK_TICKER, TRADE, DEPTH }

    private static final long BASE = 100_000_000_000L;
    private static final int DIGITS = 12;

    private final byte[][] messages;
    private final Kind[] kinds;
    private final int[] firstIdOffset;
    private final int[] secondIdOffset;
    private final String symbol;
    private int next;
    private long updateId;
    private long lastDepthUpdateId;
    private long tradeId;

    public BinanceMessageMix(String symbol, int size, long seed) {
        this.symbol = symbol;
        this.messages = new byte[size][];
        this.kinds = new Kind[size];
        this.firstIdOffset = new int[size];
        this.secondIdOffset = new int[size];
        Random r = new Random(seed);
        String s = symbol.toLowerCase(java.util.Locale.ROOT);
        long mid = 6_000_000; // 60000.00 in cents
        for (int i = 0; i < size; i++) {
            double p = r.nextDouble();
            mid += r.nextInt(3) - 1;
            StringBuilder m = new StringBuilder(512);
            if (p < 0.68) {
                kinds[i] = Kind.BOOK_TICKER;
                m.append("{\"stream\":\"").append(s).append("@bookTicker\",\"data\":{\"u\":");
                firstIdOffset[i] = m.length();
                m.append(BASE).append(",\"s\":\"").append(symbol).append("\",\"b\":\"").append(price(mid))
                        .append("\",\"B\":\"").append(qty(r)).append("\",\"a\":\"").append(price(mid + 1))
                        .append("\",\"A\":\"").append(qty(r)).append("\"}}");
                secondIdOffset[i] = -1;
            } else if (p < 0.92) {
                kinds[i] = Kind.TRADE;
                m.append("{\"stream\":\"").append(s).append("@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1723161255342,\"s\":\"")
                        .append(symbol).append("\",\"a\":");
                firstIdOffset[i] = m.length();
                m.append(BASE).append(",\"p\":\"").append(price(mid + r.nextInt(2))).append("\",\"q\":\"").append(qty(r))
                        .append("\",\"f\":3735683259,\"l\":3735683261,\"T\":1723161255342,\"m\":").append(r.nextBoolean())
                        .append(",\"M\":true}}");
                secondIdOffset[i] = -1;
            } else {
                kinds[i] = Kind.DEPTH;
                m.append("{\"stream\":\"").append(s).append("@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1723161255342,\"s\":\"")
                        .append(symbol).append("\",\"U\":");
                firstIdOffset[i] = m.length();
                m.append(BASE).append(",\"u\":");
                secondIdOffset[i] = m.length();
                m.append(BASE).append(",\"b\":[");
                levels(m, r, mid, -1);
                m.append("],\"a\":[");
                levels(m, r, mid + 1, 1);
                m.append("]}}");
            }
            messages[i] = m.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The initial book, as a REST depth snapshot of 200 levels a side, ending just before the first message. */
    public String snapshotJson() {
        StringBuilder m = new StringBuilder(16_384);
        m.append("{\"lastUpdateId\":").append(updateId).append(",\"bids\":[");
        for (int i = 0; i < 200; i++) {
            m.append(i == 0 ? "" : ",").append("[\"").append(price(6_000_000 - i)).append("\",\"1.00000000\"]");
        }
        m.append("],\"asks\":[");
        for (int i = 0; i < 200; i++) {
            m.append(i == 0 ? "" : ",").append("[\"").append(price(6_000_001 + i)).append("\",\"1.00000000\"]");
        }
        return m.append("]}").toString();
    }

    /** Starts the sequence numbers at {@code firstUpdateId}. */
    public void startAt(long firstUpdateId) {
        updateId = firstUpdateId - 1;
        lastDepthUpdateId = firstUpdateId - 1;
        tradeId = BASE;
    }

    /** The next message of the ring with its sequence numbers rewritten; valid until the next call. */
    public byte[] next() {
        int i = next;
        next = next + 1 == messages.length ? 0 : next + 1;
        byte[] m = messages[i];
        switch (kinds[i]) {
            case BOOK_TICKER -> write(m, firstIdOffset[i], ++updateId);
            case TRADE -> write(m, firstIdOffset[i], ++tradeId);
            default -> {
                long first = lastDepthUpdateId + 1;
                updateId = Math.max(updateId + 1, first);
                write(m, firstIdOffset[i], first);
                write(m, secondIdOffset[i], updateId);
                lastDepthUpdateId = updateId;
            }
        }
        return m;
    }

    public int size() {
        return messages.length;
    }

    public String symbol() {
        return symbol;
    }

    /** Messages of each kind in the ring, for the report. */
    public List<String> describe() {
        int[] n = new int[Kind.values().length];
        long bytes = 0;
        for (int i = 0; i < kinds.length; i++) {
            n[kinds[i].ordinal()]++;
            bytes += messages[i].length;
        }
        List<String> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            out.add(k + " " + n[k.ordinal()]);
        }
        out.add("average " + bytes / kinds.length + " B");
        return out;
    }

    private static void write(byte[] m, int at, long value) {
        if (value < BASE || value >= BASE * 10) {
            throw new IllegalStateException("sequence number out of the fixed-width range: " + value);
        }
        long v = value;
        for (int k = at + DIGITS - 1; k >= at; k--) {
            m[k] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
    }

    private static void levels(StringBuilder m, Random r, long from, int direction) {
        int n = 5 + r.nextInt(21);
        for (int k = 0; k < n; k++) {
            long price = from + direction * r.nextInt(150);
            m.append(k == 0 ? "" : ",").append("[\"").append(price(price)).append("\",\"")
                    .append(r.nextInt(5) == 0 ? "0.00000000" : qty(r)).append("\"]");
        }
    }

    private static String price(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100) + "000000";
    }

    private static String qty(Random r) {
        int units = 1 + r.nextInt(300_000);
        return units / 100_000 + "." + String.format("%05d", units % 100_000) + "000";
    }
}
