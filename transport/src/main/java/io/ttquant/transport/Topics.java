package io.ttquant.transport;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketDataKind;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * The ZeroMQ topic names of the wire contract: {@code md.<venue>.<SYMBOL>.<kind>} for market data
 * (kind: trade, quote, book, bar) and {@code exec.<strategy>} for execution events.
 *
 * <p>An instance belongs to one venue. It builds each symbol's four topics once, as strings and as
 * ASCII bytes, and gives each topic a dense id. Publishers use the id to index per-topic state
 * such as sequence numbers. After a symbol's first use, looking up its topics never allocates.
 * The static methods build and check topic text for configuration and subscriptions.
 *
 * <p>ZeroMQ matches subscriptions by byte prefix: {@code md.binance.BTC} also matches
 * {@code md.binance.BTCFDUSD.trade}. Subscribe with the {@code ...Prefix} methods, which end in
 * a dot. For {@code exec.<strategy>}, compare the received topic exactly.
 *
 * <p>An instance is not thread-safe: it belongs to its publisher's thread. It never validates
 * anything on the publishing path; venue and symbol are checked when they are first seen.
 */
public final class Topics {
    /** First segment of every market data topic. */
    public static final String MARKET_DATA = "md";
    /** First segment of every execution topic. */
    public static final String EXECUTION = "exec";

    private static final MarketDataKind[] KINDS = MarketDataKind.values();
    private static final byte[] MD_ROOT = "md.".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] KIND_SUFFIXES = new byte[KINDS.length][];

    static {
        for (MarketDataKind k : KINDS) {
            KIND_SUFFIXES[k.ordinal()] = ("." + k.topicName()).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final String venue;
    private final HashMap<String, Entry> bySymbol = new HashMap<>();
    private Entry last;

    /** Topics of {@code venue} (lower-case letters, digits, '_' or '-'). */
    public Topics(String venue) {
        checkVenue(venue);
        this.venue = venue;
    }

    public String venue() {
        return venue;
    }

    /** Number of market data kinds, i.e. topics per symbol. */
    public static int kindCount() {
        return KINDS.length;
    }

    /** The topic of this instrument and kind as ASCII bytes. Never modify the returned array. */
    public byte[] marketDataBytes(Instrument instrument, MarketDataKind kind) {
        return entry(instrument).bytes[kind.ordinal()];
    }

    /** The topic of this instrument and kind. */
    public String marketData(Instrument instrument, MarketDataKind kind) {
        return entry(instrument).names[kind.ordinal()];
    }

    /**
     * A dense id for the topic of this instrument and kind: {@code symbolId * kindCount() + kind.ordinal()},
     * where symbols are numbered 0, 1, 2... in the order this instance first saw them.
     */
    public int topicId(Instrument instrument, MarketDataKind kind) {
        return entry(instrument).id * KINDS.length + kind.ordinal();
    }

    /** Number of symbols seen so far; topic ids are below {@code symbolCount() * kindCount()}. */
    public int symbolCount() {
        return bySymbol.size();
    }

    private Entry entry(Instrument instrument) {
        String symbol = instrument.symbol();
        Entry e = last;
        if (e != null && e.symbol == symbol) {
            return e;
        }
        e = bySymbol.get(symbol);
        if (e == null) {
            e = new Entry(venue, symbol, bySymbol.size());
            bySymbol.put(symbol, e);
        }
        last = e;
        return e;
    }

    /** {@code md.<venue>.<SYMBOL>.<kind>}. */
    public static String marketData(String venue, String symbol, MarketDataKind kind) {
        return marketDataPrefix(venue, symbol) + kind.topicName();
    }

    /** {@code md.<venue>.}: every market data topic of a venue. */
    public static String marketDataPrefix(String venue) {
        checkVenue(venue);
        return MARKET_DATA + "." + venue + ".";
    }

    /** {@code md.<venue>.<SYMBOL>.}: every kind of one symbol, and no other symbol. */
    public static String marketDataPrefix(String venue, String symbol) {
        checkSymbol(symbol);
        return marketDataPrefix(venue) + symbol + ".";
    }

    /** {@code exec.<strategy>}. */
    public static String execution(String strategy) {
        checkStrategy(strategy);
        return EXECUTION + "." + strategy;
    }

    /**
     * The kind named by a market data topic {@code md.<venue>.<SYMBOL>.<kind>} held in
     * {@code topic[0, length)}, or {@code null} when the bytes are no market data topic.
     * Never allocates.
     */
    public static MarketDataKind kindOf(byte[] topic, int length) {
        if (length < MD_ROOT.length || !regionEquals(topic, 0, MD_ROOT)) {
            return null;
        }
        for (MarketDataKind k : KINDS) {
            byte[] suffix = KIND_SUFFIXES[k.ordinal()];
            if (length > MD_ROOT.length + suffix.length && regionEquals(topic, length - suffix.length, suffix)) {
                return k;
            }
        }
        return null;
    }

    /** Throws {@link IllegalArgumentException} unless {@code venue} is 1-32 of [a-z0-9_-]. */
    public static void checkVenue(String venue) {
        if (venue == null || !venue.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("venue must be 1-32 lower-case letters, digits, '_' or '-': " + venue);
        }
    }

    /** Throws {@link IllegalArgumentException} unless {@code symbol} is 1-32 of [A-Z0-9]. */
    public static void checkSymbol(String symbol) {
        if (symbol == null || !symbol.matches("[A-Z0-9]{1,32}")) {
            throw new IllegalArgumentException("symbol must be 1-32 upper-case letters or digits: " + symbol);
        }
    }

    /** Throws {@link IllegalArgumentException} unless {@code strategy} is 1-64 of [A-Za-z0-9_.:-]. */
    public static void checkStrategy(String strategy) {
        if (strategy == null || !strategy.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new IllegalArgumentException("strategy id must be 1-64 letters, digits, '_', '.', ':' or '-': " + strategy);
        }
    }

    private static boolean regionEquals(byte[] a, int from, byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (a[from + i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** One symbol's topics, by kind ordinal. */
    private static final class Entry {
        final String symbol;
        final int id;
        final String[] names = new String[KINDS.length];
        final byte[][] bytes = new byte[KINDS.length][];

        Entry(String venue, String symbol, int id) {
            this.symbol = symbol;
            this.id = id;
            for (MarketDataKind k : KINDS) {
                names[k.ordinal()] = marketData(venue, symbol, k);
                bytes[k.ordinal()] = names[k.ordinal()].getBytes(StandardCharsets.US_ASCII);
            }
        }
    }
}
