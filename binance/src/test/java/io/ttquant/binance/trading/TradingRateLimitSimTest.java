package io.ttquant.binance.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.rest.RestClientConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.sim.market.PinnableClock;
import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TradingRestClient}'s local rate limits against a simulator with small limits (200 weight
 * a minute, 3 orders in 10 s) whose clock the test moves: the limits come from exchangeInfo, a
 * request that would break one is refused here and never reaches the simulator, and it goes out
 * again once the window has turned; without known limits, Binance's -1015 blocks new orders only.
 */
class TradingRateLimitSimTest {
    private static final String KEY = "limitsKey0123456789";
    private static final String SECRET = "limitsSecret-0123456789-abcdefghijklmnopqrstuvwxyz";
    private static final AtomicInteger IDS = new AtomicInteger();

    private static PinnableClock clock;
    private static SimServer sim;
    private static ExecutorService loop;
    private static Instrument btc;

    @BeforeAll
    static void start() throws Exception {
        clock = new PinnableClock();
        clock.pin(System.currentTimeMillis());
        SimExchange exchange = new SimExchange(SimConfig.builder().clock(clock).seed(5).flowIntensity(0)
                .account(KEY, SECRET, Map.of("USDT", "100000", "BTC", "1")).build());
        sim = new SimServer(exchange, SimServerConfig.builder().weightPerMinute(200).ordersPer10s(3).build()).start(0);
        loop = Executors.newSingleThreadExecutor();
        btc = sim.onEngine(() -> exchange.market("BTCUSDT").instrument(), 10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        sim.close();
        loop.shutdownNow();
    }

    /** Moves the simulator's (and the client's) clock to just after the next minute boundary: fresh 10 s and 1 min windows. */
    private static void freshWindows() {
        long nowMs = clock.nanos() / 1_000_000L;
        clock.pin((nowMs / 60_000 + 1) * 60_000 + 1);
    }

    private static TradingRestClient client(List<RateLimit> limits, Consumer<RestClientConfig.Builder> rest) {
        RestClientConfig.Builder r = RestClientConfig.builder(BinanceEndpoints.simulator(sim.port()), clock);
        rest.accept(r);
        return new TradingRestClient(TradingRestConfig.builder(r.build(), ApiCredentials.of(KEY, SECRET)).rateLimits(limits).build(), loop);
    }

    private static <T> TradingResult<T> await(CompletableFuture<TradingResult<T>> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    private static <T> T ok(CompletableFuture<TradingResult<T>> f) throws Exception {
        TradingResult<T> r = await(f);
        assertThat(r.isOk()).as("expected an answer, got %s", r).isTrue();
        return r.value();
    }

    private static NewOrderRequest order() {
        return NewOrderRequest.limit(btc, Side.BUY, btc.qty("0.001"), btc.price("50000.01"), TimeInForce.GTC,
                "lim-" + IDS.incrementAndGet());
    }

    @Test
    void shouldLoadTheVenuesRateLimitsFromExchangeInfo() throws Exception {
        freshWindows();
        TradingRestClient c = client(List.of(), r -> { });
        assertThat(c.rateLimits().limit(RateLimit.Kind.ORDERS, 10_000)).isEqualTo(-1);
        List<RateLimit> loaded = ok(c.loadRateLimits(btc));
        assertThat(loaded).contains(new RateLimit(RateLimit.Kind.REQUEST_WEIGHT, 60_000, 200),
                new RateLimit(RateLimit.Kind.ORDERS, 10_000, 3), new RateLimit(RateLimit.Kind.ORDERS, 86_400_000L, 200_000));
        assertThat(c.rateLimits().limit(RateLimit.Kind.ORDERS, 10_000)).isEqualTo(3);
        assertThat(c.rateLimits().limit(RateLimit.Kind.REQUEST_WEIGHT, 60_000)).isEqualTo(200);
        assertThat(c.stats().usedWeight1m()).as("exchangeInfo weighs 20").isEqualTo(20);
    }

    @Test
    void shouldRefuseLocallyAnOrderOverTheOrderCountLimitAndSendItInTheNextWindow() throws Exception {
        freshWindows();
        TradingRestClient c = client(List.of(), r -> { });
        ok(c.loadRateLimits(btc));
        for (int i = 1; i <= 3; i++) {
            VenueOrder o = ok(c.newOrder(order()));
            assertThat(o.status()).isEqualTo(BinanceOrderStatus.NEW);
            assertThat(c.stats().orderCount10s()).isEqualTo(i);
        }
        long simRequests = sim.stats().restRequests();
        TradingResult<VenueOrder> refused = await(c.newOrder(order()));
        assertThat(refused.outcome()).isEqualTo(TradingFailure.Outcome.NOT_SENT);
        assertThat(refused.failure().refusal()).isEqualTo(LocalRefusal.ORDER_LIMIT);
        assertThat(sim.stats().restRequests()).as("the refused order never reached the simulator").isEqualTo(simRequests);
        assertThat(c.stats().refusedLocally(LocalRefusal.ORDER_LIMIT)).isEqualTo(1);
        for (VenueOrder o : ok(c.openOrders(btc))) {
            assertThat(ok(c.cancelOrder(btc, o.orderId())).status()).as("cancels are not new orders")
                    .isEqualTo(BinanceOrderStatus.CANCELED);
        }
        clock.pin(clock.nanos() / 1_000_000L + 10_000);
        VenueOrder next = ok(c.newOrder(order()));
        assertThat(c.stats().orderCount10s()).as("a new 10 s window").isEqualTo(1);
        ok(c.cancelOrder(btc, next.clientOrderId()));
        assertThat(c.stats().failed(TradingFailure.Outcome.RATE_LIMITED)).isZero();
    }

    @Test
    void shouldRefuseLocallyARequestOverTheWeightLimitAndSendItNextMinute() throws Exception {
        freshWindows();
        TradingRestClient c = client(List.of(), r -> { });
        ok(c.loadRateLimits(btc));
        int answered = 0;
        TradingResult<AccountBalances> r;
        long simRequests;
        while (true) {
            simRequests = sim.stats().restRequests();
            r = await(c.account());
            if (!r.isOk()) {
                break;
            }
            answered++;
            assertThat(answered).as("never refused").isLessThan(20);
        }
        assertThat(r.outcome()).isEqualTo(TradingFailure.Outcome.NOT_SENT);
        assertThat(r.failure().refusal()).isEqualTo(LocalRefusal.WEIGHT_LIMIT);
        assertThat(sim.stats().restRequests()).as("the refused request never reached the simulator").isEqualTo(simRequests);
        assertThat(c.stats().usedWeight1m() + 20).isGreaterThan(200);
        assertThat(c.stats().usedWeight1m()).isLessThanOrEqualTo(200);
        assertThat(answered).as("exchangeInfo 20 + 3 time samples, then 20 per account call up to 200").isEqualTo(8);
        assertThat(c.stats().failed(TradingFailure.Outcome.RATE_LIMITED)).as("no 429 was ever earned").isZero();
        freshWindows();
        assertThat(ok(c.account()).canTrade()).isTrue();
    }

    @Test
    void shouldBlockOnlyNewOrdersAfterBinancesTooManyOrdersAnswer() throws Exception {
        freshWindows();
        TradingRestClient c = client(List.of(), r -> r.defaultRetryAfter(Duration.ofSeconds(10)));
        for (int i = 0; i < 3; i++) {
            ok(c.newOrder(order()));
        }
        TradingFailure tooMany = await(c.newOrder(order())).failure();
        assertThat(tooMany.outcome()).isEqualTo(TradingFailure.Outcome.RATE_LIMITED);
        assertThat(tooMany.httpStatus()).isEqualTo(429);
        assertThat(tooMany.code()).isEqualTo(-1015);
        assertThat(tooMany.retryAtNanos()).isEqualTo(clock.nanos() + 10_000_000_000L);
        TradingFailure held = await(c.newOrder(order())).failure();
        assertThat(held.outcome()).isEqualTo(TradingFailure.Outcome.NOT_SENT);
        assertThat(held.refusal()).isEqualTo(LocalRefusal.ORDERS_BACKING_OFF);
        List<VenueOrder> open = ok(c.openOrders(btc));
        assertThat(open).hasSize(3);
        for (VenueOrder o : open) {
            assertThat(ok(c.cancelOrder(btc, o.orderId())).status()).isEqualTo(BinanceOrderStatus.CANCELED);
        }
        clock.pin(clock.nanos() / 1_000_000L + 10_000);
        VenueOrder after = ok(c.newOrder(order()));
        ok(c.cancelOrder(btc, after.orderId()));
    }
}
