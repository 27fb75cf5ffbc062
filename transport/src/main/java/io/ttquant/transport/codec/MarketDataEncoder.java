package io.ttquant.transport.codec;

import static io.ttquant.transport.codec.MarketDataFields.*;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.transport.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;

/**
 * Encodes a {@link MarketEvent} as its {@code ttquant.proto} message (Trade, Quote, BookUpdate or
 * Bar) into one reusable byte array. No envelope is written: the topic names the message type.
 * The output is byte-for-byte what the protoc-generated classes serialize for the same values.
 *
 * <p>Encoding allocates nothing once the symbol has been seen and the buffer is large enough.
 * The buffer only grows, for a book with more levels than ever before. The encoded bytes are
 * valid until the next {@link #encode}. It must never be shared between threads: one encoder
 * per publishing thread.
 */
public final class MarketDataEncoder {
    /** Worst-case bytes of every field other than venue, symbol and book levels. */
    private static final int FIXED_FIELDS_MAX = 256;
    /** Worst case per level array: tag, length prefix. */
    private static final int ARRAY_OVERHEAD_MAX = 2 + 5;

    private final byte[] venue;
    private final ProtoWriter writer = new ProtoWriter();
    private final HashMap<String, byte[]> symbolBytes = new HashMap<>();
    private String lastSymbol;
    private byte[] lastSymbolBytes;
    private byte[] buffer = new byte[1024];
    private int length;

    /** An encoder for events of {@code venue} (lower-case letters, digits, '_' or '-'). */
    public MarketDataEncoder(String venue) {
        Topics.checkVenue(venue);
        this.venue = venue.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Encodes {@code event} with its per-topic {@code sequence} and publish time (ns since the
     * epoch) into {@link #buffer()}, starting at index 0.
     *
     * @return the number of bytes written, also available as {@link #length()}
     */
    public int encode(MarketEvent event, long sequence, long publishTimeNanos) {
        Instrument instrument = event.instrument();
        byte[] symbol = symbolBytes(instrument.symbol());
        int bound = FIXED_FIELDS_MAX + venue.length + symbol.length;
        if (event instanceof BookUpdate) {
            BookUpdate b = (BookUpdate) event;
            bound += 2 * (ARRAY_OVERHEAD_MAX + ProtoWriter.MAX_VARINT_BYTES * b.bidCount())
                    + 2 * (ARRAY_OVERHEAD_MAX + ProtoWriter.MAX_VARINT_BYTES * b.askCount());
        }
        if (bound > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(bound, buffer.length * 2));
        }
        ProtoWriter w = writer;
        w.wrap(buffer, 0);
        w.bytesField(VENUE, venue);
        w.bytesField(SYMBOL, symbol);
        w.int64Field(SEQUENCE, sequence);
        w.sfixed64Field(EXCHANGE_TIME, event.exchangeTimeNanos());
        w.sfixed64Field(RECEIVE_TIME, event.receiveTimeNanos());
        w.sfixed64Field(PUBLISH_TIME, publishTimeNanos);
        w.int32Field(PRICE_SCALE, instrument.priceScale());
        w.int32Field(QTY_SCALE, instrument.qtyScale());
        if (event instanceof TradeTick) {
            writeTrade((TradeTick) event);
        } else if (event instanceof QuoteTick) {
            writeQuote((QuoteTick) event);
        } else if (event instanceof BookUpdate) {
            writeBook((BookUpdate) event);
        } else if (event instanceof Bar) {
            writeBar((Bar) event);
        } else {
            throw new IllegalArgumentException("no wire message for " + event.getClass().getName());
        }
        length = w.position();
        return length;
    }

    /** The encoded bytes, from index 0 to {@link #length()}; overwritten by the next encode. */
    public byte[] buffer() {
        return buffer;
    }

    /** Length of the last encoded message. */
    public int length() {
        return length;
    }

    private void writeTrade(TradeTick t) {
        ProtoWriter w = writer;
        w.int64Field(TRADE_PRICE, t.price());
        w.int64Field(TRADE_QTY, t.qty());
        Side aggressor = t.aggressor();
        w.int32Field(TRADE_AGGRESSOR, aggressor == null ? SIDE_UNSPECIFIED : aggressor == Side.BUY ? SIDE_BUY : SIDE_SELL);
        w.int64Field(TRADE_ID, t.tradeId());
    }

    private void writeQuote(QuoteTick q) {
        ProtoWriter w = writer;
        w.int64Field(QUOTE_BID_PRICE, q.bidPrice());
        w.int64Field(QUOTE_BID_QTY, q.bidQty());
        w.int64Field(QUOTE_ASK_PRICE, q.askPrice());
        w.int64Field(QUOTE_ASK_QTY, q.askQty());
    }

    private void writeBar(Bar b) {
        ProtoWriter w = writer;
        w.sfixed64Field(BAR_OPEN_TIME, b.openTimeNanos());
        w.int64Field(BAR_INTERVAL, b.intervalNanos());
        w.int64Field(BAR_OPEN, b.open());
        w.int64Field(BAR_HIGH, b.high());
        w.int64Field(BAR_LOW, b.low());
        w.int64Field(BAR_CLOSE, b.close());
        w.int64Field(BAR_VOLUME, b.volume());
    }

    private void writeBook(BookUpdate b) {
        ProtoWriter w = writer;
        w.boolField(BOOK_SNAPSHOT, b.isSnapshot());
        w.int64Field(BOOK_FIRST_UPDATE_ID, b.firstUpdateId());
        w.int64Field(BOOK_LAST_UPDATE_ID, b.lastUpdateId());
        writeLevels(BOOK_BID_PRICES, b, LevelColumn.BID_PRICE, b.bidCount());
        writeLevels(BOOK_BID_QTYS, b, LevelColumn.BID_QTY, b.bidCount());
        writeLevels(BOOK_ASK_PRICES, b, LevelColumn.ASK_PRICE, b.askCount());
        writeLevels(BOOK_ASK_QTYS, b, LevelColumn.ASK_QTY, b.askCount());
    }

    /** A packed repeated int64 field of one level column; the length prefix needs a sizing pass first. */
    private void writeLevels(int field, BookUpdate b, LevelColumn column, int count) {
        if (count == 0) {
            return;
        }
        int size = 0;
        for (int i = 0; i < count; i++) {
            size += ProtoWriter.varintSize(column.get(b, i));
        }
        ProtoWriter w = writer;
        w.tag(field, ProtoWriter.WIRE_LENGTH_DELIMITED);
        w.varint(size);
        for (int i = 0; i < count; i++) {
            w.varint(column.get(b, i));
        }
    }

    private byte[] symbolBytes(String symbol) {
        if (symbol == lastSymbol) {
            return lastSymbolBytes;
        }
        byte[] bytes = symbolBytes.get(symbol);
        if (bytes == null) {
            Topics.checkSymbol(symbol);
            bytes = symbol.getBytes(StandardCharsets.US_ASCII);
            symbolBytes.put(symbol, bytes);
        }
        lastSymbol = symbol;
        lastSymbolBytes = bytes;
        return bytes;
    }

    /** The four level columns of a book event. */
    private enum LevelColumn {
        BID_PRICE, BID_QTY, ASK_PRICE, ASK_QTY;

        long get(BookUpdate b, int i) {
            switch (this) {
                case BID_PRICE:
                    return b.bidPrice(i);
                case BID_QTY:
                    return b.bidQty(i);
                case ASK_PRICE:
                    return b.askPrice(i);
                default:
                    return b.askQty(i);
            }
        }
    }
}
