package io.ttquant.sim.market;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * One symbol's market: its book, the trades it printed (the last {@code tradeHistory} trades and
 * aggregate trades, ids contiguous from 1), 1-second and 1-minute bars from which klines of every
 * Binance interval and the rolling 24-hour ticker are built, and the users' stop orders waiting
 * for the last trade price. The queries here answer Binance's market-data endpoints with Binance's
 * selection rules.
 *
 * <p>Single-threaded: every method runs on the engine thread ({@link SimExchange} changes it;
 * the transport reads it between operations). Never performs I/O.
 */
public final class SymbolMarket {
    /** Binance's aggTrades rule: a startTime/endTime window may span at most one hour. */
    public static final long AGG_TRADES_MAX_WINDOW_MS = 3_600_000L;
    static final long DAY_MS = 86_400_000L;
    private static final long FIVE_MIN_MS = 300_000L;

    private final String symbol;
    private final Instrument instrument;
    private final LimitOrderBook book;
    private final LongSupplier clock;
    private final long marketMaxQty;
    private final int maxNumOrders;
    private final int maxNumAlgoOrders;
    private final SelfTradePreventionMode defaultStpMode;
    private final long referencePrice;

    private final SimTrade[] tradeRing;
    private long lastTradeId;
    private final SimAggTrade[] aggRing;
    private long lastAggId;
    private final BarSeries seconds;
    private final BarSeries minutes;
    private long lastPrice;
    private long lastQty;
    private long nextOrderId = 1;

    // the aggregate trade being built: consecutive fills of one taker at one price
    private boolean aggOpen;
    private long aggTaker;
    private long aggPrice;
    private long aggQty;
    private long aggFirst;
    private long aggLast;
    private long aggTime;
    private boolean aggBuyerMaker;
    private SimAggTrade completed;

    // users' stop orders waiting for the last price: rising triggers fire at last >= stop, falling at last <= stop
    final TreeSet<SimOrder> risingStops = new TreeSet<>((a, b) -> a.stopPrice != b.stopPrice
            ? Long.compare(a.stopPrice, b.stopPrice) : Long.compare(a.orderId, b.orderId));
    final TreeSet<SimOrder> fallingStops = new TreeSet<>((a, b) -> a.stopPrice != b.stopPrice
            ? Long.compare(b.stopPrice, a.stopPrice) : Long.compare(a.orderId, b.orderId));
    long opLowPrice;
    long opHighPrice;
    /** Whether the current exchange operation touched this market (see SimExchange#touch). */
    boolean touchedInOp;
    /** Best bid, bid qty, ask, ask qty last announced by a bookTicker event. */
    final long[] lastTicker = new long[4];

    SymbolMarket(Instrument instrument, long referencePrice, LongSupplier clock, int tradeHistory, long marketMaxQty,
                 int maxNumOrders, int maxNumAlgoOrders, SelfTradePreventionMode defaultStpMode, long startMillis) {
        this.symbol = instrument.symbol();
        this.instrument = instrument;
        this.book = new LimitOrderBook(instrument);
        this.clock = clock;
        this.referencePrice = referencePrice;
        this.marketMaxQty = marketMaxQty;
        this.maxNumOrders = maxNumOrders;
        this.maxNumAlgoOrders = maxNumAlgoOrders;
        this.defaultStpMode = defaultStpMode;
        this.tradeRing = new SimTrade[tradeHistory];
        this.aggRing = new SimAggTrade[tradeHistory];
        this.seconds = new BarSeries(1_000L, (int) (DAY_MS / 1_000L) + 600);
        this.minutes = new BarSeries(60_000L, 100_000);
        if (referencePrice > 0) {
            seconds.start(startMillis, referencePrice);
            minutes.start(startMillis, referencePrice);
        }
    }

    public String symbol() {
        return symbol;
    }

    public Instrument instrument() {
        return instrument;
    }

    public LimitOrderBook book() {
        return book;
    }

    /** The book's update id: Binance's depth {@code lastUpdateId} and the bookTicker {@code u}. */
    public long lastUpdateId() {
        return book.lastUpdateId();
    }

    /** The price the synthetic flow started from (0 when none was configured). */
    public long referencePrice() {
        return referencePrice;
    }

    /** MARKET_LOT_SIZE maxQty (raw); the instrument's LOT_SIZE maxQty unless configured lower. */
    public long marketMaxQty() {
        return marketMaxQty;
    }

    /** MAX_NUM_ORDERS: open orders per account on this symbol. */
    public int maxNumOrders() {
        return maxNumOrders;
    }

    /** MAX_NUM_ALGO_ORDERS: untriggered stop orders per account on this symbol. */
    public int maxNumAlgoOrders() {
        return maxNumAlgoOrders;
    }

