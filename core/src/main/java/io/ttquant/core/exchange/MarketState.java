package io.ttquant.core.exchange;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.marketdata.QuoteTick;
import java.util.ArrayList;

/**
 * What the exchange knows about one instrument: the latest trade, quote, bar and L2 book, and the
 * live orders on it. Bids are kept best price first then by arrival (FIFO), asks likewise; stops
 * and waiting orders in arrival order. Owned by one {@link SimulatedExchange}; copies what it
 * needs from the (reused) market events and never keeps an event.
 */
final class MarketState {
    final Instrument instrument;
    final OrderBook book;
    boolean hasBook;
    boolean hasQuote;
    boolean hasBar;
    long bidPrice;
    long bidQty;
    long askPrice;
    long askQty;
    long lastTrade;
    long barOpenTime;
    long barCloseTime;
    long barOpen;
    long barHigh;
    long barLow;
    long barClose;
    long barVolume;

    final ArrayList<WorkingOrder> bids = new ArrayList<>();
    final ArrayList<WorkingOrder> asks = new ArrayList<>();
    final ArrayList<WorkingOrder> stops = new ArrayList<>();
    final ArrayList<WorkingOrder> waiting = new ArrayList<>();

    MarketState(Instrument instrument) {
        this.instrument = instrument;
        this.book = new OrderBook(instrument);
    }

    void setQuote(QuoteTick q) {
        hasQuote = true;
        bidPrice = q.bidPrice();
        bidQty = q.bidQty();
        askPrice = q.askPrice();
        askQty = q.askQty();
    }

    void setBar(Bar b) {
        hasBar = true;
        barOpenTime = b.openTimeNanos();
        barCloseTime = b.closeTimeNanos();
        barOpen = b.open();
        barHigh = b.high();
        barLow = b.low();
        barClose = b.close();
        barVolume = b.volume();
    }

    boolean hasOrders() {
        return !bids.isEmpty() || !asks.isEmpty() || !stops.isEmpty() || !waiting.isEmpty();
    }

    int orderCount() {
        return bids.size() + asks.size() + stops.size() + waiting.size();
    }

    /** Best bid from the book (when book data is present) or the last quote; 0 when unknown. */
    long bestBid() {
        return hasBook ? book.bestBid() : hasQuote ? bidPrice : 0;
    }

    /** Best ask from the book (when book data is present) or the last quote; 0 when unknown. */
    long bestAsk() {
        return hasBook ? book.bestAsk() : hasQuote ? askPrice : 0;
    }

    /** Last trade price, else the last bar's close; 0 when unknown. */
    long lastPrice() {
        return lastTrade > 0 ? lastTrade : hasBar ? barClose : 0;
    }
}
