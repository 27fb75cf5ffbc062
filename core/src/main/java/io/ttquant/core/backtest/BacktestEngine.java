package io.ttquant.core.backtest;

import io.ttquant.core.analytics.EquityCurve;
import io.ttquant.core.analytics.PerformanceAnalyzer;
import io.ttquant.core.analytics.PerformanceReport;
import io.ttquant.core.analytics.RoundTrip;
import io.ttquant.core.data.EventMerger;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.engine.OrderIdSource;
import io.ttquant.core.engine.StrategyHost;
import io.ttquant.core.engine.TimerService;
import io.ttquant.core.exchange.SimulatedExchange;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.portfolio.Position;
import io.ttquant.core.strategy.Strategy;
import io.ttquant.core.time.SimulatedClock;
import io.ttquant.core.venue.ExecutionListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The event-driven backtester: merges the data sources in time order, advances a simulated clock
 * with them, feeds each event first to the simulated exchange (so resting orders meet the market
 * before any strategy reacts to it) and then to every strategy, and books the exchange's reports
 * into each strategy's portfolio. Reports are queued and delivered between callbacks, never inside
 * one. Every strategy has its own portfolio and shares the one exchange and market.
 *
 * <p>One thread, one run; the engine is not reusable. In the steady state (events without orders)
 * it allocates nothing.
 */
public final class BacktestEngine implements ExecutionListener, TimerService {
    private final BacktestConfig config;
    private final SimulatedClock clock = new SimulatedClock(Long.MIN_VALUE);
    private final SimulatedExchange exchange;
    private final StrategyHost[] hosts;
    private final Strategy[] strategies;
    private final Run[] runs;
    private final Map<String, Run> runById = new HashMap<>();
    private final Instrument primary;
    private Report[] queue = new Report[256];
    private int queueHead;
    private int queueTail;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerSeq;
    private boolean draining;
    private long primaryPrice;
    /** Receives the strategy hosts' own pre-trade rejections, already applied to the strategy's order. */
    private final ExecutionListener localRejections = new ExecutionListener() {
        @Override
        public void onOrderUpdate(Order order) {
            enqueue(order, null, true);
        }

        @Override
        public void onFill(Order order, Fill fill) {
            throw new IllegalStateException("a pre-trade check cannot fill " + order);
        }
    };

    public BacktestEngine(BacktestConfig config) {
        this.config = config;
        this.exchange = new SimulatedExchange(config.exchange(), clock, this);
        this.exchange.setFundsCheck(this::affordableQty);
        for (Instrument i : config.instruments()) {
            exchange.addInstrument(i);
        }
        this.primary = config.instruments().get(0);
        int n = config.strategies().size();
        this.hosts = new StrategyHost[n];
        this.strategies = new Strategy[n];
        this.runs = new Run[n];
        OrderIdSource ids = new OrderIdSource(1);
        for (int k = 0; k < n; k++) {
            BacktestConfig.StrategySetup setup = config.strategies().get(k);
            Portfolio portfolio = new Portfolio(config.valuationAsset(), config.marketBufferPpm());
            for (Map.Entry<String, Long> e : config.initialBalances().entrySet()) {
                portfolio.deposit(e.getKey(), e.getValue());
            }
            hosts[k] = new StrategyHost(setup.id(), setup.strategy(), portfolio, exchange, clock, config.instruments(), ids,
                    this, localRejections, config.exchange().takerFeePpm());
            strategies[k] = setup.strategy();
            runs[k] = new Run(setup, hosts[k], new SampledSeries(config.sampleIntervalNanos(), config.seriesCapacity()));
            runById.put(setup.id(), runs[k]);
        }
    }

    /**
     * Runs the backtest to the end of the data and closes the sources, also when it fails. Strategy
     * errors and bad data propagate as they are.
     */
    public BacktestResult run() {
        try {
            return runToEnd();
        } finally {
            for (MarketDataSource s : config.sources()) {
                s.close();
            }
        }
    }

