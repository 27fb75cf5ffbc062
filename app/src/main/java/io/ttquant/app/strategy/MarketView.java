package io.ttquant.app.strategy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import java.util.List;

/**
 * The strategy engine's picture of the market, per instrument: the last trade (else the last bar's
 * close), the best bid and offer (from the L2 book once book data came, else from quotes) and the L2 book. As the
 * backtest's simulated exchange does, so that a strategy sees the same numbers live. It is
 * what a live strategy's context answers {@code bestBid}, {@code bestAsk}, {@code lastPrice} and
 * {@code book} with, and the reference price of its funds reservations. It copies what it keeps
 * from the reused events, allocates nothing per event, never decides anything and belongs to the
 * engine's thread. Instruments are matched by identity (the engine resolves every symbol to one
 * object).
 */
final class MarketView {
    private final Instrument[] instruments;
    private final OrderBook[] books;
    private final long[] bid;
    private final long[] ask;
    private final long[] lastTrade;
    private final long[] barClose;
    private final boolean[] hasBook;

    MarketView(List<Instrument> instruments) {
        int n = instruments.size();
        this.instruments = instruments.toArray(new Instrument[0]);
        this.books = new OrderBook[n];
        this.bid = new long[n];
        this.ask = new long[n];
        this.lastTrade = new long[n];
        this.barClose = new long[n];
        this.hasBook = new boolean[n];
        for (int i = 0; i < n; i++) {
            books[i] = new OrderBook(this.instruments[i]);
        }
    }

    /** The instrument's index, or -1 when the engine does not trade it. */
    int indexOf(Instrument instrument) {
        for (int i = 0; i < instruments.length; i++) {
            if (instruments[i] == instrument) {
                return i;
            }
        }
        return -1;
    }

    /** Takes what the event says about the market; returns the instrument's index (-1: not traded here, ignored). */
    int update(MarketEvent e) {
        int i = indexOf(e.instrument());
        if (i < 0) {
            return -1;
        }
        switch (e.kind()) {
            case TRADE:
                lastTrade[i] = ((TradeTick) e).price();
                break;
            case BAR:
                barClose[i] = ((Bar) e).close();
                break;
            case QUOTE: {
                QuoteTick q = (QuoteTick) e;
                bid[i] = q.bidPrice();
                ask[i] = q.askPrice();
                break;
            }
            case BOOK:
                books[i].apply((BookUpdate) e);
                hasBook[i] = true;
                break;
            default:
                break;
        }
        return i;
    }

    OrderBook book(Instrument instrument) {
        int i = indexOf(instrument);
        return i < 0 ? null : books[i];
    }

    long bestBid(Instrument instrument) {
        int i = indexOf(instrument);
        if (i < 0) {
            return 0;
        }
        return hasBook[i] ? books[i].bestBid() : bid[i];
    }

    long bestAsk(Instrument instrument) {
        int i = indexOf(instrument);
        if (i < 0) {
            return 0;
        }
        return hasBook[i] ? books[i].bestAsk() : ask[i];
    }

    long lastPrice(Instrument instrument) {
        int i = indexOf(instrument);
        return i < 0 ? 0 : lastTrade[i] > 0 ? lastTrade[i] : barClose[i];
    }
}
