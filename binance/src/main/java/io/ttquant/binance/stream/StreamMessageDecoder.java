package io.ttquant.binance.stream;

import io.ttquant.binance.json.JsonCursor;
import io.ttquant.binance.json.JsonError;
import io.ttquant.binance.json.JsonObjectIndex;
import io.ttquant.binance.json.JsonToken;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;

import java.nio.charset.StandardCharsets;

/**
 * Turns one Binance spot WebSocket text message (UTF-8 bytes) into a call on a
 * {@link StreamEventSink}: trade, aggTrade, bookTicker, diff depth, partial depth, kline and
 * serverShutdown, in the raw form ({@code {"e":"trade",...}}) or the combined-stream envelope
 * ({@code {"stream":"btcusdt@trade","data":{...}}}, fields in any order). Subscription replies
 * ({@code {"result":null,"id":1}}) and error replies are {@link DecodeOutcome#CONTROL}.
 *
 * <p>Each message is checked whole before anything is delivered: invalid JSON, unknown event
 * types, unknown or contradicting symbols and numbers that are not exact at the instrument's scale
 * come back as a counted {@link DecodeOutcome}; nothing reaches the sink and nothing is thrown.
 * Prices and quantities are never rounded.
 *
 * <p>Two paths, one result. The common events in the compact form Binance sends go through a
 * one-pass fast path ({@link FastPathDecoder}); everything else, and anything the fast path is not
 * sure about, through the generic path: a validating tokenizer ({@link JsonCursor}) and a field
 * index ({@link JsonObjectIndex}), fields in any order. The fast path never decides a rejection, so
 * outcomes and delivered events are the same whichever path ran; {@link DecodeStats} counts both.
 *
 * <p>Events are written into pre-allocated objects owned by the decoder and reused for the next
 * message. Single-threaded. After warm-up (book arrays grown to the largest message) it must never
 * allocate per message; {@link DecodeStats} counts outcomes and events in plain fields.
 */
public final class StreamMessageDecoder {
    /** {@link #controlId()} and {@link #controlErrorCode()} when the reply had none. */
    public static final long NONE = Long.MIN_VALUE;

    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;

    private static final byte[] TRADE = ascii("trade");
    private static final byte[] AGG_TRADE = ascii("aggTrade");
    private static final byte[] DEPTH_UPDATE = ascii("depthUpdate");
    private static final byte[] BOOK_TICKER = ascii("bookTicker");
    private static final byte[] KLINE = ascii("kline");
    private static final byte[] SERVER_SHUTDOWN = ascii("serverShutdown");
    private static final byte[] DEPTH = ascii("depth");

    // Fields of an event object, of the envelope and of control replies; one index serves them all.
    private static final String[] EVENT_FIELDS = {
        "e", "E", "s", "t", "p", "q", "T", "m", "a", "f", "l", "u", "U", "b", "B", "A", "k",
        "lastUpdateId", "bids", "asks", "stream", "data", "result", "id", "error", "event", "code", "msg"};
    private static final int EVENT_TYPE = 0;
    private static final int EVENT_TIME = 1;
    private static final int SYMBOL = 2;
    private static final int TRADE_ID = 3;
    private static final int PRICE = 4;
    private static final int QTY = 5;
    private static final int TRADE_TIME = 6;
    private static final int BUYER_IS_MAKER = 7;
    /** "a": the aggregate trade id, the diff's asks, or the book ticker's ask price. */
    private static final int A_LOWER = 8;
    private static final int FIRST_TRADE_ID = 9;
    private static final int LAST_TRADE_ID = 10;
    private static final int UPDATE_ID = 11;
    private static final int FIRST_UPDATE_ID = 12;
    /** "b": the diff's bids or the book ticker's bid price. */
    private static final int B_LOWER = 13;
    private static final int BID_QTY = 14;
    private static final int ASK_QTY = 15;
    private static final int KLINE_DATA = 16;
    private static final int LAST_UPDATE_ID = 17;
    private static final int BIDS = 18;
    private static final int ASKS = 19;
    private static final int STREAM = 20;
    private static final int DATA = 21;
    private static final int RESULT = 22;
    private static final int ID = 23;
    private static final int ERROR = 24;
    private static final int EVENT = 25;
    private static final int CODE = 26;
    private static final int MSG = 27;

