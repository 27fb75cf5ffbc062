package io.ttquant.binance.stream;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;

import java.util.ArrayList;
import java.util.List;

/** A test sink that copies every event it is given, as a consumer must, into lists. */
final class RecordingSink implements StreamEventSink {
    record AggTrade(TradeTick trade, long firstTradeId, long lastTradeId) {
    }

    record Quote(QuoteTick quote, long updateId) {
    }

    record Kline(Bar bar, boolean closed) {
    }

    /** A copy of a {@link BookUpdate}; levels as {price, qty} pairs. */
    record Book(Instrument instrument, long exchangeTimeNanos, long receiveTimeNanos, boolean snapshot,
                long firstUpdateId, long lastUpdateId, List<long[]> bids, List<long[]> asks) {
        static Book of(BookUpdate u) {
            List<long[]> bids = new ArrayList<>();
            for (int i = 0; i < u.bidCount(); i++) {
                bids.add(new long[] {u.bidPrice(i), u.bidQty(i)});
            }
            List<long[]> asks = new ArrayList<>();
            for (int i = 0; i < u.askCount(); i++) {
                asks.add(new long[] {u.askPrice(i), u.askQty(i)});
            }
            return new Book(u.instrument(), u.exchangeTimeNanos(), u.receiveTimeNanos(), u.isSnapshot(),
                    u.firstUpdateId(), u.lastUpdateId(), bids, asks);
        }
    }

    final List<TradeTick> trades = new ArrayList<>();
    final List<AggTrade> aggTrades = new ArrayList<>();
    final List<Quote> quotes = new ArrayList<>();
    final List<Book> diffs = new ArrayList<>();
    final List<Book> partials = new ArrayList<>();
    final List<Kline> klines = new ArrayList<>();
    final List<Long> shutdowns = new ArrayList<>();

    @Override
    public void onTrade(TradeTick trade) {
        TradeTick copy = new TradeTick();
        copy.copyFrom(trade);
        trades.add(copy);
    }

    @Override
    public void onAggTrade(TradeTick trade, long firstTradeId, long lastTradeId) {
        TradeTick copy = new TradeTick();
        copy.copyFrom(trade);
        aggTrades.add(new AggTrade(copy, firstTradeId, lastTradeId));
    }

    @Override
    public void onBookTicker(QuoteTick quote, long updateId) {
        QuoteTick copy = new QuoteTick();
        copy.copyFrom(quote);
        quotes.add(new Quote(copy, updateId));
    }

    @Override
    public void onDepthDiff(BookUpdate diff) {
        diffs.add(Book.of(diff));
    }

    @Override
    public void onPartialDepth(BookUpdate top) {
        partials.add(Book.of(top));
    }

    @Override
    public void onKline(Bar bar, boolean closed) {
        Bar copy = new Bar();
        copy.copyFrom(bar);
        klines.add(new Kline(copy, closed));
    }

    @Override
    public void onServerShutdown(long eventTimeMillis) {
        shutdowns.add(eventTimeMillis);
    }

    int total() {
        return trades.size() + aggTrades.size() + quotes.size() + diffs.size() + partials.size() + klines.size()
                + shutdowns.size();
    }
}
