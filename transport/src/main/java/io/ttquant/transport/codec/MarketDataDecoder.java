package io.ttquant.transport.codec;

import static io.ttquant.transport.codec.MarketDataFields.*;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.transport.Topics;
import java.util.Arrays;

/**
 * Decodes {@code ttquant.proto} market data messages (Trade, Quote, BookUpdate, Bar) into four
 * reusable core events, one per kind. The topic, or the kind the caller names, selects the
 * message type. It reads any valid protobuf encoding: fields in any order, unknown fields
 * skipped, packed or unpacked level arrays, and the last value winning for a repeated scalar,
 * as protobuf-java does.
 *
 * <p>Bad input never throws and never passes. The result is a {@link DecodeOutcome}, and each
 * outcome is counted. A rejected message leaves the events as they were. Every value is read
 * into scratch fields first, and an event is written only once the message is known good.
 * After warm-up, decoding allocates nothing: the level scratch arrays grow only for a book
 * deeper than any seen before.
 *
 * <p>The events are overwritten by the next decode: a consumer copies what it keeps. A decoder
 * belongs to one thread. A TTQuant {@link Bar} keeps its close time as its receive time, so the
 * Bar message's {@code receive_time_ns} is not carried into the event.
 */
public final class MarketDataDecoder {
    private final InstrumentResolver resolver;
    private final ProtoReader reader = new ProtoReader();
    private final TradeTick trade = new TradeTick();
    private final QuoteTick quote = new QuoteTick();
    private final BookUpdate book = new BookUpdate();
    private final Bar bar = new Bar();
    private final long[] outcomeCounts = new long[DecodeOutcome.values().length];
    private MarketEvent event;

    // Scratch: the message being decoded.
    private int symbolOffset;
    private int symbolLength;
    private long sequence;
    private long exchangeTime;
    private long receiveTime;
    private long publishTime;
    private int priceScale;
    private int qtyScale;
    private long f9;
    private long f10;
    private long f11;
    private long f12;
    private long f13;
    private long f14;
    private long f15;
    private final LevelColumn bidPrices = new LevelColumn();
    private final LevelColumn bidQtys = new LevelColumn();
    private final LevelColumn askPrices = new LevelColumn();
    private final LevelColumn askQtys = new LevelColumn();

    // Header of the last decoded message.
    private long lastSequence;
    private long lastPublishTime;