    private static final String[] KLINE_FIELDS = {"t", "T", "s", "o", "h", "l", "c", "v", "x"};
    private static final int K_OPEN_TIME = 0;
    private static final int K_CLOSE_TIME = 1;
    private static final int K_SYMBOL = 2;
    private static final int K_OPEN = 3;
    private static final int K_HIGH = 4;
    private static final int K_LOW = 5;
    private static final int K_CLOSE = 6;
    private static final int K_VOLUME = 7;
    private static final int K_CLOSED = 8;

    private final SymbolTable symbols;
    private final DecodeStats stats = new DecodeStats();
    private final JsonCursor scanner = new JsonCursor();
    private final JsonCursor values = new JsonCursor();
    private final JsonObjectIndex outer = new JsonObjectIndex(EVENT_FIELDS);
    private final JsonObjectIndex inner = new JsonObjectIndex(EVENT_FIELDS);
    private final JsonObjectIndex kline = new JsonObjectIndex(KLINE_FIELDS);

    private final TradeTick trade = new TradeTick();
    private final QuoteTick quote = new QuoteTick();
    private final BookUpdate book = new BookUpdate();
    private final Bar bar = new Bar();
    /** Null when the decoder was built to use the generic path only. */
    private final FastPathDecoder fastPath;
    /** The last message was decoded by the fast path, so it was valid JSON. */
    private boolean lastDecodedFast;

    // Per-message state.
    private byte[] buf;
    private DecodeOutcome failure;
    private Instrument instrument;
    private int streamSymbolStart;
    private int streamSymbolLength;
    private boolean streamIsPartialDepth;

    // What the last message was, for callers that want more than the sink gets.
    private StreamEventKind lastKind;
    private long lastEventTimeNanos;
    private long lastReceiveTimeNanos;
    private long controlId = NONE;
    private long controlErrorCode = NONE;

    public StreamMessageDecoder(SymbolTable symbols) {
        this(symbols, true);
    }

    /**
     * A decoder that may ({@code fastPath}) first try the one-pass reader for the common message
     * shapes, or always uses the generic path. Both give the same outcome and events for every
     * input; the choice only changes the speed (the generic-only form exists to prove that).
     */
    public StreamMessageDecoder(SymbolTable symbols, boolean fastPath) {
        if (symbols == null) {
            throw new IllegalArgumentException("symbol table is required");
        }
        this.symbols = symbols;
        this.fastPath = fastPath ? new FastPathDecoder(symbols, quote, trade, book) : null;
        // Reserve room for a full 1000-level REST snapshot so even the first one does not grow arrays.
        book.reset(null, 0, 0, true, 0, 0);
        for (int i = 0; i < 1024; i++) {
            book.addBid(0, 0);
            book.addAsk(0, 0);
        }
        book.reset(null, 0, 0, true, 0, 0);
    }

    /** Decodes one message; the symbol comes from the stream name or the event's {@code s} field. */
    public DecodeOutcome decode(byte[] buf, int off, int len, long receiveTimeNanos, StreamEventSink sink) {
        return decode(buf, off, len, receiveTimeNanos, null, sink);
    }

    /**
     * Decodes one message known to belong to {@code knownInstrument} (a raw {@code /ws/<symbol>@...}
     * connection, or a REST depth snapshot, neither of which names the symbol). A symbol in the
     * message that is not this instrument's makes it {@link DecodeOutcome#UNKNOWN_SYMBOL}. With
     * {@code null} it behaves like {@link #decode(byte[], int, int, long, StreamEventSink)}.
     */
    public DecodeOutcome decode(byte[] buf, int off, int len, long receiveTimeNanos,
                                Instrument knownInstrument, StreamEventSink sink) {
        if (fastPath != null) {
            StreamEventKind kind = fastPath.decode(buf, off, len, receiveTimeNanos, knownInstrument);
            if (kind != null) {
                deliverFast(kind, receiveTimeNanos, sink);
                stats.recordFastPath();
                stats.record(DecodeOutcome.EVENT);
                return DecodeOutcome.EVENT;
            }
        }
        lastDecodedFast = false;
        DecodeOutcome outcome = decodeMessage(buf, off, len, receiveTimeNanos, knownInstrument, sink);
        stats.recordGenericPath();
        stats.record(outcome);
        return outcome;
    }

