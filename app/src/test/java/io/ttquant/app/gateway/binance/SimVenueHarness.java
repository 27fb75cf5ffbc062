package io.ttquant.app.gateway.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.CommandOutcome;
import io.ttquant.app.gateway.ExecutionSink;
import io.ttquant.app.gateway.GatewayObserver;
import io.ttquant.app.gateway.OrderGateway;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.trading.ApiCredentials;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.risk.InstrumentLimits;
import io.ttquant.core.risk.RiskLimits;
import io.ttquant.core.risk.StrategyLimits;
import io.ttquant.core.time.Clock;
import io.ttquant.sim.market.Account;
import io.ttquant.sim.market.PinnableClock;
import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.market.SimOrder;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;
import io.ttquant.transport.proto.CancelOrder;
import io.ttquant.transport.proto.ExecutionEvent;
import io.ttquant.transport.proto.ExecutionReport;
import io.ttquant.transport.proto.NewOrder;
import io.ttquant.transport.proto.OrderCommand;
import io.ttquant.transport.proto.OrderType;
import io.ttquant.transport.proto.TimeInForce;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * The {@code binance} venue behind a real {@link OrderGateway}, trading against the exchange
 * simulator on 127.0.0.1 with one funded account: the gateway built with a
 * {@link BinanceVenueFactory}, {@link GatewayObserver#NONE} and a sink that keeps every decoded
 * event; a clock that follows real time (the venue stamps requests with it, the test drives the
 * gateway with it); the simulator's exchange reachable on its engine thread; admin faults; and a
 * loop that runs the gateway's duty cycle until a condition holds. Holds no assertions about the
 * venue.
 *
 * <p>The gateway's BTCUSDT has the simulator's scales but no minimum notional, so an order the
 * exchange's NOTIONAL filter refuses can reach it; the venue is given the simulator's own filters.
 */
final class SimVenueHarness implements AutoCloseable {
    static final String API_KEY = "venueTestApiKey0123456789abcdef";
    static final String SECRET = "venueTestSecret-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789";
    static final String TOKEN = "admin-token-for-binance-venue-tests";
    static final String STRATEGY = "alpha";
    static final long MS = 1_000_000L;

    /** Real time in epoch nanoseconds, readable on any thread. */
    static final class RealClock implements Clock {
        private final long epochBase = System.currentTimeMillis() * MS;
        private final long nanoBase = System.nanoTime();

        @Override
        public long nanos() {
            return epochBase + (System.nanoTime() - nanoBase);
        }
    }

    /** The REST base URL the venue uses, given the simulator's port (a proxy in front of it, say). */
    interface RestRoute {
        String url(int simPort) throws Exception;
    }

    /** What a test may change about the set-up. */
    static final class Options {
        double flowIntensity;
        long listenKeyValidityMillis = 60 * 60_000L;
        RestRoute restRoute;
        UnaryOperator<BinanceVenueConfig.Builder> venue = UnaryOperator.identity();

        Options flow(double v) {
            this.flowIntensity = v;
            return this;
        }

        Options listenKeyValidityMillis(long v) {
            this.listenKeyValidityMillis = v;
            return this;
        }

        /** Sends REST through another URL (a proxy in front of the simulator); the stream still goes straight to it. */
        Options restRoute(RestRoute v) {
            this.restRoute = v;
            return this;
        }

        Options venue(UnaryOperator<BinanceVenueConfig.Builder> v) {
            this.venue = v;
            return this;
        }
    }

    final PinnableClock simClock = new PinnableClock();
    final SimExchange exchange;
    final SimServer sim;
    final Instrument venueBtc;
    final Instrument gatewayBtc;
    final RealClock clock = new RealClock();
    final List<ExecutionEvent> events = new ArrayList<>();
    final OrderGateway gateway;
    final BinanceVenue venue;
    private final HttpClient admin = HttpClient.newHttpClient();
    private final QuoteTick quote = new QuoteTick();
    private final double flowIntensity;
    private long seq;

    SimVenueHarness(Options o) throws Exception {
        flowIntensity = o.flowIntensity;
        exchange = new SimExchange(SimConfig.builder().clock(simClock).seed(17).flowIntensity(o.flowIntensity)
                .account(API_KEY, SECRET, Map.of("USDT", "100000", "BTC", "2")).build());
        sim = new SimServer(exchange, SimServerConfig.builder().adminToken(TOKEN).wsPingIntervalMillis(200)
                .listenKeyValidityMillis(o.listenKeyValidityMillis).build()).start(0);
        venueBtc = onEngine(() -> exchange.market("BTCUSDT").instrument());
        gatewayBtc = Instrument.builder("BTCUSDT").tickSize(venueBtc.formatPrice(venueBtc.tickSize()))
                .stepSize(venueBtc.formatQty(venueBtc.stepSize())).minQty(venueBtc.formatQty(venueBtc.minQty()))
                .maxQty(venueBtc.formatQty(venueBtc.maxQty())).build();
        BinanceEndpoints endpoints = o.restRoute == null ? BinanceEndpoints.simulator(sim.port())
                : BinanceEndpoints.of("proxy", o.restRoute.url(sim.port()), sim.wsUrl());
        BinanceVenueConfig.Builder b = BinanceVenueConfig.builder(endpoints, ApiCredentials.of(API_KEY, SECRET), clock)
                .instruments(List.of(venueBtc))
                .requestTimeout(Duration.ofSeconds(5))
                .queryBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
                .pollInterval(Duration.ofMillis(500))
                .streamTuning(s -> s.random(new java.util.Random(3)).tickInterval(Duration.ofMillis(20))
                        .backoff(Duration.ofMillis(200), Duration.ofSeconds(1)).silenceTimeout(Duration.ofSeconds(30)));
        BinanceVenueConfig config = o.venue.apply(b).build();
        RiskLimits limits = RiskLimits.builder()
                .instrument(InstrumentLimits.of(gatewayBtc).maxOrderQty(gatewayBtc.qty("10")).maxPosition(gatewayBtc.qty("10")).build())
                .strategy(StrategyLimits.named(STRATEGY).build())
                .duplicateGuard(0, 16)
                .build();
        ExecutionSink sink = ExecutionSink.decoding((name, e) -> events.add(e));
        gateway = new OrderGateway(limits, new BinanceVenueFactory(config), sink, GatewayObserver.NONE, clock.nanos());
        venue = (BinanceVenue) gateway.venue();
    }

    <T> T onEngine(Callable<T> task) throws Exception {
        return sim.onEngine(task, 10, TimeUnit.SECONDS);
    }

    /** Runs the gateway's duty cycle until {@code done} holds; fails after {@code timeout}. */
    void runUntil(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            gateway.onTime(clock.nanos());
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; venue " + venue + ", trading " + venue.tradingStats()
                        + ", stream " + venue.userDataStats() + ", reports " + reports());
            }
            Thread.sleep(1);
        }
    }

    void runUntil(String what, BooleanSupplier done) throws InterruptedException {
        runUntil(what, Duration.ofSeconds(20), done);
    }

    /** Runs the duty cycle for {@code d} of real time (to show that nothing more happens). */
    void runFor(Duration d) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            gateway.onTime(clock.nanos());
            Thread.sleep(1);
        }
    }

    /**
     * Waits for the server time and, when the venue runs the stream, for its connection and the
     * simulator's subscription of it (the simulator subscribes on its engine thread right after the
     * handshake; an engine task queued once the connection is seen runs after it).
     */
    void awaitReady() throws Exception {
        if (flowIntensity == 0) {
            seedBook();
        }
        runUntil("venue ready", () -> venue.isTimeSynced()
                && (venue.userDataStats() == null || (venue.isStreamConnected() && sim.stats().wsConnectionsOpened() >= 1)));
        onEngine(() -> null);
        quote();
    }

    /** Waits for the stream's {@code n}th connection and the simulator's subscription of it. */
    void awaitStreamConnections(int n) throws Exception {
        runUntil("stream connection " + n, () -> venue.userDataStats().connects() >= n && venue.isStreamConnected()
                && sim.stats().wsConnectionsOpened() >= n);
        onEngine(() -> null);
    }

    /**
     * Without synthetic flow the simulator's book starts empty: a synthetic participant rests a bid
     * at 59990 and an ask at 60010, one BTC each, and nothing else moves the book.
     */
    private void seedBook() throws Exception {
        onEngine(() -> {
            exchange.placeSyntheticLimit("BTCUSDT", Side.BUY, "59990", "1");
            exchange.placeSyntheticLimit("BTCUSDT", Side.SELL, "60010", "1");
            return null;
        });
    }

    /** Gives the gateway the simulator's best bid and ask (the risk engine's reference prices). */
    void quote() throws Exception {
        long[] top = onEngine(() -> new long[] {exchange.market("BTCUSDT").bestBid(), exchange.market("BTCUSDT").bestAsk()});
        long now = clock.nanos();
        gateway.onMarketData(quote.set(gatewayBtc, now, now, top[0], gatewayBtc.qty("1"), top[1], gatewayBtc.qty("1")));
    }

    long bestBid() throws Exception {
        return onEngine(() -> exchange.market("BTCUSDT").bestBid());
    }

    long bestAsk() throws Exception {
        return onEngine(() -> exchange.market("BTCUSDT").bestAsk());
    }

    CommandOutcome send(NewOrder.Builder order) {
        return gateway.onCommand(OrderCommand.newBuilder().setSequence(++seq).setSendTimeNs(clock.nanos())
                .setNewOrder(order.setCreateTimeNs(clock.nanos())).build(), clock.nanos());
    }

    CommandOutcome cancel(String clientOrderId) {
        return gateway.onCommand(OrderCommand.newBuilder().setSequence(++seq).setSendTimeNs(clock.nanos())
                .setCancelOrder(CancelOrder.newBuilder().setStrategy(STRATEGY).setClientOrderId(clientOrderId)
                        .setSymbol("BTCUSDT").setVenue(BinanceVenue.NAME)).build(), clock.nanos());
    }

    NewOrder.Builder limit(String clientOrderId, io.ttquant.transport.proto.Side side, long price, long qty) {
        return order(clientOrderId, side, OrderType.ORDER_TYPE_LIMIT, TimeInForce.TIME_IN_FORCE_GTC, qty).setPrice(price);
    }

    NewOrder.Builder market(String clientOrderId, io.ttquant.transport.proto.Side side, long qty) {
        return order(clientOrderId, side, OrderType.ORDER_TYPE_MARKET, TimeInForce.TIME_IN_FORCE_IOC, qty);
    }

    private NewOrder.Builder order(String clientOrderId, io.ttquant.transport.proto.Side side, OrderType type, TimeInForce tif, long qty) {
        return NewOrder.newBuilder().setClientOrderId(clientOrderId).setStrategy(STRATEGY).setVenue(BinanceVenue.NAME)
                .setSymbol("BTCUSDT").setSide(side).setType(type).setTimeInForce(tif).setQuantity(qty)
                .setPriceScale(gatewayBtc.priceScale()).setQtyScale(gatewayBtc.qtyScale());
    }

    /** A buy limit price one tick above the best bid, inside the spread: the best bid, filled by the next market sell. */
    long priceInsideSpread() throws Exception {
        long bid = bestBid();
        long ask = bestAsk();
        long p = bid + venueBtc.tickSize();
        assertThat(p).as("the simulator's spread must leave a tick inside (bid %s, ask %s)", bid, ask).isLessThan(ask);
        return p;
    }

    /** A synthetic participant sells {@code qty} at market on the simulator. */
    void syntheticMarketSell(long qty) throws Exception {
        onEngine(() -> {
            exchange.placeSyntheticMarket("BTCUSDT", Side.SELL, venueBtc.formatQty(qty));
            return null;
        });
    }

    Account account() throws Exception {
        return onEngine(() -> exchange.account(API_KEY));
    }

    /** The simulator's order for the strategy's client id (sent under the venue's derived id), or null. */
    SimOrder simOrder(String clientOrderId) throws Exception {
        String venueId = venueId(clientOrderId);
        return venueId == null ? null : onEngine(() -> exchange.order(exchange.account(API_KEY), "BTCUSDT", null, venueId));
    }

    /** The client id the venue sent to Binance for the strategy's {@code clientOrderId}, or null before the gateway gave it an id. */
    String venueId(String clientOrderId) {
        for (ExecutionReport r : reports(clientOrderId)) {
            if (r.getOrderId() != 0) {
                return BinanceVenue.venueClientOrderId(r.getOrderId());
            }
        }
        return null;
    }

    List<SimOrder> simOpenOrders() throws Exception {
        return onEngine(() -> List.copyOf(exchange.openOrders(exchange.account(API_KEY), "BTCUSDT")));
    }

    List<ExecutionReport> reports() {
        List<ExecutionReport> out = new ArrayList<>();
        for (ExecutionEvent e : events) {
            if (e.hasReport()) {
                out.add(e.getReport());
            }
        }
        return out;
    }

    List<ExecutionReport> reports(String clientOrderId) {
        List<ExecutionReport> out = new ArrayList<>();
        for (ExecutionReport r : reports()) {
            if (r.getClientOrderId().equals(clientOrderId)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The reports of {@code clientOrderId} that carry a fill. */
    List<ExecutionReport> fills(String clientOrderId) {
        List<ExecutionReport> out = new ArrayList<>();
        for (ExecutionReport r : reports(clientOrderId)) {
            if (r.getLastFillQty() != 0) {
                out.add(r);
            }
        }
        return out;
    }

    /** True once {@code clientOrderId} has a report with {@code status}. */
    boolean hasStatus(String clientOrderId, io.ttquant.transport.proto.OrderStatus status) {
        for (ExecutionReport r : reports(clientOrderId)) {
            if (r.getStatus() == status) {
                return true;
            }
        }
        return false;
    }

    void fault(String json) throws Exception {
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/admin/faults"))
                .header("X-Admin-Token", TOKEN).POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    void clearFaults() throws Exception {
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/admin/faults"))
                .header("X-Admin-Token", TOKEN).DELETE().timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Override
    public void close() {
        venue.close();
        sim.close();
    }
}
