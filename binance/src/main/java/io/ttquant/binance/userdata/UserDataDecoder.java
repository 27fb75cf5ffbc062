package io.ttquant.binance.userdata;

import io.ttquant.binance.json.JsonCursor;
import io.ttquant.binance.json.JsonObjectIndex;
import io.ttquant.binance.json.JsonToken;
import io.ttquant.binance.stream.SymbolTable;
import io.ttquant.binance.trading.BinanceOrderStatus;
import io.ttquant.binance.trading.BinanceOrderType;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import java.nio.charset.StandardCharsets;

/**
 * Turns one Binance user data stream message (UTF-8 bytes, the raw form sent on
 * {@code /ws/<listenKey>}) into a reused event: {@code executionReport},
 * {@code outboundAccountPosition}, {@code balanceUpdate} or {@code listenKeyExpired}, fields in
 * any order, unknown fields ignored. Decimal strings become exact fixed-point longs: prices and
 * quantities at the instrument's scales (the symbol resolved through the {@link SymbolTable}
 * given at construction), commissions, quote amounts and balances at {@link Fixed#CASH_SCALE};
 * nothing is rounded and no {@code double} is involved.
 *
 * <p>A message is checked whole before its event counts as decoded: invalid JSON, unknown event
 * types, missing or mistyped fields, inexact or negative numbers, unknown symbols and unknown
 * enum names make it {@link UserDataOutcome#SKIPPED} with a {@link SkipReason}, counted in
 * {@link UserDataStats}; nothing is thrown for bad input.
 *
 * <p>The events are pre-allocated, owned here and overwritten by the next message. Single-threaded;
 * it must never allocate per message once warm (an {@link AccountPositionEvent} grows once if a
 * message carries more balances than any before).
 */
public final class UserDataDecoder {
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;

    private static final byte[] EXECUTION_REPORT = ascii("executionReport");
    private static final byte[] ACCOUNT_POSITION = ascii("outboundAccountPosition");
    private static final byte[] BALANCE_UPDATE = ascii("balanceUpdate");
    private static final byte[] LISTEN_KEY_EXPIRED = ascii("listenKeyExpired");

    private static final String[] FIELDS = {
        "e", "E", "s", "c", "S", "o", "f", "q", "p", "P", "C", "x", "X", "r", "i", "l", "z", "L", "n", "N",
        "T", "t", "m", "Z", "Y", "O", "u", "B", "a", "d", "listenKey"};
    private static final int EVENT_TYPE = 0;
    private static final int EVENT_TIME = 1;
    private static final int SYMBOL = 2;
    private static final int CLIENT_ORDER_ID = 3;
    private static final int SIDE = 4;
    private static final int ORDER_TYPE = 5;
    private static final int TIME_IN_FORCE = 6;
    private static final int QTY = 7;
    private static final int PRICE = 8;
    private static final int STOP_PRICE = 9;
    private static final int ORIG_CLIENT_ORDER_ID = 10;
    private static final int EXECUTION_TYPE = 11;
    private static final int ORDER_STATUS = 12;
    private static final int REJECT_REASON = 13;
    private static final int ORDER_ID = 14;
    private static final int LAST_QTY = 15;
    private static final int CUMULATIVE_QTY = 16;
    private static final int LAST_PRICE = 17;
    private static final int COMMISSION = 18;
    private static final int COMMISSION_ASSET = 19;
    /** {@code T}: the transaction time of a report, the clear time of a balance update. */
    private static final int TIME_T = 20;
    private static final int TRADE_ID = 21;
    private static final int MAKER = 22;
    private static final int CUMULATIVE_QUOTE = 23;
    private static final int LAST_QUOTE = 24;
    private static final int ORDER_CREATION_TIME = 25;
    private static final int LAST_UPDATE_TIME = 26;
    private static final int BALANCES = 27;
    private static final int ASSET = 28;
    private static final int DELTA = 29;
    private static final int LISTEN_KEY = 30;

    private static final String[] BALANCE_FIELDS = {"a", "f", "l"};
    private static final int B_ASSET = 0;
    private static final int B_FREE = 1;
    private static final int B_LOCKED = 2;