    public DecodeStats stats() {
        return stats;
    }

    /** The kind of the last delivered event, null when the last message delivered none. */
    public StreamEventKind lastEventKind() {
        return lastKind;
    }

    /** The last message's event time {@code E} in nanoseconds, or its receive time when it had none. */
    public long lastEventTimeNanos() {
        return lastEventTimeNanos;
    }

    /** The receive time passed with the last message. */
    public long lastReceiveTimeNanos() {
        return lastReceiveTimeNanos;
    }

    /** The numeric {@code id} of the last {@link DecodeOutcome#CONTROL} reply, or {@link #NONE}. */
    public long controlId() {
        return controlId;
    }

    /** The error code of the last control reply when it was an error, {@link #NONE} for a success. */
    public long controlErrorCode() {
        return controlErrorCode;
    }

    /** Why the last {@link DecodeOutcome#MALFORMED} message was not valid JSON ({@link JsonError#NONE} if it was). */
    public JsonError lastJsonError() {
        return lastDecodedFast ? JsonError.NONE : scanner.error();
    }

    /** Hands the event the fast path wrote to the sink, leaving the same traces as the generic path. */
    private void deliverFast(StreamEventKind kind, long recv, StreamEventSink sink) {
        lastDecodedFast = true;
        lastReceiveTimeNanos = recv;
        lastEventTimeNanos = fastPath.eventTimeNanos();
        delivered(kind);
        switch (kind) {
            case BOOK_TICKER:
                sink.onBookTicker(quote, fastPath.updateId());
                break;
            case AGG_TRADE:
                sink.onAggTrade(trade, fastPath.firstTradeId(), fastPath.lastTradeId());
                break;
            case TRADE:
                sink.onTrade(trade);
                break;
            case DEPTH_DIFF:
                sink.onDepthDiff(book);
                break;
            default:
                throw new IllegalStateException("the fast path does not decode " + kind);
        }
    }

    private DecodeOutcome decodeMessage(byte[] buf, int off, int len, long receiveTimeNanos,
                                        Instrument known, StreamEventSink sink) {
        this.buf = buf;
        failure = null;
        instrument = null;
        streamSymbolLength = 0;
        streamIsPartialDepth = false;
        lastKind = null;
        lastEventTimeNanos = receiveTimeNanos;
        lastReceiveTimeNanos = receiveTimeNanos;

        JsonToken first = scanner.reset(buf, off, len).next();
        if (first != JsonToken.START_OBJECT) {
            // A valid top-level array is an all-market stream (!ticker@arr and the like).
            if (first == JsonToken.START_ARRAY && scanner.skipValue() && scanner.next() == JsonToken.END) {
                return DecodeOutcome.UNKNOWN_EVENT;
            }
            return DecodeOutcome.MALFORMED;
        }
        // The combined-stream payload is indexed in the same walk as its envelope, wherever it stands.
        if (!outer.scan(scanner, DATA, inner) || scanner.next() != JsonToken.END) {
            return DecodeOutcome.MALFORMED;
        }
        // From here the whole message is known to be valid JSON.
        JsonObjectIndex event = outer;
        if (outer.has(STREAM) || outer.has(DATA)) {
            if (outer.type(STREAM) != JsonToken.STRING || outer.escaped(STREAM)) {
                return DecodeOutcome.MALFORMED;
            }
            readStreamName(outer.start(STREAM), outer.end(STREAM));
            JsonToken data = outer.type(DATA);
            if (data == JsonToken.START_ARRAY) {
                return DecodeOutcome.UNKNOWN_EVENT;
            }
            if (data != JsonToken.START_OBJECT) {
                return DecodeOutcome.MALFORMED;
            }
            event = inner;
        } else if (outer.has(RESULT) || outer.has(ERROR) || (outer.has(CODE) && outer.has(MSG))) {
            return control();
        } else if (outer.type(EVENT) == JsonToken.START_OBJECT) {
            // The WebSocket API wraps connection events: {"event":{"e":"serverShutdown",...}}.
            outer.open(EVENT, values);
            if (!inner.scan(values)) {
                return DecodeOutcome.MALFORMED;
            }
            event = inner;
        }
        return decodeEvent(event, receiveTimeNanos, known, sink);
    }