    public MarketDataDecoder(InstrumentResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Decodes a payload received on {@code topic[0, topicLength)}; the kind comes from the topic.
     * {@link DecodeOutcome#UNKNOWN_TOPIC} when the topic is no market data topic.
     */
    public DecodeOutcome decode(byte[] topic, int topicLength, byte[] payload, int offset, int length) {
        MarketDataKind kind = Topics.kindOf(topic, topicLength);
        if (kind == null) {
            return record(DecodeOutcome.UNKNOWN_TOPIC);
        }
        return decode(kind, payload, offset, length);
    }

    /** Decodes {@code payload[offset, offset + length)} as the message of {@code kind}. */
    public DecodeOutcome decode(MarketDataKind kind, byte[] payload, int offset, int length) {
        clearScratch();
        ProtoReader r = reader;
        r.wrap(payload, offset, length);
        while (r.hasMore()) {
            int tag = r.readTag();
            if (r.failed()) {
                break;
            }
            if (!readHeaderField(tag)) {
                readBodyField(kind, tag);
            }
        }
        if (r.failed()) {
            return record(DecodeOutcome.MALFORMED);
        }
        DecodeOutcome valid = checkBody(kind);
        if (valid != DecodeOutcome.OK) {
            return record(valid);
        }
        Instrument instrument = symbolLength == 0 ? null : resolver.resolve(payload, symbolOffset, symbolLength);
        if (instrument == null) {
            return record(DecodeOutcome.UNKNOWN_SYMBOL);
        }
        if (instrument.priceScale() != priceScale || instrument.qtyScale() != qtyScale) {
            return record(DecodeOutcome.SCALE_MISMATCH);
        }
        event = fill(kind, instrument);
        lastSequence = sequence;
        lastPublishTime = publishTime;
        return record(DecodeOutcome.OK);
    }

    /** The event of the last successful decode (one of the four reused events); null before any. */
    public MarketEvent event() {
        return event;
    }

    public TradeTick trade() {
        return trade;
    }

    public QuoteTick quote() {
        return quote;
    }

    public BookUpdate book() {
        return book;
    }

    public Bar bar() {
        return bar;
    }

    /** The per-topic sequence number of the last successfully decoded message. */
    public long sequence() {
        return lastSequence;
    }

    /** The publish time (ns since the epoch) of the last successfully decoded message. */
    public long publishTimeNanos() {
        return lastPublishTime;
    }

    /** How many messages had this outcome. */
    public long count(DecodeOutcome outcome) {
        return outcomeCounts[outcome.ordinal()];
    }

    /** How many messages were rejected, whatever the reason. */
    public long rejected() {
        long sum = 0;
        for (int i = 1; i < outcomeCounts.length; i++) {
            sum += outcomeCounts[i];
        }
        return sum;
    }

    private DecodeOutcome record(DecodeOutcome outcome) {
        outcomeCounts[outcome.ordinal()]++;
        return outcome;
    }

    private void clearScratch() {
        symbolOffset = 0;
        symbolLength = 0;
        sequence = 0;
        exchangeTime = 0;
        receiveTime = 0;
        publishTime = 0;
        priceScale = 0;
        qtyScale = 0;
        f9 = 0;
        f10 = 0;
        f11 = 0;
        f12 = 0;
        f13 = 0;
        f14 = 0;
        f15 = 0;
        bidPrices.count = 0;
        bidQtys.count = 0;
        askPrices.count = 0;
        askQtys.count = 0;
    }

    /** Reads fields 1-8, the header shared by all four messages; false when the tag is not one of them. */
    private boolean readHeaderField(int tag) {
        ProtoReader r = reader;
        switch (tag) {
            case (VENUE << 3) | ProtoWriter.WIRE_LENGTH_DELIMITED:
                r.seek(r.readStringEnd());
                return true;
            case (SYMBOL << 3) | ProtoWriter.WIRE_LENGTH_DELIMITED: {
                int end = r.readStringEnd();
                symbolOffset = r.position();
                symbolLength = end - symbolOffset;
                r.seek(end);
                return true;
            }
            case (SEQUENCE << 3) | ProtoWriter.WIRE_VARINT:
                sequence = r.readVarint();
                return true;
            case (EXCHANGE_TIME << 3) | ProtoWriter.WIRE_FIXED64:
                exchangeTime = r.readFixed64();
                return true;
            case (RECEIVE_TIME << 3) | ProtoWriter.WIRE_FIXED64:
                receiveTime = r.readFixed64();
                return true;
            case (PUBLISH_TIME << 3) | ProtoWriter.WIRE_FIXED64:
                publishTime = r.readFixed64();
                return true;
            case (PRICE_SCALE << 3) | ProtoWriter.WIRE_VARINT:
                priceScale = (int) r.readVarint();
                return true;
            case (QTY_SCALE << 3) | ProtoWriter.WIRE_VARINT:
                qtyScale = (int) r.readVarint();
                return true;
            default:
                return false;
        }
    }

    /**
     * Reads a field numbered 9-15 into f9..f15 by field number: each kind gives them its own
     * meaning, and only the book's repeated fields 12-15 and the bar's open time need care.
     */
    private void readBodyField(MarketDataKind kind, int tag) {
        ProtoReader r = reader;
        int field = tag >>> 3;
        int wireType = tag & 7;
        if (kind == MarketDataKind.BOOK && field >= BOOK_BID_PRICES && field <= BOOK_ASK_QTYS) {
            LevelColumn column = field == BOOK_BID_PRICES ? bidPrices
                    : field == BOOK_BID_QTYS ? bidQtys
                    : field == BOOK_ASK_PRICES ? askPrices : askQtys;
            if (wireType == ProtoWriter.WIRE_LENGTH_DELIMITED) {
                int end = r.readLengthDelimitedEnd();
                while (r.position() < end && !r.failed()) {
                    column.add(r.readVarint());
                }
                if (r.position() != end) {
                    r.fail();
                }
            } else if (wireType == ProtoWriter.WIRE_VARINT) {
                column.add(r.readVarint());
            } else {
                r.skipField(tag);
            }
            return;
        }
        boolean fixedOpenTime = kind == MarketDataKind.BAR && field == BAR_OPEN_TIME;
        int expectedWireType = fixedOpenTime ? ProtoWriter.WIRE_FIXED64 : ProtoWriter.WIRE_VARINT;
        if (field < 9 || field > 15 || wireType != expectedWireType || (kind != MarketDataKind.BOOK && kind != MarketDataKind.BAR && field > 12)) {
            r.skipField(tag);
            return;
        }
        long value = fixedOpenTime ? r.readFixed64() : r.readVarint();
        switch (field) {
            case 9:
                f9 = value;
                break;
            case 10:
                f10 = value;
                break;
            case 11:
                f11 = value;
                break;
            case 12:
                f12 = value;
                break;
            case 13:
                f13 = value;
                break;
            case 14:
                f14 = value;
                break;
            default:
                f15 = value;
        }
    }

    private DecodeOutcome checkBody(MarketDataKind kind) {
        switch (kind) {
            case TRADE: {
                int side = (int) f11;
                return side == SIDE_UNSPECIFIED || side == SIDE_BUY || side == SIDE_SELL ? DecodeOutcome.OK : DecodeOutcome.INVALID_VALUE;
            }
            case BOOK:
                return bidPrices.count == bidQtys.count && askPrices.count == askQtys.count
                        ? DecodeOutcome.OK : DecodeOutcome.INVALID_VALUE;
            case BAR: {
                long openTime = f9;
                long interval = f10;
                boolean closeTimeFits = openTime + interval >= openTime;
                return interval > 0 && closeTimeFits ? DecodeOutcome.OK : DecodeOutcome.INVALID_VALUE;
            }
            default:
                return DecodeOutcome.OK;
        }
    }

    private MarketEvent fill(MarketDataKind kind, Instrument instrument) {
        switch (kind) {
            case TRADE: {
                int side = (int) f11;
                Side aggressor = side == SIDE_BUY ? Side.BUY : side == SIDE_SELL ? Side.SELL : null;
                return trade.set(instrument, exchangeTime, receiveTime, f9, f10, aggressor, f12);
            }
            case QUOTE:
                return quote.set(instrument, exchangeTime, receiveTime, f9, f10, f11, f12);
            case BOOK: {
                book.reset(instrument, exchangeTime, receiveTime, f9 != 0, f10, f11);
                for (int i = 0; i < bidPrices.count; i++) {
                    book.addBid(bidPrices.values[i], bidQtys.values[i]);
                }
                for (int i = 0; i < askPrices.count; i++) {
                    book.addAsk(askPrices.values[i], askQtys.values[i]);
                }
                return book;
            }
            default:
                bar.set(instrument, f9, f10, f11, f12, f13, f14, f15);
                bar.stampReceiveTime(receiveTime);
                return bar;
        }
    }

    /** A growable column of level values, reused between messages. */
    private static final class LevelColumn {
        long[] values = new long[64];
        int count;

        void add(long v) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = v;
        }
    }
}
