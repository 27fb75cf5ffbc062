package io.ttquant.sim.market;

import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.SimulatedClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A quiet exchange (no synthetic flow unless asked) on a test clock, with recorded events. */
final class Harness {
    static final long T0 = 1_700_000_000_000L;
    static final String BTC = "BTCUSDT";

    final SimulatedClock clock = new SimulatedClock(T0 * 1_000_000L);
    final SimExchange ex;
    final Account alice;
    final Account bob;
    final List<String> events = new ArrayList<>();
    final List<SimTrade> trades = new ArrayList<>();
    final List<SimAggTrade> aggTrades = new ArrayList<>();
    final List<Kline> closedKlines = new ArrayList<>();

    Harness() {
        this(SimConfig.builder().flowIntensity(0));
    }

    Harness(SimConfig.Builder b) {
        b.clock(clock)
                .account("alice-key", "alice-secret", Map.of("USDT", "100000", "BTC", "2", "ETH", "10"))
                .account("bob-key", "bob-secret", Map.of("USDT", "50000", "BTC", "1"));
        ex = new SimExchange(b.build());
        alice = ex.account("alice-key");
        bob = ex.account("bob-key");
        ex.addMarketListener(new MarketListener() {
            @Override
            public void onTrade(SymbolMarket m, SimTrade t) {
                trades.add(t);
                events.add("trade " + t.id());
            }

            @Override
            public void onAggTrade(SymbolMarket m, SimAggTrade a) {
                aggTrades.add(a);
                events.add("agg " + a.aggId());
            }

            @Override
            public void onBookTicker(SymbolMarket m) {
                events.add("bookTicker " + m.symbol());
            }

            @Override
            public void onKline1mClosed(SymbolMarket m, Kline k) {
                closedKlines.add(k);
            }
        });
        ex.addUserListener(new UserListener() {
            @Override
            public void onExecutionReport(Account a, SimOrder o, ExecutionType type, SimFill f, long t) {
                events.add("report " + a.apiKey() + " #" + o.orderId() + " " + type + " " + o.status());
            }

            @Override
            public void onAccountPosition(Account a, List<String> assets, long t) {
                events.add("position " + a.apiKey() + " " + assets);
            }
        });
    }

    SymbolMarket btc() {
        return ex.market(BTC);
    }

    void advanceMillis(long ms) {
        clock.advanceTo(clock.nanos() + ms * 1_000_000L);
    }

    long now() {
        return Math.floorDiv(clock.nanos(), 1_000_000L);
    }

    long ask(String price, String qty) {
        return ex.placeSyntheticLimit(BTC, Side.SELL, price, qty);
    }

    long bid(String price, String qty) {
        return ex.placeSyntheticLimit(BTC, Side.BUY, price, qty);
    }

    OrderOutcome limit(Account a, Side side, TimeInForce tif, String qty, String price) {
        return ex.newOrder(a, OrderRequest.limit(BTC, side, tif, qty, price));
    }

    OrderOutcome market(Account a, Side side, String qty) {
        return ex.newOrder(a, OrderRequest.market(BTC, side, qty));
    }

    static long cash(String decimal) {
        return Fixed.parse(decimal, Fixed.CASH_SCALE);
    }

    static long px(String decimal) {
        return Fixed.parse(decimal, 2);
    }

    static long btcQty(String decimal) {
        return Fixed.parse(decimal, 5);
    }
}
