package io.ttquant.binance.stream;

import io.ttquant.binance.json.CompactJsonReader;
import io.ttquant.binance.json.CompactJsonReader.Literal;
import io.ttquant.binance.json.JsonCursor;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;

import java.nio.charset.StandardCharsets;

/**
 * The {@link StreamMessageDecoder}'s fast path: decodes the messages that make up nearly all of
 * a market-data feed (bookTicker, trade, aggTrade and depthUpdate, in the combined-stream
 * envelope or raw) in one walk over the bytes, in the compact form Binance sends: each key matched
 * where it stands and each value parsed as it is passed ({@link CompactJsonReader}), depth levels
 * read straight into the {@link BookUpdate}.
 *
 * <p>It only ever answers "here is the event" or "not mine" (null). Anything it does not expect
 * (whitespace, escapes, exponents, signs, a first key other than {@code e} or {@code u}, a repeated
 * or multi-byte key, a container where a scalar belongs, a number not exact at the scale, an
 * unknown symbol, a missing field, trailing bytes) is "not mine", and the generic path then decodes
 * the same bytes and decides the outcome. So it must never return an event the generic path would
 * not deliver identically, and never decide a rejection itself. Keys the generic path does not read
 * for the event type are skipped when their value is a simple scalar, as the generic path ignores
 * them.
 *
 * <p>It writes into the decoder's pre-allocated events and never delivers them; single-threaded,
 * never allocates, never throws.
 */
final class FastPathDecoder {
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;

    private static final Literal STREAM_FIELD = new Literal("{\"stream\":");
    private static final Literal DATA_FIELD = new Literal(",\"data\":{");
    /** The USD-M depth diff's previous final update id, which the generic path ignores. */
    private static final Literal PU_FIELD = new Literal(",\"pu\":");
    private static final byte[] TRADE = ascii("trade");
    private static final byte[] AGG_TRADE = ascii("aggTrade");
    private static final byte[] BOOK_TICKER = ascii("bookTicker");
    private static final byte[] DEPTH_UPDATE = ascii("depthUpdate");
    private static final byte[] DEPTH = ascii("depth");

    private static final long E_LOWER = bit('e');
    private static final long E_UPPER = bit('E');
    private static final long T_UPPER = bit('T');
    private static final long U_LOWER = bit('u');
    private static final long U_UPPER = bit('U');
    private static final long BOOK_TICKER_FIELDS = U_LOWER | bit('b') | bit('B') | bit('a') | bit('A');
    private static final long TRADE_FIELDS = bit('p') | bit('q') | bit('m') | bit('t');
    private static final long AGG_TRADE_FIELDS = bit('p') | bit('q') | bit('m') | bit('a') | bit('f') | bit('l');
    private static final long DEPTH_FIELDS = U_UPPER | U_LOWER | bit('b') | bit('a');

    private final SymbolCache symbols;
    private final QuoteTick quote;
    private final TradeTick trade;
    private final BookUpdate book;
    private final CompactJsonReader reader = new CompactJsonReader();

    // Per-message state.
    private byte[] buf;
    private boolean envelope;
    private boolean partialDepthStream;
    private boolean streamNamedSymbol;
    private long updateId;
    private long firstTradeId;
    private long lastTradeId;
    private long eventTimeNanos;

    FastPathDecoder(SymbolTable symbols, QuoteTick quote, TradeTick trade, BookUpdate book) {
        this.symbols = new SymbolCache(symbols);
        this.quote = quote;
        this.trade = trade;
        this.book = book;
    }

    /**
     * Decodes the message into the event objects and returns its kind, or null when it is not in
     * a form this path reads (then nothing meaningful was written except possibly the book's levels).
     */
    StreamEventKind decode(byte[] buf, int off, int len, long recv, Instrument known) {
        this.buf = buf;
        CompactJsonReader r = reader.reset(buf, off, len);
        Instrument context = known;
        envelope = false;
        partialDepthStream = false;
        streamNamedSymbol = false;
        if (r.skip(STREAM_FIELD)) {
            if (!r.string()) {
                return null;
            }
            context = streamContext(r.stringStart(), r.stringEnd(), known);
            if (context == null && streamNamedSymbol || !r.skip(DATA_FIELD)) {
                return null;
            }
            envelope = true;
        } else if (!r.skip((byte) '{')) {
            return null;
        }
        int key = r.oneLetterName();
        if (key == 'u') {
            // Spot bookTicker: no event type, recognised by its fields unless the stream is a partial depth.
            return partialDepthStream ? null : bookTicker(r, 'u', context, recv);
        }
        if (key != 'e' || !r.string()) {
            return null;
        }
        int start = r.stringStart();
        switch (r.stringEnd() - start) {
            case 10:
                return JsonCursor.regionEquals(buf, start, start + 10, BOOK_TICKER) ? bookTicker(r, 0, context, recv) : null;
            case 8:
                return JsonCursor.regionEquals(buf, start, start + 8, AGG_TRADE) ? trade(r, true, context, recv) : null;
            case 5:
                return JsonCursor.regionEquals(buf, start, start + 5, TRADE) ? trade(r, false, context, recv) : null;
            case 11:
                return !partialDepthStream && JsonCursor.regionEquals(buf, start, start + 11, DEPTH_UPDATE)
                        ? depthDiff(r, context, recv) : null;
            default:
                return null;
        }
    }