    private BacktestResult runToEnd() {
        EventMerger merger = new EventMerger(config.sources());
        long events = 0;
        long bars = 0;
        long trades = 0;
        long quotes = 0;
        long books = 0;
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        ProgressListener progress = config.progress();
        long progressStep = config.progressEveryEvents();
        boolean started = false;
        MarketEvent e;
        while ((e = merger.next()) != null) {
            long t = e.timeNanos();
            if (!started) {
                started = true;
                first = t;
                clock.advanceTo(t);
                startStrategies(t);
            }
            runDueUpTo(t);
            clock.advanceTo(t);
            exchange.onMarketEvent(e);
            settle();
            Instrument ins = e.instrument();
            switch (e.kind()) {
                case BAR: {
                    Bar bar = (Bar) e;
                    bars++;
                    mark(ins, bar.close());
                    for (int k = 0; k < strategies.length; k++) {
                        strategies[k].onBar(bar);
                        settle();
                    }
                    break;
                }
                case TRADE: {
                    TradeTick tick = (TradeTick) e;
                    trades++;
                    mark(ins, tick.price());
                    for (int k = 0; k < strategies.length; k++) {
                        strategies[k].onTrade(tick);
                        settle();
                    }
                    break;
                }
                case QUOTE: {
                    QuoteTick q = (QuoteTick) e;
                    quotes++;
                    if (q.bidPrice() > 0 && q.askPrice() > 0) {
                        mark(ins, (q.bidPrice() + q.askPrice()) / 2);
                    }
                    for (int k = 0; k < strategies.length; k++) {
                        strategies[k].onQuote(q);
                        settle();
                    }
                    break;
                }
                case BOOK: {
                    BookUpdate u = (BookUpdate) e;
                    books++;
                    long bid = exchange.bestBid(ins);
                    long ask = exchange.bestAsk(ins);
                    if (bid > 0 && ask > 0) {
                        mark(ins, (bid + ask) / 2);
                    }
                    for (int k = 0; k < strategies.length; k++) {
                        strategies[k].onBook(u, exchange.book(ins));
                        settle();
                    }
                    break;
                }
                default:
                    throw new IllegalStateException("unknown event kind " + e.kind());
            }
            sample(t, false);
            last = t;
            events++;
            if (progress != null && events % progressStep == 0) {
                progress.onProgress(events, t);
            }
        }
        if (started) {
            finish(last);
        }
        long skipped = 0;
        for (MarketDataSource s : config.sources()) {
            skipped += s.skippedRows();
        }
        return new BacktestResult(events, bars, trades, quotes, books, first, last, skipped, results());
    }

    private void startStrategies(long t) {
        for (int k = 0; k < hosts.length; k++) {
            Run r = runs[k];
            r.initialEquity = r.host.portfolioState().equity();
            strategies[k].onStart(hosts[k]);
            settle();
        }
        sample(t, true);
    }

    /** Fires timers and exchange arrivals due before or at {@code t}, each at its own time. */
    private void runDueUpTo(long t) {
        while (true) {
            long nextArrival = exchange.nextEventTime();
            Timer timer = timers.peek();
            long nextTimer = timer == null ? Long.MAX_VALUE : timer.at;
            long next = Math.min(nextArrival, nextTimer);
            if (next > t || next == Long.MAX_VALUE) {
                return;
            }
            clock.advanceTo(Math.max(next, clock.nanos()));
            if (nextArrival <= nextTimer) {
                exchange.advanceTo(next);
                drain();
            } else {
                timers.poll();
                exchange.advanceTo(next);
                drain();
                timer.host.strategy().onTimer(timer.id, clock.nanos());
                settle();
            }
        }
    }

    private void finish(long last) {
        runDueUpTo(last);
        for (int k = 0; k < hosts.length; k++) {
            strategies[k].onStop();
            settle();
            hosts[k].stop();
        }
        // Orders still working at the end of the data expire: a backtest never leaves them pending.
        exchange.expireAll(RejectReason.END_OF_DATA);
        drain();
        sample(last, true);
    }

    private void mark(Instrument ins, long price) {
        if (ins == primary) {
            primaryPrice = price;
        }
        for (int k = 0; k < runs.length; k++) {
            runs[k].host.portfolioState().mark(ins, price);
        }
    }

    private void sample(long t, boolean force) {
        for (int k = 0; k < runs.length; k++) {
            SampledSeries s = runs[k].series;
            if (force || s.due(t)) {
                Portfolio p = runs[k].host.portfolioState();
                long equity = p.equity();
                double eq = Fixed.toDouble(equity, Fixed.CASH_SCALE);
                double exposure = equity > 0 ? Fixed.toDouble(p.grossExposure(), Fixed.CASH_SCALE) / eq : 0;
                s.add(t, eq, exposure, primary.priceToDouble(primaryPrice));
            }
        }
    }