    /** The STP mode of an order that names none (exchangeInfo's defaultSelfTradePreventionMode). */
    public SelfTradePreventionMode defaultSelfTradePreventionMode() {
        return defaultStpMode;
    }

    public long bestBid() {
        return book.bestBid();
    }

    public long bestBidQty() {
        return book.bestBidQty();
    }

    public long bestAsk() {
        return book.bestAsk();
    }

    public long bestAskQty() {
        return book.bestAskQty();
    }

    /** Last trade price, 0 before the first trade. */
    public long lastPrice() {
        return lastPrice;
    }

    public long lastQty() {
        return lastQty;
    }

    /** Id of the last trade, 0 before the first. */
    public long lastTradeId() {
        return lastTradeId;
    }

    public long lastAggTradeId() {
        return lastAggId;
    }

    /** The top {@code limit} levels per side and the update id they reflect. */
    public DepthSnapshot depth(int limit) {
        return book.snapshot(limit);
    }

    /** Book changes since the previous drain, or null when nothing changed (see {@link DepthDiff}). */
    public DepthDiff drainDepthDiff(long eventTimeMillis) {
        return book.drainDepthDiff(eventTimeMillis);
    }

    // ---- trades ----

    /** The most recent {@code limit} trades, oldest first. */
    public List<SimTrade> recentTrades(int limit) {
        long first = Math.max(firstKeptTradeId(), lastTradeId - Math.max(limit, 0) + 1);
        return tradesFrom(first, limit);
    }

    /**
     * Trades from {@code fromId} on (or the most recent when null), oldest first, at most
     * {@code limit}: {@code /api/v3/historicalTrades}. Trades older than the kept history are gone.
     */
    public List<SimTrade> historicalTrades(Long fromId, int limit) {
        if (fromId == null) {
            return recentTrades(limit);
        }
        return tradesFrom(Math.max(fromId, firstKeptTradeId()), limit);
    }

    private long firstKeptTradeId() {
        return Math.max(1, lastTradeId - tradeRing.length + 1);
    }

    private List<SimTrade> tradesFrom(long first, int limit) {
        int n = (int) Math.max(0, Math.min(limit, lastTradeId - first + 1));
        List<SimTrade> out = new ArrayList<>(n);
        for (long id = first; id < first + n; id++) {
            out.add(tradeRing[(int) ((id - 1) % tradeRing.length)]);
        }
        return out;
    }

    // ---- aggregate trades ----

    /**
     * Binance's rules for {@code /api/v3/aggTrades} parameters: a startTime..endTime window longer
     * than one hour is refused (-1127). Null when the query is valid.
     */
    public static Rejection checkAggTradesQuery(Long fromId, Long startTime, Long endTime) {
        if (startTime != null && endTime != null) {
            if (endTime < startTime) {
                return ApiError.INVALID_PARAMETER.reject("endTime");
            }
            if (endTime - startTime > AGG_TRADES_MAX_WINDOW_MS) {
                return ApiError.MORE_THAN_XX_HOURS.reject("1");
            }
        }
        return null;
    }

    /**
     * Aggregate trades, oldest first, at most {@code limit}: from {@code fromId} when given;
     * otherwise within [startTime, endTime] (one of them alone means a one-hour window from or to
     * it); the most recent ones when nothing is given. With {@code fromId} and times, both apply.
     */
    public List<SimAggTrade> aggTrades(Long fromId, Long startTime, Long endTime, int limit) {
        long firstKept = Math.max(1, lastAggId - aggRing.length + 1);
        int max = Math.max(limit, 0);
        List<SimAggTrade> out = new ArrayList<>(Math.min(max, 1024));
        if (fromId == null && startTime == null && endTime == null) {
            for (long id = Math.max(firstKept, lastAggId - max + 1); id <= lastAggId; id++) {
                out.add(agg(id));
            }
            return out;
        }
        long from = startTime != null ? startTime : endTime != null ? endTime - AGG_TRADES_MAX_WINDOW_MS : Long.MIN_VALUE;
        long to = endTime != null ? endTime : startTime != null ? startTime + AGG_TRADES_MAX_WINDOW_MS : Long.MAX_VALUE;
        long id = fromId != null ? Math.max(fromId, firstKept) : firstAggAtOrAfter(from, firstKept);
        for (; id <= lastAggId && out.size() < max; id++) {
            SimAggTrade a = agg(id);
            if (a.timeMillis() > to) {
                break;
            }
            if (a.timeMillis() >= from) {
                out.add(a);
            }
        }
        return out;
    }

    private SimAggTrade agg(long id) {
        return aggRing[(int) ((id - 1) % aggRing.length)];
    }