    private static final Side[] SIDES = Side.values();
    private static final byte[][] SIDE_NAMES = names(SIDES);
    private static final BinanceOrderType[] ORDER_TYPES = BinanceOrderType.values();
    private static final byte[][] ORDER_TYPE_NAMES = names(ORDER_TYPES);
    /** Binance spot's times in force; {@code GTX} is a futures name and is refused here. */
    private static final TimeInForce[] TIMES_IN_FORCE = {TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK};
    private static final byte[][] TIME_IN_FORCE_NAMES = names(TIMES_IN_FORCE);
    private static final ExecutionType[] EXECUTION_TYPES = ExecutionType.values();
    private static final byte[][] EXECUTION_TYPE_NAMES = names(EXECUTION_TYPES);
    private static final BinanceOrderStatus[] STATUSES = BinanceOrderStatus.values();
    private static final byte[][] STATUS_NAMES = names(STATUSES);

    private final SymbolTable symbols;
    private final UserDataStats stats;
    private final JsonCursor cursor = new JsonCursor();
    private final JsonCursor values = new JsonCursor();
    private final JsonObjectIndex index = new JsonObjectIndex(FIELDS);
    private final JsonObjectIndex balance = new JsonObjectIndex(BALANCE_FIELDS);

    private final ExecutionReportEvent report = new ExecutionReportEvent();
    private final AccountPositionEvent position = new AccountPositionEvent();
    private final BalanceUpdateEvent balanceUpdate = new BalanceUpdateEvent();
    private final Utf8Text expiredKey = new Utf8Text();
    private long expiredEventTimeNanos;

    /** The first problem found in the current message; null while there is none. */
    private SkipReason failure;
    private SkipReason lastSkipReason;

    /** A decoder for the instruments in {@code symbols}, counting into its own {@link UserDataStats}. */
    public UserDataDecoder(SymbolTable symbols) {
        this(symbols, new UserDataStats());
    }

    UserDataDecoder(SymbolTable symbols, UserDataStats stats) {
        if (symbols == null || stats == null) {
            throw new IllegalArgumentException("symbols and stats are required");
        }
        this.symbols = symbols;
        this.stats = stats;
    }

    public UserDataStats stats() {
        return stats;
    }

    /** Decodes {@code buf[off, off + len)}, received at {@code receiveTimeNanos}. */
    public UserDataOutcome decode(byte[] buf, int off, int len, long receiveTimeNanos) {
        failure = null;
        UserDataOutcome outcome = decodeMessage(buf, off, len, receiveTimeNanos);
        if (failure != null) {
            lastSkipReason = failure;
            stats.recordSkip(failure);
            return UserDataOutcome.SKIPPED;
        }
        lastSkipReason = null;
        stats.recordEvent(outcome);
        return outcome;
    }

    /** Why the last message was skipped; null when it was decoded. */
    public SkipReason lastSkipReason() {
        return lastSkipReason;
    }

    /** The last {@link UserDataOutcome#EXECUTION_REPORT}; overwritten by the next message. */
    public ExecutionReportEvent executionReport() {
        return report;
    }

    /** The last {@link UserDataOutcome#ACCOUNT_POSITION}; overwritten by the next message. */
    public AccountPositionEvent accountPosition() {
        return position;
    }

    /** The last {@link UserDataOutcome#BALANCE_UPDATE}; overwritten by the next message. */
    public BalanceUpdateEvent balanceUpdate() {
        return balanceUpdate;
    }

    /** The key named by the last {@link UserDataOutcome#LISTEN_KEY_EXPIRED}; null text when the event named none. */
    public Utf8Text expiredListenKey() {
        return expiredKey;
    }

    /** {@code E} of the last {@link UserDataOutcome#LISTEN_KEY_EXPIRED} (Binance sends it as a string). */
    public long expiredEventTimeNanos() {
        return expiredEventTimeNanos;
    }

