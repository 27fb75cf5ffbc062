package io.ttquant.sim.market;

import io.ttquant.core.data.MarketDataFormatException;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.data.MarketDataSources;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;

import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The other participants of one symbol, replayed from recorded trades (a Binance trades or
 * aggTrades file): the recorded timeline is mapped onto the simulator's clock from the moment the
 * exchange starts, {@code speed} times faster ({@code sim = start + (t - t0) / speed}).
 *
 * <p>For each recorded trade (price P, quantity Q, aggressor A) the replay participant, in one
 * operation: cancels its own orders that would keep the trade from printing at P (maker-side orders
 * better than P, aggressor-side orders at or through P); when a user's order still stands at or
 * through P on the aggressor's side, the tape passes through it and up to Q trades against it at
 * the user's price; for the rest, it rests a limit order of that size at P on the maker side unless
 * the book already holds enough there, and then takes it with an IOC order capped at P. So with no
 * user orders in the way the simulator prints exactly the recorded price and quantity, and a user's
 * order at a better or equal price trades instead in price-time priority. After every trade it
 * keeps a thin book of {@code replayBookLevels} one-tick levels on each side of the last price and
 * cancels its orders that drifted far away.
 *
 * <p>At the end of the file the replay stops (the book stays as it is) or, when looping, starts
 * over 1 ms after the last trade. Trade ids are the simulator's own, not the file's. A file that
 * cannot be read further ends the replay. After a long pause the older recorded trades are
 * skipped, not printed.
 *
 * <p>Engine thread only; deterministic given the file and the times it is stepped at. Acts only
 * through {@link SimExchange}'s synthetic-order methods and never rests an order that crosses the
 * book.
 */
final class ReplayFlow extends ParticipantFlow {
    private static final long NO_EVENT = Long.MAX_VALUE;
    private final SimExchange exchange;
    private final SymbolMarket market;
    private final LimitOrderBook book;
    private final Instrument instrument;
    private final SimConfig.ReplaySpec spec;
    private final int levels;
    private final long tick;
    private final long minPrice;
    private final long maxPrice;
    private final double nanosPerSimMilli;
    private final double levelNotional;
    private MarketDataSource source;
    private boolean passStarted;
    private long passFirstNanos;
    private long passStartMillis;
    private int passTrades;
    private long lastMappedMillis;
    private long pendingMillis = NO_EVENT;
    private long pendingPrice;
    private long pendingQty;
    private Side pendingAggressor;
    private long last;
    private long[] ids = new long[64];
    private int idCount;
    private long tradesReplayed;
    private RuntimeException readError;

    ReplayFlow(SimExchange exchange, SymbolMarket market, SimConfig.ReplaySpec spec, int levels, long startMillis) {
        this.exchange = exchange;
        this.market = market;
        this.book = market.book();
        this.instrument = market.instrument();
        this.spec = spec;
        this.levels = levels;
        this.tick = instrument.tickSize();
        this.minPrice = Math.max(instrument.minPrice(), tick);
        this.maxPrice = instrument.maxPrice() > 0 ? instrument.maxPrice() : Long.MAX_VALUE / 4;
        this.nanosPerSimMilli = spec.speed() * 1_000_000.0;
        String quote = instrument.quoteAsset();
        boolean usdLike = quote.equals("USDT") || quote.equals("USDC") || quote.equals("FDUSD") || quote.equals("BUSD")
                || quote.equals("TUSD") || quote.equals("USD") || quote.equals("EUR");
        double minNotional = instrument.minNotional() / 1e8;
        this.levelNotional = usdLike ? Math.max(2_000.0, 20 * minNotional) : Math.max(100 * minNotional, 0);
        this.last = market.referencePrice();
        this.source = open();
        this.passStartMillis = startMillis;
        readNext(Long.MIN_VALUE);
    }

    /** Recorded trades printed so far (all passes). */
    long tradesReplayed() {
        return tradesReplayed;
    }

    /** The error that ended the replay early, or null. */
    RuntimeException readError() {
        return readError;
    }

    @Override
    long nextEventMillis() {
        return pendingMillis;
    }

    @Override
    void skipTo(long millis) {
        while (pendingMillis < millis) {
            readNext(millis);
        }
    }

    @Override
    void seed() {
        maintain();
    }

    @Override
    void step(long now) {
        trade(pendingPrice, pendingQty, pendingAggressor);
        tradesReplayed++;
        maintain();
        readNext(Long.MIN_VALUE);
    }

    @Override
    void close() {
        if (source != null) {
            source.close();
            source = null;
        }
        pendingMillis = NO_EVENT;
    }

    private MarketDataSource open() {
        return MarketDataSources.open(spec.file(), spec.format(), instrument, SimConfig.REPLAY_READER_OPTIONS);
    }