    private DecodeOutcome decodeEvent(JsonObjectIndex ev, long recv, Instrument known, StreamEventSink sink) {
        if (ev.has(EVENT_TYPE)) {
            if (ev.type(EVENT_TYPE) != JsonToken.STRING) {
                return DecodeOutcome.BAD_VALUE;
            }
            if (ev.stringEquals(EVENT_TYPE, TRADE)) {
                return trade(ev, recv, known, sink, false);
            }
            if (ev.stringEquals(EVENT_TYPE, DEPTH_UPDATE)) {
                return streamIsPartialDepth ? partialDepth(ev, recv, known, sink) : depthDiff(ev, recv, known, sink);
            }
            if (ev.stringEquals(EVENT_TYPE, AGG_TRADE)) {
                return trade(ev, recv, known, sink, true);
            }
            if (ev.stringEquals(EVENT_TYPE, BOOK_TICKER)) {
                return bookTicker(ev, recv, known, sink);
            }
            if (ev.stringEquals(EVENT_TYPE, KLINE)) {
                return kline(ev, recv, known, sink);
            }
            if (ev.stringEquals(EVENT_TYPE, SERVER_SHUTDOWN)) {
                return serverShutdown(ev, recv, sink);
            }
            return DecodeOutcome.UNKNOWN_EVENT;
        }
        if (streamIsPartialDepth || ev.has(LAST_UPDATE_ID)) {
            return partialDepth(ev, recv, known, sink);
        }
        if (ev.has(UPDATE_ID) && ev.has(B_LOWER) && ev.has(BID_QTY) && ev.has(A_LOWER) && ev.has(ASK_QTY)) {
            return bookTicker(ev, recv, known, sink);
        }
        return DecodeOutcome.UNKNOWN_EVENT;
    }

    private DecodeOutcome trade(JsonObjectIndex ev, long recv, Instrument known, StreamEventSink sink, boolean aggregate) {
        DecodeOutcome symbol = resolveInstrument(ev, known);
        if (symbol != null) {
            return symbol;
        }
        long price = amount(ev, PRICE, instrument.priceScale());
        long qty = amount(ev, QTY, instrument.qtyScale());
        long id = id(ev, aggregate ? A_LOWER : TRADE_ID);
        long firstId = aggregate ? id(ev, FIRST_TRADE_ID) : 0;
        long lastId = aggregate ? id(ev, LAST_TRADE_ID) : 0;
        boolean buyerIsMaker = flag(ev, BUYER_IS_MAKER);
        long time = ev.has(TRADE_TIME) ? millis(ev, TRADE_TIME) : millis(ev, EVENT_TIME);
        lastEventTimeNanos = ev.has(EVENT_TIME) ? millis(ev, EVENT_TIME) : time;
        if (failure != null) {
            return failure;
        }
        // "m": the buyer was the resting order, so the taker sold.
        trade.set(instrument, time, recv, price, qty, buyerIsMaker ? Side.SELL : Side.BUY, id);
        if (aggregate) {
            delivered(StreamEventKind.AGG_TRADE);
            sink.onAggTrade(trade, firstId, lastId);
        } else {
            delivered(StreamEventKind.TRADE);
            sink.onTrade(trade);
        }
        return DecodeOutcome.EVENT;
    }

