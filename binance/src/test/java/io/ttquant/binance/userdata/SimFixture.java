package io.ttquant.binance.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.rest.RestClientConfig;
import io.ttquant.binance.stream.SymbolTable;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.sim.market.Account;
import io.ttquant.sim.market.CancelOutcome;
import io.ttquant.sim.market.OrderOutcome;
import io.ttquant.sim.market.OrderRequest;
import io.ttquant.sim.market.PinnableClock;
import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.market.SimFill;
import io.ttquant.sim.market.SimOrder;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The simulator on 127.0.0.1 with one funded account, its clock pinnable by the test, and the
 * test's side of it: orders placed and canceled through the simulator's in-process exchange API
 * on its engine thread (snapshots of the resulting order and balances returned), admin faults,
 * and a Netty event loop for the client under test.
 */
final class SimFixture implements AutoCloseable {
    static final String API_KEY = "userDataTestApiKey0123456789";
    static final String SECRET = "userDataTestSecretAbcdefghijklmnopqrstuvwxyz";
    static final String TOKEN = "admin-token-for-user-data-tests";

    /** An order as the exchange holds it right after a call, read on the engine thread. */
    record OrderSnapshot(long orderId, String clientOrderId, long price, long origQty, long executedQty,
                         long cumulativeQuoteQty, String status, long timeMillis, List<SimFill> fills,
                         Map<String, long[]> balances) {
    }

    final PinnableClock simClock = new PinnableClock();
    final SimExchange exchange;
    final SimServer sim;
    final Instrument btcusdt;
    final SymbolTable symbols;
    final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    final EventLoop loop = group.next();
    final TestClock clock = new TestClock();
    private final HttpClient admin = HttpClient.newHttpClient();

    SimFixture() {
        exchange = new SimExchange(SimConfig.builder().clock(simClock).seed(11).flowIntensity(50)
                .account(API_KEY, SECRET, Map.of("USDT", "100000", "BTC", "1")).build());
        sim = new SimServer(exchange, SimServerConfig.builder().adminToken(TOKEN)
                .wsPingIntervalMillis(150).wsPongTimeoutMillis(20_000).build()).start(0);
        btcusdt = exchange.market("BTCUSDT").instrument();
        symbols = new SymbolTable(exchange.config().symbols());
    }

    BinanceEndpoints endpoints() {
        return BinanceEndpoints.simulator(sim.port());
    }

    ListenKeyClient listenKeyClient(BinanceEndpoints endpoints) {
        return new ListenKeyClient(RestClientConfig.builder(endpoints, clock).build(), API_KEY, loop);
    }

    /** Settings for tests: fast ticks, short seeded backoff, and a silence timeout that survives clock jumps. */
    UserDataStreamConfig.Builder config(BinanceEndpoints endpoints) {
        return UserDataStreamConfig.builder(endpoints, clock)
                .random(new java.util.Random(7))
                .tickInterval(Duration.ofMillis(20))
                .backoff(Duration.ofMillis(200), Duration.ofSeconds(2))
                .silenceTimeout(Duration.ofHours(3));
    }

    /** Stops the simulator's clock at the current wall-clock time and returns it (epoch ms). */
    long pinNow() {
        long now = System.currentTimeMillis();
        simClock.pin(now);
        return now;
    }

    OrderSnapshot place(OrderRequest request) throws Exception {
        return sim.onEngine(() -> {
            Account a = exchange.account(API_KEY);
            OrderOutcome out = exchange.newOrder(a, request);
            assertThat(out.isRejected()).as("order %s rejected: %s", request, out.rejection()).isFalse();
            return snapshot(a, out.order());
        }, 10, TimeUnit.SECONDS);
    }

    OrderSnapshot cancel(long orderId, String cancelClientOrderId) throws Exception {
        return sim.onEngine(() -> {
            Account a = exchange.account(API_KEY);
            CancelOutcome out = exchange.cancel(a, "BTCUSDT", orderId, null, cancelClientOrderId);
            assertThat(out.isRejected()).as("cancel rejected: %s", out.rejection()).isFalse();
            return snapshot(a, exchange.order(a, "BTCUSDT", orderId, null));
        }, 10, TimeUnit.SECONDS);
    }

    long bestBid() throws Exception {
        return sim.onEngine(() -> exchange.market("BTCUSDT").bestBid(), 10, TimeUnit.SECONDS);
    }

    private static OrderSnapshot snapshot(Account a, SimOrder o) {
        return new OrderSnapshot(o.orderId(), o.clientOrderId(), o.price(), o.origQty(), o.executedQty(),
                o.cummulativeQuoteQty(), o.status().name(), o.time(), List.copyOf(o.fills()),
                Map.of("USDT", new long[] {a.free("USDT"), a.locked("USDT")}, "BTC", new long[] {a.free("BTC"), a.locked("BTC")}));
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
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        sim.close();
    }
}