    /** The bookTicker's update id {@code u}. */
    long updateId() {
        return updateId;
    }

    long firstTradeId() {
        return firstTradeId;
    }

    long lastTradeId() {
        return lastTradeId;
    }

    /** What the generic path reports as the last event time for this message. */
    long eventTimeNanos() {
        return eventTimeNanos;
    }

    /**
     * Reads {@code <symbol>@<kind>...} as the generic path does: the instrument the name points to
     * (or {@code known} when it names none), null when it names one that does not resolve.
     */
    private Instrument streamContext(int start, int end, Instrument known) {
        byte[] b = buf;
        int at = start;
        while (at < end && b[at] != '@') {
            at++;
        }
        int kind = at + 1;
        partialDepthStream = kind + DEPTH.length < end
                && JsonCursor.regionEquals(b, kind, kind + DEPTH.length, DEPTH)
                && b[kind + DEPTH.length] >= '0' && b[kind + DEPTH.length] <= '9';
        streamNamedSymbol = at > start && b[start] != '!';
        if (!streamNamedSymbol) {
            return known;
        }
        return symbols.resolve(b, start, at - start, reader.end(), known);
    }

    private StreamEventKind bookTicker(CompactJsonReader r, int firstKey, Instrument context, long recv) {
        Instrument instrument = context;
        long seen = firstKey == 0 ? E_LOWER : 0;
        long id = 0;
        long bid = 0;
        long bidQty = 0;
        long ask = 0;
        long askQty = 0;
        long eventMillis = 0;
        int key = firstKey;
        while (true) {
            if (key == 0) {
                key = r.nextOneLetterField();
                if (key <= 0) {
                    if (key == 0) {
                        break;
                    }
                    return null;
                }
            }
            long bit = bit(key);
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
            switch (key) {
                case 'u':
                    id = r.unsignedLong();
                    break;
                case 's':
                    instrument = symbol(r, instrument);
                    if (instrument == null) {
                        return null;
                    }
                    break;
                case 'b':
                    bid = instrument == null ? -1 : r.quotedDecimal(instrument.priceScale());
                    break;
                case 'B':
                    bidQty = instrument == null ? -1 : r.quotedDecimal(instrument.qtyScale());
                    break;
                case 'a':
                    ask = instrument == null ? -1 : r.quotedDecimal(instrument.priceScale());
                    break;
                case 'A':
                    askQty = instrument == null ? -1 : r.quotedDecimal(instrument.qtyScale());
                    break;
                case 'E':
                    eventMillis = millis(r);
                    break;
                case 'e':
                    // A type after the fields: the generic path dispatches on it.
                    return null;
                default:
                    if (!r.skipScalar()) {
                        return null;
                    }
            }
            if ((id | bid | bidQty | ask | askQty | eventMillis) < 0) {
                return null;
            }
            key = 0;
        }
        if ((seen & BOOK_TICKER_FIELDS) != BOOK_TICKER_FIELDS || instrument == null || !finish(r)) {
            return null;
        }
        long time = (seen & E_UPPER) != 0 ? eventMillis * 1_000_000L : recv;
        eventTimeNanos = time;
        updateId = id;
        quote.set(instrument, time, recv, bid, bidQty, ask, askQty);
        return StreamEventKind.BOOK_TICKER;
    }

    private StreamEventKind trade(CompactJsonReader r, boolean aggregate, Instrument context, long recv) {
        Instrument instrument = context;
        long seen = E_LOWER;
        long price = 0;
        long qty = 0;
        long id = 0;
        long first = 0;
        long last = 0;
        int buyerIsMaker = 0;
        long tradeMillis = 0;
        long eventMillis = 0;
        while (true) {
            int key = r.nextOneLetterField();
            if (key <= 0) {
                if (key == 0) {
                    break;
                }
                return null;
            }
            long bit = bit(key);
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
            switch (key) {
                case 's':
                    instrument = symbol(r, instrument);
                    if (instrument == null) {
                        return null;
                    }
                    break;
                case 'p':
                    price = instrument == null ? -1 : r.quotedDecimal(instrument.priceScale());
                    break;
                case 'q':
                    qty = instrument == null ? -1 : r.quotedDecimal(instrument.qtyScale());
                    break;
                case 'm':
                    buyerIsMaker = r.bool();
                    break;
                case 'T':
                    tradeMillis = millis(r);
                    break;
                case 'E':
                    eventMillis = millis(r);
                    break;
                case 't':
                    if (aggregate) {
                        if (!r.skipScalar()) {
                            return null;
                        }
                    } else {
                        id = r.unsignedLong();
                    }
                    break;
                case 'a':
                case 'f':
                case 'l':
                    if (!aggregate) {
                        if (!r.skipScalar()) {
                            return null;
                        }
                    } else if (key == 'a') {
                        id = r.unsignedLong();
                    } else if (key == 'f') {
                        first = r.unsignedLong();
                    } else {
                        last = r.unsignedLong();
                    }
                    break;
                default:
                    if (!r.skipScalar()) {
                        return null;
                    }
            }
            if ((price | qty | id | first | last | buyerIsMaker | tradeMillis | eventMillis) < 0) {
                return null;
            }
        }
        long required = aggregate ? AGG_TRADE_FIELDS : TRADE_FIELDS;
        if ((seen & required) != required || (seen & (T_UPPER | E_UPPER)) == 0 || instrument == null || !finish(r)) {
            return null;
        }
        long time = ((seen & T_UPPER) != 0 ? tradeMillis : eventMillis) * 1_000_000L;
        eventTimeNanos = (seen & E_UPPER) != 0 ? eventMillis * 1_000_000L : time;
        // "m": the buyer was the resting order, so the taker sold.
        trade.set(instrument, time, recv, price, qty, buyerIsMaker == 1 ? Side.SELL : Side.BUY, id);
        if (aggregate) {
            firstTradeId = first;
            lastTradeId = last;
            return StreamEventKind.AGG_TRADE;
        }
        return StreamEventKind.TRADE;
    }