    private DecodeOutcome bookTicker(JsonObjectIndex ev, long recv, Instrument known, StreamEventSink sink) {
        DecodeOutcome symbol = resolveInstrument(ev, known);
        if (symbol != null) {
            return symbol;
        }
        long updateId = id(ev, UPDATE_ID);
        long bid = amount(ev, B_LOWER, instrument.priceScale());
        long bidQty = amount(ev, BID_QTY, instrument.qtyScale());
        long ask = amount(ev, A_LOWER, instrument.priceScale());
        long askQty = amount(ev, ASK_QTY, instrument.qtyScale());
        long time = optionalEventTime(ev, recv);
        if (failure != null) {
            return failure;
        }
        quote.set(instrument, time, recv, bid, bidQty, ask, askQty);
        delivered(StreamEventKind.BOOK_TICKER);
        sink.onBookTicker(quote, updateId);
        return DecodeOutcome.EVENT;
    }

    private DecodeOutcome depthDiff(JsonObjectIndex ev, long recv, Instrument known, StreamEventSink sink) {
        DecodeOutcome symbol = resolveInstrument(ev, known);
        if (symbol != null) {
            return symbol;
        }
        long firstUpdateId = id(ev, FIRST_UPDATE_ID);
        long lastUpdateId = id(ev, UPDATE_ID);
        long time = optionalEventTime(ev, recv);
        if (failure != null) {
            return failure;
        }
        book.reset(instrument, time, recv, false, firstUpdateId, lastUpdateId);
        levels(ev, B_LOWER, true);
        levels(ev, A_LOWER, false);
        if (failure != null) {
            return failure;
        }
        delivered(StreamEventKind.DEPTH_DIFF);
        sink.onDepthDiff(book);
        return DecodeOutcome.EVENT;
    }

    private DecodeOutcome partialDepth(JsonObjectIndex ev, long recv, Instrument known, StreamEventSink sink) {
        DecodeOutcome symbol = resolveInstrument(ev, known);
        if (symbol != null) {
            return symbol;
        }
        // Spot sends {lastUpdateId,bids,asks}; USD-M partial depth looks like a diff (u,b,a).
        long lastUpdateId = id(ev, ev.has(LAST_UPDATE_ID) ? LAST_UPDATE_ID : UPDATE_ID);
        long time = optionalEventTime(ev, recv);
        if (failure != null) {
            return failure;
        }
        book.reset(instrument, time, recv, true, lastUpdateId, lastUpdateId);
        levels(ev, ev.has(BIDS) ? BIDS : B_LOWER, true);
        levels(ev, ev.has(ASKS) ? ASKS : A_LOWER, false);
        if (failure != null) {
            return failure;
        }
        delivered(StreamEventKind.PARTIAL_DEPTH);
        sink.onPartialDepth(book);
        return DecodeOutcome.EVENT;
    }

    private DecodeOutcome kline(JsonObjectIndex ev, long recv, Instrument known, StreamEventSink sink) {
        DecodeOutcome symbol = resolveInstrument(ev, known);
        if (symbol != null) {
            return symbol;
        }
        JsonToken k = ev.open(KLINE_DATA, values);
        if (k == null) {
            return DecodeOutcome.MALFORMED;
        }
        if (k != JsonToken.START_OBJECT) {
            return DecodeOutcome.BAD_VALUE;
        }
        if (!kline.scan(values)) {
            return DecodeOutcome.MALFORMED;
        }
        if (kline.has(K_SYMBOL) && (kline.type(K_SYMBOL) != JsonToken.STRING
                || !SymbolTable.isSymbolOf(instrument, buf, kline.start(K_SYMBOL), kline.end(K_SYMBOL) - kline.start(K_SYMBOL)))) {
            return DecodeOutcome.UNKNOWN_SYMBOL;
        }
        int ps = instrument.priceScale();
        long openTime = id(kline, K_OPEN_TIME);
        long closeTime = id(kline, K_CLOSE_TIME);
        long open = amount(kline, K_OPEN, ps);
        long high = amount(kline, K_HIGH, ps);
        long low = amount(kline, K_LOW, ps);
        long close = amount(kline, K_CLOSE, ps);
        long volume = amount(kline, K_VOLUME, instrument.qtyScale());
        boolean closed = flag(kline, K_CLOSED);
        long eventTime = optionalEventTime(ev, recv);
        if (failure != null) {
            return failure;
        }
        // The close time is the last millisecond of the candle: the interval is T - t + 1.
        if (closeTime < openTime) {
            return DecodeOutcome.BAD_VALUE;
        }
        long openNanos = nanos(openTime);
        long intervalNanos = nanos(closeTime - openTime + 1);
        if (failure != null) {
            return failure;
        }
        lastEventTimeNanos = eventTime;
        bar.set(instrument, openNanos, intervalNanos, open, high, low, close, volume);
        delivered(StreamEventKind.KLINE);
        sink.onKline(bar, closed);
        return DecodeOutcome.EVENT;
    }