    private long firstAggAtOrAfter(long time, long firstKept) {
        long lo = firstKept;
        long hi = lastAggId + 1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (agg(mid).timeMillis() < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---- klines ----

    /** -1120 unless {@code interval} is one of Binance's interval names. */
    public static Rejection checkKlinesQuery(String interval) {
        return KlineInterval.parse(interval) == null ? ApiError.BAD_INTERVAL.reject() : null;
    }

    /**
     * Klines of {@code interval} with Binance's selection: open time at or after startTime, at or
     * before endTime, at most {@code limit}; from startTime forward when it is given, otherwise
     * the latest ones (ending at endTime when given). The last kline may be the current, still
     * open one. {@code "1s"} klines cover the last 24 hours; the others the last 100,000 minutes.
     *
     * @throws IllegalArgumentException for an unknown interval (check with {@link #checkKlinesQuery})
     */
    public List<Kline> klines(String interval, Long startTime, Long endTime, int limit) {
        KlineInterval iv = KlineInterval.parse(interval);
        if (iv == null) {
            throw new IllegalArgumentException("unknown kline interval " + interval);
        }
        BarSeries bars = iv == KlineInterval.S1 ? seconds : minutes;
        List<Kline> out = new ArrayList<>();
        if (bars.isEmpty() || limit <= 0) {
            return out;
        }
        long firstOpen = iv.floor(bars.firstOpen());
        long lastOpen = iv.floor(bars.lastOpen());
        if (startTime != null) {
            long to = endTime == null ? lastOpen : Math.min(lastOpen, endTime);
            for (long open = Math.max(firstOpen, iv.ceil(startTime)); open <= to && out.size() < limit; open = iv.next(open)) {
                addKline(out, bars, iv, open);
            }
            return out;
        }
        long open = endTime == null ? lastOpen : Math.min(lastOpen, iv.floor(endTime));
        for (; open >= firstOpen && out.size() < limit; open = iv.previous(open)) {
            addKline(out, bars, iv, open);
        }
        Collections.reverse(out);
        return out;
    }

    private static void addKline(List<Kline> out, BarSeries bars, KlineInterval iv, long open) {
        long next = iv.next(open);
        int from = Math.max(0, bars.indexAt(open));
        int to = Math.min(bars.size() - 1, bars.indexAt(next - 1));
        if (to < from || to < 0) {
            return;
        }
        out.add(bars.aggregate(from, to, open, next - 1));
    }

    /** The current 1-minute kline, or null before the first trade when no start price was set. */
    public Kline currentKline1m() {
        if (minutes.isEmpty()) {
            return null;
        }
        int i = minutes.size() - 1;
        return minutes.aggregate(i, i, minutes.openTime(i), minutes.openTime(i) + 59_999L);
    }

    Kline minuteKline(int index) {
        return minutes.aggregate(index, index, minutes.openTime(index), minutes.openTime(index) + 59_999L);
    }

    // ---- tickers ----

    /**
     * Rolling 24-hour statistics at the engine's current time, from 1-second bars: the window is
     * the 86,400 seconds ending with the current one, so trades leave it on whole seconds.
     */
    public Ticker24h ticker24h() {
        long now = clock.getAsLong();
        long openTime = now - DAY_MS;
        long windowStart = Math.floorDiv(now, 1_000L) * 1_000L - (DAY_MS - 1_000L);
        long open = 0;
        long high = 0;
        long low = 0;
        long volume = 0;
        long quote = 0;
        long firstId = -1;
        long lastId = -1;
        long prevClose = 0;
        int from = Math.max(0, seconds.indexAt(windowStart));
        for (int i = from; i < seconds.size(); i++) {
            if (seconds.trades(i) == 0 || seconds.openTime(i) < windowStart) {
                continue;
            }
            if (firstId < 0) {
                open = seconds.open(i);
                high = seconds.high(i);
                low = seconds.low(i);
                firstId = seconds.firstTradeId(i);
                prevClose = i > 0 ? seconds.close(i - 1) : 0;
            } else {
                high = Math.max(high, seconds.high(i));
                low = Math.min(low, seconds.low(i));
            }
            lastId = seconds.lastTradeId(i);
            volume += seconds.volume(i);
            quote += seconds.quoteVolume(i);
        }
        if (firstId < 0) {
            open = lastPrice;
            high = lastPrice;
            low = lastPrice;
            prevClose = lastPrice;
        }
        long change = firstId < 0 ? 0 : lastPrice - open;
        BigDecimal percent = open == 0 ? BigDecimal.ZERO.setScale(3)
                : BigDecimal.valueOf(change).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(open), 3, RoundingMode.HALF_UP);
        long weighted = volume == 0 ? 0 : Fixed.mulDiv(quote, Fixed.pow10(instrument.qtyScale()), volume);
        return new Ticker24h(symbol, change, percent, weighted, prevClose, lastPrice, lastQty,
                book.bestBid(), book.bestBidQty(), book.bestAsk(), book.bestAskQty(), open, high, low, volume, quote,
                openTime, now, firstId, lastId, firstId < 0 ? 0 : lastId - firstId + 1);
    }

    /**
     * Binance's {@code avgPrice}: volume-weighted price of the last 5 minutes at the cash scale
     * (10^-8); the last price when no trade happened in them (0 before any trade).
     */
    public long avgPrice5m() {
        long now = clock.getAsLong();
        long windowStart = now - FIVE_MIN_MS;
        long volume = 0;
        long quote = 0;
        for (int i = Math.max(0, seconds.indexAt(windowStart)); i < seconds.size(); i++) {
            volume += seconds.volume(i);
            quote += seconds.quoteVolume(i);
        }
        if (volume == 0) {
            return Fixed.rescale(lastPrice, instrument.priceScale(), Fixed.CASH_SCALE);
        }
        return Fixed.mulDiv(quote, Fixed.pow10(instrument.qtyScale()), volume);
    }

    // ---- engine side ----

    long nextOrderId() {
        return nextOrderId++;
    }

    void setMinuteListener(BarSeries.ClosedBarListener l) {
        minutes.setListener(l);
    }

    /** Brings the bars to {@code now} (closing finished bars). */
    void rollTo(long now) {
        seconds.rollTo(now);
        minutes.rollTo(now);
    }

    /**
     * Prints a trade and returns it; when it starts a new aggregate trade, the previous one is
     * complete and returned through {@link #takeCompletedAgg()}.
     */
    SimTrade recordTrade(long price, long qty, long quote, long time, boolean buyerMaker, long takerKey) {
        long id = ++lastTradeId;
        SimTrade t = new SimTrade(id, price, qty, quote, time, buyerMaker);
        tradeRing[(int) ((id - 1) % tradeRing.length)] = t;
        lastPrice = price;
        lastQty = qty;
        opLowPrice = opLowPrice == 0 ? price : Math.min(opLowPrice, price);
        opHighPrice = Math.max(opHighPrice, price);
        seconds.addTrade(time, price, qty, quote, id, !buyerMaker);
        minutes.addTrade(time, price, qty, quote, id, !buyerMaker);
        if (aggOpen && aggTaker == takerKey && aggPrice == price) {
            aggQty += qty;
            aggLast = id;
        } else {
            completed = flushAgg();
            aggOpen = true;
            aggTaker = takerKey;
            aggPrice = price;
            aggQty = qty;
            aggFirst = id;
            aggLast = id;
            aggTime = time;
            aggBuyerMaker = buyerMaker;
        }
        return t;
    }

    /** The aggregate trade completed by the last {@link #recordTrade}, once; else null. */
    SimAggTrade takeCompletedAgg() {
        SimAggTrade c = completed;
        completed = null;
        return c;
    }

    /** Completes the aggregate trade being built (the taker finished); null when none. */
    SimAggTrade flushAgg() {
        if (!aggOpen) {
            return null;
        }
        aggOpen = false;
        long id = ++lastAggId;
        SimAggTrade a = new SimAggTrade(id, aggPrice, aggQty, aggFirst, aggLast, aggTime, aggBuyerMaker);
        aggRing[(int) ((id - 1) % aggRing.length)] = a;
        return a;
    }

    void validateInternalState() {
        book.validateInternalState();
        for (long id = firstKeptTradeId(); id <= lastTradeId; id++) {
            SimTrade t = tradeRing[(int) ((id - 1) % tradeRing.length)];
            if (t.id() != id) {
                throw new IllegalStateException(symbol + ": trade ring holds " + t.id() + " at " + id);
            }
            if (id > firstKeptTradeId() && t.timeMillis() < tradeRing[(int) ((id - 2) % tradeRing.length)].timeMillis()) {
                throw new IllegalStateException(symbol + ": trade " + id + " earlier than its predecessor");
            }
        }
        for (SimOrder o : risingStops) {
            if (!o.isOpen() || o.working) {
                throw new IllegalStateException(symbol + ": stale stop " + o);
            }
        }
        for (SimOrder o : fallingStops) {
            if (!o.isOpen() || o.working) {
                throw new IllegalStateException(symbol + ": stale stop " + o);
            }
        }
    }

    /** True when a stop of {@code side} and {@code type} fires as the price rises to its stop price. */
    static boolean triggersRising(Side side, OrderType type) {
        boolean stopLoss = type == OrderType.STOP_LOSS || type == OrderType.STOP_LOSS_LIMIT;
        return stopLoss == (side == Side.BUY);
    }

    @Override
    public String toString() {
        return "SymbolMarket[" + symbol + "]";
    }
}
