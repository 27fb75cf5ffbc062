package io.ttquant.transport.codec;

import io.ttquant.transport.proto.Bar;
import io.ttquant.transport.proto.BookUpdate;
import io.ttquant.transport.proto.Quote;
import io.ttquant.transport.proto.Trade;

/**
 * Field numbers of the market data messages, taken from the protoc-generated classes so that the
 * hand-written codec cannot drift from {@code ttquant.proto}. Fields 1-8 form a header that is
 * the same in all four messages; a test checks that against the generated descriptors.
 * Constants only: this class must never hold state.
 */
final class MarketDataFields {
    static final int VENUE = Trade.VENUE_FIELD_NUMBER;
    static final int SYMBOL = Trade.SYMBOL_FIELD_NUMBER;
    static final int SEQUENCE = Trade.SEQUENCE_FIELD_NUMBER;
    static final int EXCHANGE_TIME = Trade.EXCHANGE_TIME_NS_FIELD_NUMBER;
    static final int RECEIVE_TIME = Trade.RECEIVE_TIME_NS_FIELD_NUMBER;
    static final int PUBLISH_TIME = Trade.PUBLISH_TIME_NS_FIELD_NUMBER;
    static final int PRICE_SCALE = Trade.PRICE_SCALE_FIELD_NUMBER;
    static final int QTY_SCALE = Trade.QTY_SCALE_FIELD_NUMBER;

    static final int TRADE_PRICE = Trade.PRICE_FIELD_NUMBER;
    static final int TRADE_QTY = Trade.QTY_FIELD_NUMBER;
    static final int TRADE_AGGRESSOR = Trade.AGGRESSOR_FIELD_NUMBER;
    static final int TRADE_ID = Trade.TRADE_ID_FIELD_NUMBER;

    static final int QUOTE_BID_PRICE = Quote.BID_PRICE_FIELD_NUMBER;
    static final int QUOTE_BID_QTY = Quote.BID_QTY_FIELD_NUMBER;
    static final int QUOTE_ASK_PRICE = Quote.ASK_PRICE_FIELD_NUMBER;
    static final int QUOTE_ASK_QTY = Quote.ASK_QTY_FIELD_NUMBER;

    static final int BOOK_SNAPSHOT = BookUpdate.SNAPSHOT_FIELD_NUMBER;
    static final int BOOK_FIRST_UPDATE_ID = BookUpdate.FIRST_UPDATE_ID_FIELD_NUMBER;
    static final int BOOK_LAST_UPDATE_ID = BookUpdate.LAST_UPDATE_ID_FIELD_NUMBER;
    static final int BOOK_BID_PRICES = BookUpdate.BID_PRICES_FIELD_NUMBER;
    static final int BOOK_BID_QTYS = BookUpdate.BID_QTYS_FIELD_NUMBER;
    static final int BOOK_ASK_PRICES = BookUpdate.ASK_PRICES_FIELD_NUMBER;
    static final int BOOK_ASK_QTYS = BookUpdate.ASK_QTYS_FIELD_NUMBER;

    static final int BAR_OPEN_TIME = Bar.OPEN_TIME_NS_FIELD_NUMBER;
    static final int BAR_INTERVAL = Bar.INTERVAL_NS_FIELD_NUMBER;
    static final int BAR_OPEN = Bar.OPEN_FIELD_NUMBER;
    static final int BAR_HIGH = Bar.HIGH_FIELD_NUMBER;
    static final int BAR_LOW = Bar.LOW_FIELD_NUMBER;
    static final int BAR_CLOSE = Bar.CLOSE_FIELD_NUMBER;
    static final int BAR_VOLUME = Bar.VOLUME_FIELD_NUMBER;

    /** Wire values of the aggressor side. */
    static final int SIDE_UNSPECIFIED = io.ttquant.transport.proto.Side.SIDE_UNSPECIFIED_VALUE;
    static final int SIDE_BUY = io.ttquant.transport.proto.Side.SIDE_BUY_VALUE;
    static final int SIDE_SELL = io.ttquant.transport.proto.Side.SIDE_SELL_VALUE;

    private MarketDataFields() {
    }

    /** The tag (field number and wire type) as it appears on the wire. */
    static int tag(int field, int wireType) {
        return (field << 3) | wireType;
    }
}