    private DecodeOutcome serverShutdown(JsonObjectIndex ev, long recv, StreamEventSink sink) {
        // Delivered even without a usable event time: a shutdown notice matters more than its stamp.
        long eventMillis = ev.longValue(EVENT_TIME);
        if (eventMillis == JsonCursor.INVALID || eventMillis < 0 || eventMillis > MAX_MILLIS) {
            eventMillis = recv / 1_000_000L;
        }
        lastEventTimeNanos = eventMillis * 1_000_000L;
        delivered(StreamEventKind.SERVER_SHUTDOWN);
        sink.onServerShutdown(eventMillis);
        return DecodeOutcome.EVENT;
    }

    private DecodeOutcome control() {
        controlId = outer.type(ID) == JsonToken.NUMBER ? outer.longValue(ID) : NONE;
        if (controlId == JsonCursor.INVALID) {
            controlId = NONE;
        }
        controlErrorCode = NONE;
        if (outer.has(ERROR) || outer.has(CODE)) {
            long code = outer.longValue(CODE);
            if (outer.open(ERROR, values) == JsonToken.START_OBJECT && inner.scan(values)) {
                code = inner.longValue(CODE);
            }
            // An error reply without a numeric code still is an error.
            controlErrorCode = code == JsonCursor.INVALID ? -1 : code;
        }
        return DecodeOutcome.CONTROL;
    }

    /**
     * Works out the instrument from the event's {@code s}, the stream name and the caller's known
     * instrument, which must all agree. Returns null and sets {@link #instrument} on success.
     */
    private DecodeOutcome resolveInstrument(JsonObjectIndex ev, Instrument known) {
        Instrument fromField = null;
        if (ev.has(SYMBOL)) {
            if (ev.type(SYMBOL) != JsonToken.STRING || ev.escaped(SYMBOL)) {
                return DecodeOutcome.BAD_VALUE;
            }
            int start = ev.start(SYMBOL);
            int length = ev.end(SYMBOL) - start;
            if (known != null) {
                if (!SymbolTable.isSymbolOf(known, buf, start, length)) {
                    return DecodeOutcome.UNKNOWN_SYMBOL;
                }
                fromField = known;
            } else {
                fromField = symbols.lookup(buf, start, length);
                if (fromField == null) {
                    return DecodeOutcome.UNKNOWN_SYMBOL;
                }
            }
        }
        Instrument fromContext = known;
        if (streamSymbolLength > 0) {
            if (known != null) {
                if (!SymbolTable.isSymbolOf(known, buf, streamSymbolStart, streamSymbolLength)) {
                    return DecodeOutcome.UNKNOWN_SYMBOL;
                }
            } else {
                fromContext = symbols.lookup(buf, streamSymbolStart, streamSymbolLength);
                if (fromContext == null) {
                    return DecodeOutcome.UNKNOWN_SYMBOL;
                }
            }
        }
        if (fromField != null && fromContext != null && fromField != fromContext) {
            return DecodeOutcome.UNKNOWN_SYMBOL;
        }
        instrument = fromField != null ? fromField : fromContext;
        return instrument == null ? DecodeOutcome.UNKNOWN_SYMBOL : null;
    }