    private UserDataOutcome decodeMessage(byte[] buf, int off, int len, long receiveTimeNanos) {
        cursor.reset(buf, off, len);
        JsonToken first = cursor.next();
        if (first == JsonToken.ERROR) {
            return fail(SkipReason.INVALID_JSON);
        }
        if (first != JsonToken.START_OBJECT) {
            return fail(cursor.skipValue() && cursor.next() == JsonToken.END ? SkipReason.NOT_AN_EVENT : SkipReason.INVALID_JSON);
        }
        if (!index.scan(cursor) || cursor.next() != JsonToken.END) {
            return fail(SkipReason.INVALID_JSON);
        }
        if (index.type(EVENT_TYPE) != JsonToken.STRING) {
            return fail(SkipReason.NOT_AN_EVENT);
        }
        if (index.stringEquals(EVENT_TYPE, EXECUTION_REPORT)) {
            readExecutionReport(receiveTimeNanos);
            return UserDataOutcome.EXECUTION_REPORT;
        }
        if (index.stringEquals(EVENT_TYPE, ACCOUNT_POSITION)) {
            readAccountPosition(receiveTimeNanos);
            return UserDataOutcome.ACCOUNT_POSITION;
        }
        if (index.stringEquals(EVENT_TYPE, BALANCE_UPDATE)) {
            readBalanceUpdate(receiveTimeNanos);
            return UserDataOutcome.BALANCE_UPDATE;
        }
        if (index.stringEquals(EVENT_TYPE, LISTEN_KEY_EXPIRED)) {
            expiredEventTimeNanos = millisAsNanos(EVENT_TIME);
            if (index.has(LISTEN_KEY)) {
                text(LISTEN_KEY, expiredKey, false);
            } else {
                expiredKey.setNull();
            }
            return UserDataOutcome.LISTEN_KEY_EXPIRED;
        }
        return fail(SkipReason.UNKNOWN_EVENT_TYPE);
    }

    private void readExecutionReport(long receiveTimeNanos) {
        Instrument instrument = instrument();
        int ps = instrument == null ? 0 : instrument.priceScale();
        int qs = instrument == null ? 0 : instrument.qtyScale();
        report.set(instrument, millisAsNanos(EVENT_TIME), receiveTimeNanos,
                name(SIDE, SIDE_NAMES, SIDES), name(ORDER_TYPE, ORDER_TYPE_NAMES, ORDER_TYPES),
                name(TIME_IN_FORCE, TIME_IN_FORCE_NAMES, TIMES_IN_FORCE),
                amount(QTY, qs), amount(PRICE, ps), amount(STOP_PRICE, ps),
                name(EXECUTION_TYPE, EXECUTION_TYPE_NAMES, EXECUTION_TYPES), name(ORDER_STATUS, STATUS_NAMES, STATUSES),
                amount(ORDER_ID, 0));
        text(CLIENT_ORDER_ID, report.clientOrderId(), false);
        text(ORIG_CLIENT_ORDER_ID, report.origClientOrderId(), true);
        text(REJECT_REASON, report.rejectReason(), false);
        text(COMMISSION_ASSET, report.commissionAsset(), true);
        long tradeId = integer(TRADE_ID);
        if (tradeId < -1) {
            fail(SkipReason.BAD_NUMBER);
        }
        report.setExecution(amount(LAST_QTY, qs), amount(CUMULATIVE_QTY, qs), amount(LAST_PRICE, ps),
                amount(COMMISSION, Fixed.CASH_SCALE), millisAsNanos(TIME_T), tradeId, bool(MAKER),
                amount(CUMULATIVE_QUOTE, Fixed.CASH_SCALE), amount(LAST_QUOTE, Fixed.CASH_SCALE),
                millisAsNanos(ORDER_CREATION_TIME));
    }

    private void readAccountPosition(long receiveTimeNanos) {
        position.begin(millisAsNanos(EVENT_TIME), millisAsNanos(LAST_UPDATE_TIME), receiveTimeNanos);
        JsonToken t = index.open(BALANCES, values);
        if (t == null) {
            fail(SkipReason.MISSING_FIELD);
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            fail(SkipReason.WRONG_TYPE);
            return;
        }
        while ((t = values.next()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                // The message was validated whole: anything else is an element of the wrong type.
                fail(t == JsonToken.ERROR ? SkipReason.INVALID_JSON : SkipReason.WRONG_TYPE);
                return;
            }
            if (!balance.scan(values)) {
                fail(SkipReason.INVALID_JSON);
                return;
            }
            Utf8Text asset = position.nextAsset();
            if (asset == null) {
                fail(SkipReason.TOO_MANY_BALANCES);
                return;
            }
            textOf(balance, B_ASSET, asset, false);
            position.add(amountOf(balance, B_FREE, Fixed.CASH_SCALE), amountOf(balance, B_LOCKED, Fixed.CASH_SCALE));
            if (failure != null) {
                return;
            }
        }
    }

