package io.ttquant.app.marketdata;

import io.ttquant.binance.book.BookListener;
import io.ttquant.binance.book.BookSyncConfig;
import io.ttquant.binance.book.BookSynchronizer;
import io.ttquant.binance.book.ResyncReason;
import io.ttquant.binance.book.SnapshotRequester;
import io.ttquant.binance.stream.DecodeOutcome;
import io.ttquant.binance.stream.StreamEventKind;
import io.ttquant.binance.stream.StreamEventSink;
import io.ttquant.binance.stream.StreamMessageDecoder;
import io.ttquant.binance.stream.SymbolTable;
import io.ttquant.binance.trade.TradeBackfill;
import io.ttquant.binance.trade.TradeListener;
import io.ttquant.binance.trade.TradeSequencer;
import io.ttquant.binance.trade.TradeSequencerConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.OrderBook;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.time.Clock;
import io.ttquant.transport.MarketDataPublisher;
import java.util.List;
import java.util.Locale;

/**
 * The hot path of the live feed, without sockets: a Binance stream message in, normalised events
 * out. It decodes each message without garbage, keeps every symbol's book exactly (Binance's
 * sequencing rules), makes trades continuous (gaps backfilled, overlaps removed), drops repeated
 * quotes and klines, and hands the result to the publisher. Snapshots and backfills are asked of
 * the requester and backfill given at construction; their answers come back through
 * {@link #onSnapshot} and {@link #onBackfill}.
 *
 * <p>Single-threaded: every method is called on the feed's one thread. It must never publish a
 * trade twice or out of id order, a book delta that does not chain, a quote older than the last
 * one, or a kline before it closes, and must never allocate per message in steady state.
 */
public final class FeedPipeline implements StreamEventSink {
    /** Takes periodic snapshots of the synchronised books (the store's recorder); called on the feed thread. */
    @FunctionalInterface
    public interface BookSnapshotSink {
        /** The book is valid during the call only: copy what you keep. */
        void onBookSnapshot(OrderBook book, long timeNanos, long lastUpdateId);
    }

    private final MarketDataConfig.TradeStream tradeStream;
    private final Clock clock;
    private final MarketDataPublisher publisher;
    private final MarketDataMetrics metrics;
    private final Instrument[] instruments;
    private final StreamMessageDecoder decoder;
    private final BookSynchronizer[] books;
    private final TradeSequencer[] trades;
    private final long[] lastQuoteUpdateId;
    private final long[] lastClosedBarOpen;
    private final StreamEventSink shutdownListener;
    private final long[] lastSnapshotNanos;
    private BookSnapshotSink snapshotSink;
    private long snapshotIntervalNanos;
    private long published;

    /**
     * @param shutdownListener told when the server announces it will close the connection
     *                         ({@code serverShutdown}), so the connection can be replaced
     */
    public FeedPipeline(List<Instrument> instruments, MarketDataConfig.TradeStream tradeStream, Clock clock,
                        SnapshotRequester snapshots, TradeBackfill backfill, MarketDataPublisher publisher,
                        MarketDataMetrics metrics, StreamEventSink shutdownListener) {
        this.tradeStream = tradeStream;
        this.clock = clock;
        this.publisher = publisher;
        this.metrics = metrics;
        this.shutdownListener = shutdownListener;
        this.instruments = instruments.toArray(new Instrument[0]);
        this.decoder = new StreamMessageDecoder(new SymbolTable(instruments));
        int n = this.instruments.length;
        this.books = new BookSynchronizer[n];
        this.trades = new TradeSequencer[n];
        this.lastQuoteUpdateId = new long[n];
        this.lastClosedBarOpen = new long[n];
        this.lastSnapshotNanos = new long[n];
        BookListener bookListener = new BookListener() {
            @Override
            public void onBook(BookUpdate applied, OrderBook book) {
                publish(applied);
                if (snapshotSink != null) {
                    snapshotIfDue(book);
                }
            }

            @Override
            public void onResync(Instrument instrument, ResyncReason reason) {
                metrics.onResync(instrument.symbol(), reason.name().toLowerCase(Locale.ROOT));
            }
        };
        for (int i = 0; i < n; i++) {
            final int index = i;
            books[i] = new BookSynchronizer(this.instruments[i], snapshots, bookListener, clock, BookSyncConfig.defaults());
            TradeListener tradeListener = (trade, backfilled) -> {
                if (backfilled) {
                    metrics.onBackfilled(index, 1);
                }
                publish(trade);
            };
            trades[i] = new TradeSequencer(this.instruments[i], backfill, tradeListener, clock, TradeSequencerConfig.defaults());
            lastQuoteUpdateId[i] = Long.MIN_VALUE;
            lastClosedBarOpen[i] = Long.MIN_VALUE;
            lastSnapshotNanos[i] = Long.MIN_VALUE;
        }
    }