    /** Reads {@code <symbol>@<kind>[@<speed>]}: where the symbol is, and whether it is a partial-depth stream. */
    private void readStreamName(int start, int end) {
        int at = start;
        while (at < end && buf[at] != '@') {
            at++;
        }
        // All-market streams start with '!' and name no symbol.
        if (at > start && buf[start] != '!') {
            streamSymbolStart = start;
            streamSymbolLength = at - start;
        }
        int kind = at + 1;
        streamIsPartialDepth = kind + DEPTH.length < end
                && JsonCursor.regionEquals(buf, kind, kind + DEPTH.length, DEPTH)
                && buf[kind + DEPTH.length] >= '0' && buf[kind + DEPTH.length] <= '9';
    }

    /** Adds the [price, qty] pairs of the array in {@code slot} to {@link #book}. */
    private void levels(JsonObjectIndex ev, int slot, boolean bids) {
        JsonToken t = ev.open(slot, values);
        if (t == null) {
            fail(DecodeOutcome.MALFORMED);
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            fail(DecodeOutcome.BAD_VALUE);
            return;
        }
        int priceScale = instrument.priceScale();
        int qtyScale = instrument.qtyScale();
        while (true) {
            t = values.next();
            if (t == JsonToken.END_ARRAY) {
                return;
            }
            if (t != JsonToken.START_ARRAY) {
                fail(DecodeOutcome.BAD_VALUE);
                return;
            }
            values.next();
            long price = values.decimalValue(priceScale);
            values.next();
            long qty = values.decimalValue(qtyScale);
            if (price == JsonCursor.INVALID || qty == JsonCursor.INVALID || price < 0 || qty < 0) {
                fail(DecodeOutcome.BAD_VALUE);
                return;
            }
            // Old payloads carried a third, ignored element per level.
            while ((t = values.next()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                    values.skipValue();
                } else if (t == JsonToken.ERROR || t == JsonToken.END) {
                    fail(DecodeOutcome.MALFORMED);
                    return;
                }
            }
            if (bids) {
                book.addBid(price, qty);
            } else {
                book.addAsk(price, qty);
            }
        }
    }

    /** A non-negative decimal at {@code scale}; MALFORMED when missing, BAD_VALUE when not exact. */
    private long amount(JsonObjectIndex ix, int slot, int scale) {
        if (!ix.has(slot)) {
            fail(DecodeOutcome.MALFORMED);
            return 0;
        }
        long v = ix.decimal(slot, scale);
        if (v == JsonCursor.INVALID || v < 0) {
            fail(DecodeOutcome.BAD_VALUE);
            return 0;
        }
        return v;
    }

    /** An integer id; MALFORMED when missing, BAD_VALUE when not an integer. */
    private long id(JsonObjectIndex ix, int slot) {
        if (!ix.has(slot)) {
            fail(DecodeOutcome.MALFORMED);
            return 0;
        }
        long v = ix.longValue(slot);
        if (v == JsonCursor.INVALID) {
            fail(DecodeOutcome.BAD_VALUE);
        }
        return v;
    }

    private boolean flag(JsonObjectIndex ix, int slot) {
        JsonToken t = ix.type(slot);
        if (t == null) {
            fail(DecodeOutcome.MALFORMED);
            return false;
        }
        if (t != JsonToken.TRUE && t != JsonToken.FALSE) {
            fail(DecodeOutcome.BAD_VALUE);
        }
        return t == JsonToken.TRUE;
    }

    /** A millisecond time field in nanoseconds. */
    private long millis(JsonObjectIndex ix, int slot) {
        return nanos(id(ix, slot));
    }

    /** {@code E} in nanoseconds when present, else the receive time. */
    private long optionalEventTime(JsonObjectIndex ev, long recv) {
        long time = ev.has(EVENT_TIME) ? millis(ev, EVENT_TIME) : recv;
        lastEventTimeNanos = time;
        return time;
    }

    private long nanos(long millis) {
        if (millis < 0 || millis > MAX_MILLIS) {
            fail(DecodeOutcome.BAD_VALUE);
            return 0;
        }
        return millis * 1_000_000L;
    }

    private void fail(DecodeOutcome outcome) {
        if (failure == null) {
            failure = outcome;
        }
    }

    private void delivered(StreamEventKind kind) {
        lastKind = kind;
        stats.record(kind);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