    private void readBalanceUpdate(long receiveTimeNanos) {
        text(ASSET, balanceUpdate.asset(), false);
        long delta = signedDecimal(index, DELTA, Fixed.CASH_SCALE);
        balanceUpdate.set(delta, millisAsNanos(EVENT_TIME), millisAsNanos(TIME_T), receiveTimeNanos);
    }

    // ---- field readers: each records the first failure and returns a harmless value ----

    private UserDataOutcome fail(SkipReason reason) {
        if (failure == null) {
            failure = reason;
        }
        return null;
    }

    private Instrument instrument() {
        JsonToken t = index.type(SYMBOL);
        if (t == null) {
            fail(SkipReason.MISSING_FIELD);
            return null;
        }
        if (t != JsonToken.STRING) {
            fail(SkipReason.WRONG_TYPE);
            return null;
        }
        Instrument instrument = index.escaped(SYMBOL) ? null
                : symbols.lookup(index.buffer(), index.start(SYMBOL), index.end(SYMBOL) - index.start(SYMBOL));
        if (instrument == null) {
            fail(SkipReason.UNKNOWN_SYMBOL);
        }
        return instrument;
    }

    /** A non-negative decimal at {@code scale} (a string or a number). */
    private long amount(int slot, int scale) {
        long v = signedDecimal(index, slot, scale);
        if (v < 0) {
            fail(SkipReason.BAD_NUMBER);
            return 0;
        }
        return v;
    }

    private long amountOf(JsonObjectIndex in, int slot, int scale) {
        long v = signedDecimal(in, slot, scale);
        if (v < 0) {
            fail(SkipReason.BAD_NUMBER);
            return 0;
        }
        return v;
    }

    private long signedDecimal(JsonObjectIndex in, int slot, int scale) {
        JsonToken t = in.type(slot);
        if (t == null) {
            fail(SkipReason.MISSING_FIELD);
            return 0;
        }
        if (t != JsonToken.STRING && t != JsonToken.NUMBER) {
            fail(SkipReason.WRONG_TYPE);
            return 0;
        }
        long v = in.decimal(slot, scale);
        if (v == JsonCursor.INVALID) {
            fail(SkipReason.BAD_NUMBER);
            return 0;
        }
        return v;
    }

    /** An integer that may be -1 (trade id). */
    private long integer(int slot) {
        return signedDecimal(index, slot, 0);
    }

    private long millisAsNanos(int slot) {
        long ms = signedDecimal(index, slot, 0);
        if (ms < 0 || ms > MAX_MILLIS) {
            fail(SkipReason.BAD_NUMBER);
            return 0;
        }
        return ms * 1_000_000L;
    }

    private boolean bool(int slot) {
        JsonToken t = index.type(slot);
        if (t == null) {
            fail(SkipReason.MISSING_FIELD);
            return false;
        }
        if (t != JsonToken.TRUE && t != JsonToken.FALSE) {
            fail(SkipReason.WRONG_TYPE);
            return false;
        }
        return t == JsonToken.TRUE;
    }

    private void text(int slot, Utf8Text out, boolean nullable) {
        textOf(index, slot, out, nullable);
    }

    private void textOf(JsonObjectIndex in, int slot, Utf8Text out, boolean nullable) {
        JsonToken t = in.type(slot);
        if (t == null) {
            out.setNull();
            fail(SkipReason.MISSING_FIELD);
            return;
        }
        if (t == JsonToken.NULL && nullable) {
            out.setNull();
            return;
        }
        if (t != JsonToken.STRING) {
            out.setNull();
            fail(SkipReason.WRONG_TYPE);
            return;
        }
        if (out.set(in.buffer(), in.start(slot), in.end(slot), in.escaped(slot)) < 0) {
            fail(SkipReason.BAD_TEXT);
        }
    }

    private <E> E name(int slot, byte[][] names, E[] constants) {
        JsonToken t = index.type(slot);
        if (t == null) {
            fail(SkipReason.MISSING_FIELD);
            return null;
        }
        if (t != JsonToken.STRING) {
            fail(SkipReason.WRONG_TYPE);
            return null;
        }
        for (int i = 0; i < names.length; i++) {
            if (index.stringEquals(slot, names[i])) {
                return constants[i];
            }
        }
        fail(SkipReason.UNKNOWN_ENUM_VALUE);
        return null;
    }

    private static byte[][] names(Enum<?>[] constants) {
        byte[][] out = new byte[constants.length][];
        for (int i = 0; i < constants.length; i++) {
            out[i] = ascii(constants[i].name());
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