    private List<StrategyResult> results() {
        List<StrategyResult> out = new ArrayList<>(runs.length);
        for (Run r : runs) {
            Portfolio p = r.host.portfolioState();
            EquityCurve curve = new EquityCurve(Math.max(16, r.series.size()));
            for (int i = 0; i < r.series.size(); i++) {
                curve.append(r.series.time(i), r.series.equity(i), r.series.exposure(i));
            }
            double initial = Fixed.toDouble(r.initialEquity, Fixed.CASH_SCALE);
            PerformanceReport report = initial > 0
                    ? PerformanceAnalyzer.analyze(curve, r.roundTrips, initial,
                    Fixed.toDouble(p.totalFeesInValuation(), Fixed.CASH_SCALE),
                    Fixed.toDouble(r.tradedNotional, Fixed.CASH_SCALE))
                    : null;
            out.add(new StrategyResult(r.setup.id(), r.setup.name(), p, r.initialEquity, p.equity(), r.tradedNotional,
                    r.host.allOrders(), r.fills, r.roundTrips, r.series, report));
        }
        return out;
    }

    // ---- reports from the exchange (queued, then delivered between callbacks) ----

    @Override
    public void onOrderUpdate(Order order) {
        enqueue(order, null, false);
    }

    @Override
    public void onFill(Order order, Fill fill) {
        enqueue(order, fill, false);
    }

    private void enqueue(Order order, Fill fill, boolean local) {
        int size = queueTail - queueHead;
        if (queueTail == queue.length) {
            if (size < queue.length / 2) {
                // Swap, not copy: each reusable report object must stay in exactly one slot, or a
                // later enqueue would overwrite a report still waiting (the ranges cannot overlap:
                // queueHead = length - size > size).
                for (int i = 0; i < size; i++) {
                    Report waiting = queue[queueHead + i];
                    queue[queueHead + i] = queue[i];
                    queue[i] = waiting;
                }
            } else {
                Report[] bigger = new Report[queue.length * 2];
                System.arraycopy(queue, queueHead, bigger, 0, size);
                queue = bigger;
            }
            queueHead = 0;
            queueTail = size;
        }
        Report r = queue[queueTail];
        if (r == null) {
            r = new Report();
            queue[queueTail] = r;
        }
        r.order = order;
        r.fill = fill;
        r.status = order.status();
        r.reason = order.reason();
        r.time = order.updatedNanos();
        r.triggered = order.isTriggered();
        r.local = local;
        queueTail++;
    }

    /**
     * Lets the exchange process what strategies just sent (zero-latency orders arrive now) and
     * delivers the resulting reports, until nothing more is due at this time.
     */
    private void settle() {
        while (true) {
            exchange.advanceTo(clock.nanos());
            if (queueHead == queueTail) {
                return;
            }
            drain();
        }
    }