    private StreamEventKind depthDiff(CompactJsonReader r, Instrument context, long recv) {
        Instrument instrument = context;
        long seen = E_LOWER;
        long firstId = 0;
        long lastId = 0;
        long eventMillis = 0;
        boolean started = false;
        while (true) {
            int key = r.nextOneLetterField();
            if (key <= 0) {
                if (key == 0) {
                    break;
                }
                if (r.skip(PU_FIELD) && r.skipScalar()) {
                    continue;
                }
                return null;
            }
            long bit = bit(key);
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
            switch (key) {
                case 's':
                    instrument = symbol(r, instrument);
                    if (instrument == null) {
                        return null;
                    }
                    break;
                case 'U':
                    firstId = started ? -1 : r.unsignedLong();
                    break;
                case 'u':
                    lastId = started ? -1 : r.unsignedLong();
                    break;
                case 'E':
                    eventMillis = started ? -1 : millis(r);
                    break;
                case 'b':
                case 'a':
                    // The book header is written when the first side starts: ids and time must come first.
                    if (instrument == null || (seen & (U_UPPER | U_LOWER)) != (U_UPPER | U_LOWER)) {
                        return null;
                    }
                    if (!started) {
                        long time = (seen & E_UPPER) != 0 ? eventMillis * 1_000_000L : recv;
                        book.reset(instrument, time, recv, false, firstId, lastId);
                        started = true;
                    }
                    if (!levels(r, key == 'b', instrument.priceScale(), instrument.qtyScale())) {
                        return null;
                    }
                    break;
                default:
                    if (!r.skipScalar()) {
                        return null;
                    }
            }
            if ((firstId | lastId | eventMillis) < 0) {
                return null;
            }
        }
        if ((seen & DEPTH_FIELDS) != DEPTH_FIELDS || !finish(r)) {
            return null;
        }
        eventTimeNanos = book.exchangeTimeNanos();
        return StreamEventKind.DEPTH_DIFF;
    }

    /** Reads {@code [["price","qty"],...]} into one side of the book. */
    private boolean levels(CompactJsonReader r, boolean bids, int priceScale, int qtyScale) {
        if (!r.skip((byte) '[')) {
            return false;
        }
        if (r.skip((byte) ']')) {
            return true;
        }
        if (!r.skip((byte) '[')) {
            return false;
        }
        BookUpdate b = book;
        while (true) {
            long price = r.quotedDecimal(priceScale);
            if (price < 0 || !r.skip((byte) ',')) {
                return false;
            }
            long qty = r.quotedDecimal(qtyScale);
            if (qty < 0) {
                return false;
            }
            if (bids) {
                b.addBid(price, qty);
            } else {
                b.addAsk(price, qty);
            }
            int next = r.nextInnerArray();
            if (next <= 0) {
                return next == 0;
            }
        }
    }

    /**
     * The instrument of the {@code s} field, which must agree with the one already known from the
     * stream name or the caller; null when it does not resolve or disagrees.
     */
    private Instrument symbol(CompactJsonReader r, Instrument known) {
        if (!r.string()) {
            return null;
        }
        int start = r.stringStart();
        return symbols.resolve(buf, start, r.stringEnd() - start, r.end(), known);
    }

    /** A millisecond time the generic path accepts, or -1. */
    private static long millis(CompactJsonReader r) {
        long ms = r.unsignedLong();
        return ms > MAX_MILLIS ? -1 : ms;
    }

    /** After the event object's closing brace: the envelope's, and nothing else but whitespace. */
    private boolean finish(CompactJsonReader r) {
        return (!envelope || r.skip((byte) '}')) && r.atEndAfterWhitespace();
    }

    /** Letters map to distinct bits: 'A'-'Z' to 1-26, 'a'-'z' to 33-58. */
    private static long bit(int key) {
        return 1L << key;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
