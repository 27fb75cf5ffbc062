package io.ttquant.core.exchange;

import io.ttquant.core.venue.ExecutionListener;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.time.SimulatedClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives a {@link SimulatedExchange} in tests with an injected clock, and is its listener: every
 * callback is checked against the order state machine (legal transitions only, a fill always
 * followed by the update of its resulting status, one trigger per stop, non-decreasing times per
 * order), and {@link SimulatedExchange#validateInternalState()} runs after every step.
 */
final class ExchangeHarness implements ExecutionListener {
    static final long MS = 1_000_000L;
    static final long MINUTE = 60_000 * MS;
    static final long T0 = 1_700_000_000_000L * MS;
    static final Instrument BTC = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.001").build();

    final SimulatedClock clock = new SimulatedClock(T0);
    final SimulatedExchange ex;
    final List<Fill> fills = new ArrayList<>();
    private final Map<Long, List<String>> events = new HashMap<>();
    private final Map<Long, OrderStatus> lastStatus = new HashMap<>();
    private final Map<Long, Long> lastTime = new HashMap<>();
    private final Map<Long, Long> filledSeen = new HashMap<>();
    private final Set<Long> triggered = new HashSet<>();
    private Long awaitingUpdateAfterFill;
    private long nextOrderId = 1;
    private long nextTradeId = 1;
    private final QuoteTick quote = new QuoteTick();
    private final TradeTick trade = new TradeTick();
    private final Bar bar = new Bar();
    private final BookUpdate book = new BookUpdate();

    ExchangeHarness(ExchangeConfig config) {
        ex = new SimulatedExchange(config, clock, this);
        ex.addInstrument(BTC);
    }

    ExchangeHarness(ExchangeConfig.Builder config) {
        this(config.build());
    }

    static ExchangeConfig.Builder config() {
        return ExchangeConfig.builder().makerFeePpm(0).takerFeePpm(0);
    }

    // ---------------------------------------------------------------- orders

    Order order(Side side, OrderType type, TimeInForce tif, String qty, String price, String stop) {
        Order o = new Order(nextOrderId, "c" + nextOrderId, "s1", BTC, side, type, tif, BTC.qty(qty),
                price == null ? 0 : BTC.price(price), stop == null ? 0 : BTC.price(stop), false, clock.nanos());
        nextOrderId++;
        return o;
    }

    Order market(Side side, String qty) {
        return order(side, OrderType.MARKET, TimeInForce.GTC, qty, null, null);
    }

    Order market(Side side, String qty, TimeInForce tif) {
        return order(side, OrderType.MARKET, tif, qty, null, null);
    }

    Order limit(Side side, String qty, String price) {
        return order(side, OrderType.LIMIT, TimeInForce.GTC, qty, price, null);
    }

    Order limit(Side side, String qty, String price, TimeInForce tif) {
        return order(side, OrderType.LIMIT, tif, qty, price, null);
    }

    Order stopMarket(Side side, String qty, String stop) {
        return order(side, OrderType.STOP_MARKET, TimeInForce.GTC, qty, null, stop);
    }

    Order stopLimit(Side side, String qty, String stop, String price) {
        return order(side, OrderType.STOP_LIMIT, TimeInForce.GTC, qty, price, stop);
    }

    /** Sends the order at time t; with zero latency it is processed at once. */
    Order submit(long t, Order o) {
        clock.advanceTo(t);
        ex.submit(o);
        ex.validateInternalState();
        return o;
    }

    /** Sends and immediately processes everything due at t (zero-latency convenience). */
    Order place(long t, Order o) {
        submit(t, o);
        advance(t);
        return o;
    }

    boolean cancel(long t, Order o) {
        clock.advanceTo(t);
        boolean sent = ex.cancel(o);
        ex.validateInternalState();
        return sent;
    }

    void advance(long t) {
        clock.advanceTo(Math.max(clock.nanos(), t));
        ex.advanceTo(t);
        ex.validateInternalState();
    }

    // ---------------------------------------------------------------- market data

    void quote(long t, String bid, String bidQty, String ask, String askQty) {
        clock.advanceTo(Math.max(clock.nanos(), t));
        ex.onMarketEvent(quote.set(BTC, t, t, BTC.price(bid), BTC.qty(bidQty), BTC.price(ask), BTC.qty(askQty)));
        ex.validateInternalState();
    }

    void trade(long t, String price, String qty, Side aggressor) {
        clock.advanceTo(Math.max(clock.nanos(), t));
        ex.onMarketEvent(trade.set(BTC, t, t, BTC.price(price), BTC.qty(qty), aggressor, nextTradeId++));
        ex.validateInternalState();
    }

    /** A bar [openTime, openTime + interval); its event time is the close. */
    void bar(long openTime, long interval, String open, String high, String low, String close, String volume) {
        clock.advanceTo(Math.max(clock.nanos(), openTime + interval));
        ex.onMarketEvent(bar.set(BTC, openTime, interval, BTC.price(open), BTC.price(high), BTC.price(low),
                BTC.price(close), BTC.qty(volume)));
        ex.validateInternalState();
    }

    /** Book event: levels as "price:qty" strings; a snapshot replaces the book. */
    void book(long t, boolean snapshot, String[] bids, String[] asks) {
        clock.advanceTo(Math.max(clock.nanos(), t));
        book.reset(BTC, t, t, snapshot, 0, 0);
        for (String level : bids) {
            String[] pq = level.split(":");
            book.addBid(BTC.price(pq[0]), BTC.qty(pq[1]));
        }
        for (String level : asks) {
            String[] pq = level.split(":");
            book.addAsk(BTC.price(pq[0]), BTC.qty(pq[1]));
        }
        ex.onMarketEvent(book);
        ex.validateInternalState();
    }

    // ---------------------------------------------------------------- observations

    /** The reports for one order, e.g. ACCEPTED, FILL 0.5@100 TAKER, PARTIALLY_FILLED, TRIGGERED. */
    List<String> events(Order o) {
        return events.getOrDefault(o.orderId(), List.of());
    }

    List<Fill> fills(Order o) {
        List<Fill> out = new ArrayList<>();
        for (Fill f : fills) {
            if (f.orderId() == o.orderId()) {
                out.add(f);
            }
        }
        return out;
    }

    static long px(String price) {
        return BTC.price(price);
    }

    static long qty(String qty) {
        return BTC.qty(qty);
    }

    // ---------------------------------------------------------------- listener with state-machine checks

    @Override
    public void onOrderUpdate(Order o) {
        long id = o.orderId();
        OrderStatus prev = lastStatus.getOrDefault(id, OrderStatus.NEW);
        OrderStatus cur = o.status();
        checkTime(o);
        if (awaitingUpdateAfterFill != null) {
            require(awaitingUpdateAfterFill == id, "update of another order between a fill and its update: " + o);
            require(cur == OrderStatus.PARTIALLY_FILLED || cur == OrderStatus.FILLED, "fill followed by status " + cur);
            awaitingUpdateAfterFill = null;
            log(id, cur.name());
        } else if (cur == prev && o.isTriggered() && !triggered.contains(id)) {
            triggered.add(id);
            log(id, "TRIGGERED");
        } else {
            require(prev.canMoveTo(cur) && cur != OrderStatus.PARTIALLY_FILLED && cur != OrderStatus.FILLED,
                    "illegal or unexplained transition " + prev + " -> " + cur + " for " + o);
            log(id, cur.name() + (o.reason() != null ? " " + o.reason() : ""));
        }
        lastStatus.put(id, cur);
    }

    @Override
    public void onFill(Order o, Fill f) {
        long id = o.orderId();
        require(awaitingUpdateAfterFill == null, "two fills without an update between them");
        require(f.orderId() == id, "fill for another order id");
        OrderStatus prev = lastStatus.getOrDefault(id, OrderStatus.NEW);
        require(prev == OrderStatus.ACCEPTED || prev == OrderStatus.PARTIALLY_FILLED, "fill of an order that is " + prev);
        require(!o.type().hasStopPrice() || o.isTriggered(), "fill of an untriggered stop");
        long filled = filledSeen.getOrDefault(id, 0L) + f.qty();
        require(filled == o.filledQty(), "order's filled qty " + o.filledQty() + " != sum of fills " + filled);
        require(f.timeNanos() == o.updatedNanos(), "fill time differs from the order's update time");
        require(f.feeAsset().equals(BTC.quoteAsset()), "fee asset " + f.feeAsset());
        filledSeen.put(id, filled);
        checkTime(o);
        awaitingUpdateAfterFill = id;
        fills.add(f);
        log(id, "FILL " + BTC.formatQty(f.qty()) + "@" + BTC.formatPrice(f.price()) + " " + f.liquidity());
    }

    private void checkTime(Order o) {
        long prev = lastTime.getOrDefault(o.orderId(), Long.MIN_VALUE);
        require(o.updatedNanos() >= prev, "order time went back for " + o);
        lastTime.put(o.orderId(), o.updatedNanos());
    }

    private void log(long id, String what) {
        events.computeIfAbsent(id, k -> new ArrayList<>()).add(what);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