    /** Delivers queued reports; reports caused while delivering are delivered in the same loop. */
    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (queueHead < queueTail) {
                Report r = queue[queueHead++];
                Order reported = r.order;
                Fill fill = r.fill;
                r.order = null;
                r.fill = null;
                Run run = runById.get(reported.strategyId());
                Order own = r.local ? reported : run.host.ownOrder(reported.orderId());
                if (own == null) {
                    throw new IllegalStateException("report for an order the strategy does not know: " + reported);
                }
                if (fill != null) {
                    own.fill(fill.qty(), fill.price(), fill.fee(), fill.timeNanos());
                    run.book(own, fill);
                    run.host.strategy().onFill(fill);
                } else {
                    if (!r.local) {
                        apply(own, r);
                    }
                    if (own.status().isTerminal()) {
                        run.host.orderClosed(own);
                    }
                    run.host.strategy().onOrderUpdate(own);
                }
            }
            queueHead = 0;
            queueTail = 0;
        } finally {
            draining = false;
        }
    }

    /**
     * What the owner of a market buy can pay for now: its free quote balance plus what the order
     * still has locked, less the cost of buys already filled but not yet booked (conservative:
     * unbooked sells are not counted as income).
     */
    private long affordableQty(Order order, long price, long qty) {
        Run run = runById.get(order.strategyId());
        Portfolio p = run.host.portfolioState();
        Instrument ins = order.instrument();
        String quote = ins.quoteAsset();
        long available = p.free(quote) + p.reservedFor(order.orderId());
        for (int i = queueHead; i < queueTail; i++) {
            Report r = queue[i];
            if (r.fill != null && r.fill.side() == Side.BUY
                    && r.order.strategyId().equals(order.strategyId()) && r.fill.feeAsset().equals(quote)) {
                available -= r.fill.notional() + r.fill.fee();
            }
        }
        long feePpm = config.exchange().takerFeePpm();
        if (cost(ins, price, qty, feePpm) <= available) {
            return qty;
        }
        if (available <= 0) {
            return 0;
        }
        long budget = Fixed.mulDiv(available, 1_000_000L, 1_000_000L + feePpm);
        int shift = ins.priceScale() + ins.qtyScale() - Fixed.CASH_SCALE;
        long q = shift >= 0 ? Fixed.mulDiv(budget, Fixed.pow10(shift), price) : budget / Math.multiplyExact(price, Fixed.pow10(-shift));
        q = ins.floorToStep(Math.min(q, qty));
        while (q > 0 && cost(ins, price, q, feePpm) > available) {
            q -= ins.stepSize();
        }
        return Math.max(q, 0);
    }

    private static long cost(Instrument ins, long price, long qty, long feePpm) {
        long notional = ins.notional(price, qty);
        return notional + Fixed.feePpm(notional, feePpm);
    }

    /** Applies a venue status report to the strategy's copy of the order (fills were applied with their fill). */
    private static void apply(Order own, Report r) {
        switch (r.status) {
            case ACCEPTED:
            case PARTIALLY_FILLED:
            case FILLED:
                if (own.status() == OrderStatus.NEW) {
                    own.accept(r.time);
                }
                if (r.triggered && !own.isTriggered()) {
                    own.trigger(r.time);
                }
                break;
            case CANCELED:
                own.cancel(r.time);
                break;
            case EXPIRED:
                own.expire(r.reason, r.time);
                break;
            case REJECTED:
                own.reject(r.reason, r.time);
                break;
            default:
                throw new IllegalStateException("venue reported " + r.status + " for " + own);
        }
        if (own.status() != r.status) {
            throw new IllegalStateException("order " + own.orderId() + " is " + own.status() + " but the venue reported " + r.status);
        }
    }

    @Override
    public long schedule(StrategyHost host, long atNanos) {
        long id = ++timerSeq;
        timers.add(new Timer(Math.max(atNanos, clock.nanos()), id, host));
        return id;
    }

    /** One queued report. */
    private static final class Report {
        Order order;
        Fill fill;
        OrderStatus status;
        RejectReason reason;
        long time;
        boolean triggered;
        boolean local;
    }

    /** A strategy timer. */
    private static final class Timer implements Comparable<Timer> {
        final long at;
        final long id;
        final StrategyHost host;

        Timer(long at, long id, StrategyHost host) {
            this.at = at;
            this.id = id;
            this.host = host;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    /** One strategy's bookkeeping in this run. */
    private static final class Run {
        final BacktestConfig.StrategySetup setup;
        final StrategyHost host;
        final SampledSeries series;
        final List<Fill> fills = new ArrayList<>();
        final List<RoundTrip> roundTrips = new ArrayList<>();
        final Map<Instrument, RoundTripTracker> trackers = new HashMap<>();
        long initialEquity;
        long tradedNotional;

        Run(BacktestConfig.StrategySetup setup, StrategyHost host, SampledSeries series) {
            this.setup = setup;
            this.host = host;
            this.series = series;
        }

        void book(Order order, Fill fill) {
            Portfolio p = host.portfolioState();
            Position position = p.position(fill.instrument());
            long before = position.netQty();
            long realized = p.applyFill(order, fill);
            tradedNotional = Math.addExact(tradedNotional, fill.notional());
            fills.add(fill);
            trackers.computeIfAbsent(fill.instrument(), RoundTripTracker::new).onFill(fill, before, realized, roundTrips);
        }
    }
}