    /** Loads the next recorded trade; a new pass (when looping) starts no earlier than {@code notBefore}. */
    private void readNext(long notBefore) {
        while (source != null) {
            boolean more;
            try {
                more = source.advance();
            } catch (UncheckedIOException | MarketDataFormatException e) {
                readError = e;
                more = false;
            }
            if (more) {
                TradeTick t = (TradeTick) source.current();
                if (t.price() <= 0 || t.qty() <= 0) {
                    continue;
                }
                if (!passStarted) {
                    passStarted = true;
                    passFirstNanos = t.exchangeTimeNanos();
                }
                passTrades++;
                long mapped = passStartMillis + (long) Math.floor((t.exchangeTimeNanos() - passFirstNanos) / nanosPerSimMilli);
                lastMappedMillis = mapped;
                pendingMillis = mapped;
                pendingPrice = t.price();
                pendingQty = t.qty();
                pendingAggressor = t.aggressor() != null ? t.aggressor() : t.price() >= last ? Side.BUY : Side.SELL;
                return;
            }
            source.close();
            source = null;
            if (spec.loop() && passTrades > 0 && readError == null) {
                source = open();
                passStarted = false;
                passTrades = 0;
                passStartMillis = Math.max(lastMappedMillis + 1, notBefore);
            }
        }
        pendingMillis = NO_EVENT;
    }

    /** Prints one recorded trade (see the class comment). */
    private void trade(long price, long qty, Side aggressor) {
        Side maker = aggressor.opposite();
        long ownAtPrice = 0;
        int ownOrdersAtPrice = 0;
        for (int i = idCount - 1; i >= 0; i--) {
            RestingOrder o = book.order(ids[i]);
            if (o == null) {
                removeId(i);
            } else if (o.side == maker ? better(maker, o.price, price) : !better(aggressor, price, o.price)) {
                exchange.syntheticCancel(market, o.orderId);
                removeId(i);
            } else if (o.side == maker && o.price == price) {
                ownAtPrice += o.openQty;
                ownOrdersAtPrice++;
            }
        }
        // With no user order at the price, the recorded trade prints as one trade against one order:
        // the replay's own orders there are merged into one large enough.
        boolean usersAtPrice = book.quantityAt(maker, price) > ownAtPrice;
        long merged = 0;
        if (!usersAtPrice && ownOrdersAtPrice > 0 && (ownOrdersAtPrice > 1 || ownAtPrice < qty)) {
            for (int i = idCount - 1; i >= 0; i--) {
                RestingOrder o = book.order(ids[i]);
                if (o.side == maker && o.price == price) {
                    exchange.syntheticCancel(market, o.orderId);
                    removeId(i);
                }
            }
            merged = ownAtPrice;
        }
        long rest = qty;
        if (book.wouldCross(maker, price)) {
            // only users' orders are left at or through the price: the tape passes through them
            rest -= exchange.syntheticTake(market, maker, price, rest);
        }
        if (rest > 0) {
            long available = book.simulate(aggressor, price, rest, LimitOrderBook.UNLIMITED, 0,
                    SelfTradePreventionMode.NONE).executedQty();
            if (available < rest || merged > 0) {
                place(maker, price, Math.max(rest, merged));
            }
            exchange.syntheticTake(market, aggressor, price, rest);
        }
        last = price;
    }

    /** Keeps {@code levels} one-tick levels on each side of the last price; cancels orders far from it. */
    private void maintain() {
        long far = 3L * levels * tick;
        for (int i = idCount - 1; i >= 0; i--) {
            RestingOrder o = book.order(ids[i]);
            if (o == null) {
                removeId(i);
            } else if (Math.abs(o.price - last) > far) {
                exchange.syntheticCancel(market, o.orderId);
                removeId(i);
            }
        }
        long qty = levelQty();
        for (int k = 1; k <= levels; k++) {
            long bid = last - k * tick;
            if (book.quantityAt(Side.BUY, bid) == 0) {
                place(Side.BUY, bid, qty);
            }
            long ask = last + k * tick;
            if (book.quantityAt(Side.SELL, ask) == 0) {
                place(Side.SELL, ask, qty);
            }
        }
    }

    private void place(Side side, long price, long qty) {
        if (price < minPrice || price > maxPrice || qty <= 0 || book.wouldCross(side, price)) {
            return;
        }
        long id = exchange.syntheticLimit(market, side, price, qty);
        if (idCount == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[idCount++] = id;
    }

    /** A resting size worth about the level notional at the last price, valid for the lot and notional filters. */
    private long levelQty() {
        long step = instrument.stepSize();
        double q = levelNotional / instrument.priceToDouble(last);
        long raw = (long) (q * Math.pow(10, instrument.qtyScale()));
        raw = Math.max(instrument.minQty(), Math.min(instrument.maxQty(), raw - raw % step));
        for (int i = 0; i < 64 && instrument.checkNotional(last, raw) != null && raw < instrument.maxQty(); i++) {
            raw = Math.min(instrument.maxQty(), raw * 2 - raw % step);
        }
        return Math.max(step, raw - raw % step);
    }

    /** True when {@code a} is a strictly better price than {@code b} for an order of {@code side}. */
    private static boolean better(Side side, long a, long b) {
        return side == Side.BUY ? a > b : a < b;
    }

    private void removeId(int i) {
        ids[i] = ids[--idCount];
    }
}