    /**
     * Hands each symbol's book to {@code sink} after an update, at most once per
     * {@code intervalNanos} of the pipeline's clock (the first right after the book is
     * synchronised). Call before the feed starts.
     */
    public void recordBookSnapshots(BookSnapshotSink sink, long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("book snapshot interval must be positive: " + intervalNanos);
        }
        this.snapshotIntervalNanos = intervalNanos;
        this.snapshotSink = sink;
    }

    private void snapshotIfDue(OrderBook book) {
        int i = indexOf(book.instrument());
        long now = clock.nanos();
        long last = lastSnapshotNanos[i];
        if (last == Long.MIN_VALUE || now - last >= snapshotIntervalNanos) {
            lastSnapshotNanos[i] = now;
            snapshotSink.onBookSnapshot(book, book.timeNanos(), book.lastUpdateId());
        }
    }

    /** One WebSocket text message (UTF-8 JSON) received at {@code receiveTimeNanos}. */
    public DecodeOutcome onMessage(byte[] buf, int off, int len, long receiveTimeNanos) {
        DecodeOutcome outcome = decoder.decode(buf, off, len, receiveTimeNanos, this);
        if (outcome != DecodeOutcome.EVENT && outcome != DecodeOutcome.CONTROL) {
            metrics.onDecodeError(outcome.name().toLowerCase(Locale.ROOT));
        }
        return outcome;
    }

    @Override
    public void onTrade(TradeTick trade) {
        int i = indexOf(trade.instrument());
        metrics.onMessage(i, StreamEventKind.TRADE, trade.exchangeTimeNanos(), trade.receiveTimeNanos());
        if (tradeStream == MarketDataConfig.TradeStream.TRADE) {
            sequence(i, trade);
        }
    }

    @Override
    public void onAggTrade(TradeTick trade, long firstTradeId, long lastTradeId) {
        int i = indexOf(trade.instrument());
        metrics.onMessage(i, StreamEventKind.AGG_TRADE, trade.exchangeTimeNanos(), trade.receiveTimeNanos());
        if (tradeStream == MarketDataConfig.TradeStream.AGG_TRADE) {
            sequence(i, trade);
        }
    }

    private void sequence(int i, TradeTick trade) {
        long duplicatesBefore = trades[i].duplicates();
        trades[i].onLive(trade);
        if (trades[i].duplicates() != duplicatesBefore) {
            metrics.onDuplicate(i);
        }
    }

    @Override
    public void onBookTicker(QuoteTick quote, long updateId) {
        int i = indexOf(quote.instrument());
        metrics.onMessage(i, StreamEventKind.BOOK_TICKER, quote.exchangeTimeNanos(), quote.receiveTimeNanos());
        // A reconnect overlap repeats quotes; the book update id orders them.
        if (updateId <= lastQuoteUpdateId[i]) {
            metrics.onDuplicate(i);
            return;
        }
        lastQuoteUpdateId[i] = updateId;
        publish(quote);
    }

    @Override
    public void onDepthDiff(BookUpdate diff) {
        int i = indexOf(diff.instrument());
        metrics.onMessage(i, StreamEventKind.DEPTH_DIFF, diff.exchangeTimeNanos(), diff.receiveTimeNanos());
        books[i].onDiff(diff);
    }

    @Override
    public void onKline(Bar bar, boolean closed) {
        int i = indexOf(bar.instrument());
        long receive = decoder.lastReceiveTimeNanos();
        metrics.onMessage(i, StreamEventKind.KLINE, decoder.lastEventTimeNanos(), receive);
        if (!closed || bar.openTimeNanos() <= lastClosedBarOpen[i]) {
            return;
        }
        lastClosedBarOpen[i] = bar.openTimeNanos();
        bar.stampReceiveTime(receive);
        publish(bar);
    }

    @Override
    public void onServerShutdown(long eventTimeMillis) {
        shutdownListener.onServerShutdown(eventTimeMillis);
    }

    /** The answer to a snapshot request for instrument number {@code index}. */
    public void onSnapshot(int index, BookUpdate snapshot) {
        books[index].onSnapshot(snapshot);
    }

    public void onSnapshotFailed(int index, String reason) {
        books[index].onSnapshotFailed(instruments[index], reason);
    }

    /** The answer to a backfill request for instrument number {@code index}. */
    public void onBackfill(int index, List<TradeTick> list) {
        long lostBefore = trades[index].lost();
        trades[index].onBackfill(list);
        countLost(index, lostBefore);
    }

    public void onBackfillFailed(int index, String reason) {
        long lostBefore = trades[index].lost();
        trades[index].onBackfillFailed(reason);
        countLost(index, lostBefore);
    }

    /** Retries due snapshot and backfill requests; call periodically. */
    public void doWork(long nowNanos) {
        for (int i = 0; i < instruments.length; i++) {
            books[i].doWork(nowNanos);
            long lostBefore = trades[i].lost();
            trades[i].doWork(nowNanos);
            countLost(i, lostBefore);
        }
    }

    private void countLost(int index, long lostBefore) {
        long lost = trades[index].lost() - lostBefore;
        if (lost > 0) {
            metrics.onLost(index, lost);
        }
    }

    private void publish(MarketEvent event) {
        publisher.publish(event);
        published++;
        metrics.onPublished(event.kind(), event.receiveTimeNanos(), clock.nanos());
    }

    /** The position of {@code instrument} in the list given at construction. */
    public int indexOf(Instrument instrument) {
        for (int i = 0; i < instruments.length; i++) {
            if (instruments[i] == instrument) {
                return i;
            }
        }
        throw new IllegalStateException("an instrument outside the feed's table: " + instrument);
    }

    public Instrument instrument(int index) {
        return instruments[index];
    }

    public int size() {
        return instruments.length;
    }

    public BookSynchronizer book(int index) {
        return books[index];
    }

    public TradeSequencer trades(int index) {
        return trades[index];
    }

    public StreamMessageDecoder decoder() {
        return decoder;
    }

    public long published() {
        return published;
    }
}
