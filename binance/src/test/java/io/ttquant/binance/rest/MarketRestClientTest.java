package io.ttquant.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.core.time.Clock;
import io.ttquant.sim.market.DepthSnapshot;
import io.ttquant.sim.market.SimAggTrade;
import io.ttquant.sim.market.PinnableClock;
import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.market.SimTrade;
import io.ttquant.sim.market.SymbolMarket;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link MarketRestClient} against the simulator on 127.0.0.1: answers equal the simulator's own
 * state (the book, the trade tape, the symbol rules), Binance error JSON keeps its code and
 * message, a 429 or 418 with {@code Retry-After} stops all requests until the window has passed
 * on the client's clock, timeouts and refused connections are typed, and every future completes
 * on the caller's event loop.
 */
class MarketRestClientTest {
    private static final String TOKEN = "admin-token-for-tests";
    private static final long S = 1_000_000_000L;

    private static PinnableClock simClock;
    private static SimExchange exchange;
    private static SimServer sim;
    private static EventLoopGroup group;
    private static EventLoop loop;
    private static final HttpClient ADMIN = HttpClient.newHttpClient();

    /** The client's clock: moved only by the test. */
    static final class ManualClock implements Clock {
        private final AtomicLong nanos = new AtomicLong(1_700_000_000L * S);

        @Override
        public long nanos() {
            return nanos.get();
        }

        void advance(long n) {
            nanos.addAndGet(n);
        }
    }

    @BeforeAll
    static void start() {
        simClock = new PinnableClock();
        exchange = new SimExchange(SimConfig.builder().clock(simClock).seed(9).flowIntensity(80).build());
        sim = new SimServer(exchange, SimServerConfig.builder().adminToken(TOKEN).build()).start(0);
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
    }

    @AfterAll
    static void stop() {
        sim.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static MarketRestClient client(Clock clock) {
        return new MarketRestClient(RestClientConfig.builder(BinanceEndpoints.simulator(sim.port()), clock).build(), loop);
    }

    private static <T> T onEngine(java.util.concurrent.Callable<T> task) throws Exception {
        return sim.onEngine(task, 10, TimeUnit.SECONDS);
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(15, TimeUnit.SECONDS);
    }

    private static RestFailure failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            RestFailure r = BinanceRestException.failureOf(e);
            assertThat(r).as("a typed failure, got " + e.getCause()).isNotNull();
            return r;
        }
        throw new AssertionError("expected a failure");
    }

    private static void fault(String method, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.restUrl() + "/admin/faults")).header("X-Admin-Token", TOKEN)
                .timeout(Duration.ofSeconds(10));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = ADMIN.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static Instrument btc() throws Exception {
        return onEngine(() -> exchange.market("BTCUSDT").instrument());
    }

    /** Stops the synthetic market a little ahead (the engine catches up to the pin, then the book is still). */
    private static void freezeMarket() throws Exception {
        long deadline = System.nanoTime() + 10 * S;
        while (onEngine(() -> exchange.market("BTCUSDT").lastAggTradeId()) < 20) {
            assertThat(System.nanoTime()).as("the market never traded").isLessThan(deadline);
            Thread.sleep(20);
        }
        simClock.pin(System.currentTimeMillis() + 100);
    }

    /** Calls {@code call} until the simulator's state read right after it is the state the answer reflects. */
    private static <T> T stable(Supplier<CompletableFuture<T>> call, java.util.function.Predicate<T> matchesEngine) throws Exception {
        long deadline = System.nanoTime() + 10 * S;
        while (true) {
            T v = await(call.get());
            if (matchesEngine.test(v)) {
                return v;
            }
            assertThat(System.nanoTime()).as("answers never matched the engine").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void shouldReturnADepthSnapshotEqualToTheSimulatorsBook() throws Exception {
        MarketRestClient c = client(System::nanoTime);
        Instrument fromInfo = await(c.exchangeInfo(List.of("BTCUSDT"))).get(0);
        freezeMarket();
        try {
            BookUpdate u = stable(() -> c.depthSnapshot(fromInfo, 100), b -> {
                try {
                    return b.lastUpdateId() == onEngine(() -> exchange.market("BTCUSDT").lastUpdateId());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            DepthSnapshot book = onEngine(() -> exchange.market("BTCUSDT").depth(100));
            assertThat(u.isSnapshot()).isTrue();
            assertThat(u.lastUpdateId()).isEqualTo(book.lastUpdateId());
            assertThat(u.bidCount()).isEqualTo(book.bids().size()).isPositive();
            assertThat(u.askCount()).isEqualTo(book.asks().size()).isPositive();
            for (int i = 0; i < u.bidCount(); i++) {
                assertThat(u.bidPrice(i)).isEqualTo(book.bids().get(i).price());
                assertThat(u.bidQty(i)).isEqualTo(book.bids().get(i).qty());
            }
            for (int i = 0; i < u.askCount(); i++) {
                assertThat(u.askPrice(i)).isEqualTo(book.asks().get(i).price());
                assertThat(u.askQty(i)).isEqualTo(book.asks().get(i).qty());
            }
            assertThat(c.usedWeight1m()).isPositive();
        } finally {
            simClock.unpin();
        }
    }

    @Test
    void shouldReturnAggregateAndRecentTradesAsTheSimulatorPrintedThem() throws Exception {
        MarketRestClient c = client(System::nanoTime);
        Instrument btc = btc();
        freezeMarket();
        try {
            SymbolMarket m = exchange.market("BTCUSDT");
            List<TradeTick> aggs = stable(() -> c.aggTrades(btc, -1, 50), a -> {
                try {
                    return !a.isEmpty() && a.get(a.size() - 1).tradeId() == onEngine(m::lastAggTradeId);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<SimAggTrade> expected = onEngine(() -> m.aggTrades(null, null, null, 50));
            assertThat(aggs).hasSameSizeAs(expected);
            for (int i = 0; i < aggs.size(); i++) {
                TradeTick t = aggs.get(i);
                SimAggTrade e = expected.get(i);
                assertThat(t.tradeId()).isEqualTo(e.aggId());
                assertThat(t.price()).isEqualTo(e.price());
                assertThat(t.qty()).isEqualTo(e.qty());
                assertThat(t.exchangeTimeNanos()).isEqualTo(e.timeMillis() * 1_000_000L);
                assertThat(t.aggressor()).isEqualTo(e.buyerMaker() ? Side.SELL : Side.BUY);
                assertThat(t.instrument()).isSameAs(btc);
            }
            long from = expected.get(0).aggId();
            List<TradeTick> page = await(c.aggTrades(btc, from, 3));
            assertThat(page).extracting(TradeTick::tradeId).containsExactly(from, from + 1, from + 2);

            List<TradeTick> recent = await(c.trades(btc, 20));
            List<SimTrade> tape = onEngine(() -> m.recentTrades(20));
            assertThat(recent).extracting(TradeTick::tradeId).containsExactlyElementsOf(tape.stream().map(SimTrade::id).toList());
            assertThat(recent).extracting(TradeTick::price).containsExactlyElementsOf(tape.stream().map(SimTrade::price).toList());
            assertThat(recent).extracting(TradeTick::aggressor)
                    .containsExactlyElementsOf(tape.stream().map(t -> t.buyerMaker() ? Side.SELL : Side.BUY).toList());
        } finally {
            simClock.unpin();
        }
    }

    @Test
    void shouldBuildInstrumentsFromExchangeInfoMatchingTheSimulatorsRules() throws Exception {
        MarketRestClient c = client(System::nanoTime);
        List<Instrument> both = await(c.exchangeInfo(List.of("ETHUSDT", "BTCUSDT")));
        assertThat(both).extracting(Instrument::symbol).containsExactly("ETHUSDT", "BTCUSDT");
        assertThat(await(c.exchangeInfo(List.of()))).extracting(Instrument::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        for (Instrument got : both) {
            Instrument want = onEngine(() -> exchange.market(got.symbol()).instrument());
            assertThat(got.baseAsset()).isEqualTo(want.baseAsset());
            assertThat(got.quoteAsset()).isEqualTo(want.quoteAsset());
            assertThat(got.priceScale()).isEqualTo(want.priceScale());
            assertThat(got.qtyScale()).isEqualTo(want.qtyScale());
            assertThat(got.tickSize()).isEqualTo(want.tickSize());
            assertThat(got.stepSize()).isEqualTo(want.stepSize());
            assertThat(got.minQty()).isEqualTo(want.minQty());
            assertThat(got.maxQty()).isEqualTo(want.maxQty());
            assertThat(got.minPrice()).isEqualTo(want.minPrice());
            assertThat(got.maxPrice()).isEqualTo(want.maxPrice());
            assertThat(got.minNotional()).isEqualTo(want.minNotional()).isPositive();
        }
    }

    @Test
    void shouldGiveTheServerTime() throws Exception {
        MarketRestClient c = client(System::nanoTime);
        long before = System.currentTimeMillis();
        long t = await(c.serverTime());
        assertThat(t).isBetween(before - 5_000, System.currentTimeMillis() + 5_000);
    }

    @Test
    void shouldMapBinanceErrorJsonToARejectionWithItsCodeAndMessage() throws Exception {
        MarketRestClient c = client(System::nanoTime);
        Instrument doge = Instrument.builder("DOGEUSDT").tickSize("0.00001").stepSize("1").build();
        RestFailure f = failure(c.depthSnapshot(doge, 10));
        assertThat(f.kind()).isEqualTo(RestFailure.Kind.REJECTED);
        assertThat(f.httpStatus()).isEqualTo(400);
        assertThat(f.code()).isEqualTo(-1121);
        assertThat(f.msg()).isEqualTo("Invalid symbol.");
        assertThat(failure(c.exchangeInfo(List.of("DOGEUSDT"))).code()).isEqualTo(-1121);
        assertThat(c.isBackingOff()).isFalse();
    }

    @Test
    void shouldHonourRetryAfterAndSendNothingUntilTheWindowHasPassed() throws Exception {
        ManualClock clock = new ManualClock();
        MarketRestClient c = client(clock);
        Instrument btc = btc();
        fault("POST", "{\"restStatus\":429,\"restSeconds\":30}");
        RestFailure limited;
        try {
            limited = failure(c.depthSnapshot(btc, 5));
        } finally {
            fault("DELETE", null);
        }
        assertThat(limited.kind()).isEqualTo(RestFailure.Kind.RATE_LIMITED);
        assertThat(limited.httpStatus()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo(-1003);
        assertThat(limited.retryAtNanos()).isEqualTo(clock.nanos() + 30 * S);
        long sentBefore = c.requestsSent();
        long simRequests = sim.stats().restRequests();
        for (int i = 0; i < 5; i++) {
            RestFailure refused = failure(c.depthSnapshot(btc, 5));
            assertThat(refused.kind()).isEqualTo(RestFailure.Kind.BACKING_OFF);
            assertThat(refused.retryAtNanos()).isEqualTo(limited.retryAtNanos());
        }
        clock.advance(30 * S - 1);
        assertThat(failure(c.serverTime()).kind()).isEqualTo(RestFailure.Kind.BACKING_OFF);
        assertThat(c.requestsSent()).isEqualTo(sentBefore);
        assertThat(c.requestsRefused()).isEqualTo(6);
        assertThat(sim.stats().restRequests()).as("nothing reached the server").isEqualTo(simRequests);
        clock.advance(1);
        assertThat(c.isBackingOff()).isFalse();
        assertThat(await(c.depthSnapshot(btc, 5)).bidCount()).isEqualTo(5);
    }

    @Test
    void shouldTreatA418AsABanForItsRetryAfterWindow() throws Exception {
        ManualClock clock = new ManualClock();
        MarketRestClient c = client(clock);
        fault("POST", "{\"restStatus\":418,\"restSeconds\":120}");
        RestFailure banned;
        try {
            banned = failure(c.serverTime());
        } finally {
            fault("DELETE", null);
        }
        assertThat(banned.kind()).isEqualTo(RestFailure.Kind.IP_BANNED);
        assertThat(banned.retryAtNanos()).isEqualTo(clock.nanos() + 120 * S);
        clock.advance(119 * S);
        assertThat(failure(c.serverTime()).kind()).isEqualTo(RestFailure.Kind.BACKING_OFF);
        clock.advance(S);
        assertThat(await(c.serverTime())).isPositive();
    }

    @Test
    void shouldReportAServerErrorWithItsBinanceCode() throws Exception {
        MarketRestClient c = client(System::nanoTime);
        fault("POST", "{\"restStatus\":503,\"restSeconds\":30}");
        RestFailure f;
        try {
            f = failure(c.serverTime());
        } finally {
            fault("DELETE", null);
        }
        assertThat(f.kind()).isEqualTo(RestFailure.Kind.SERVER_ERROR);
        assertThat(f.httpStatus()).isEqualTo(503);
        assertThat(f.code()).isEqualTo(-1008);
        assertThat(c.isBackingOff()).isFalse();
    }

    @Test
    void shouldTimeOutWhenTheServerNeverAnswersAndReportARefusedConnection() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            MarketRestClient c = new MarketRestClient(RestClientConfig.builder(BinanceEndpoints.simulator(silent.getLocalPort()),
                    System::nanoTime).requestTimeout(Duration.ofMillis(300)).build(), loop);
            RestFailure f = failure(c.serverTime());
            assertThat(f.kind()).isEqualTo(RestFailure.Kind.TIMEOUT);
            assertThat(f.httpStatus()).isZero();
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        MarketRestClient refused = new MarketRestClient(RestClientConfig.builder(BinanceEndpoints.simulator(freePort), System::nanoTime)
                .build(), loop);
        assertThat(failure(refused.serverTime()).kind()).isEqualTo(RestFailure.Kind.TRANSPORT);
    }

    @Test
    void shouldCompleteOnTheEventLoopAndNeverInsideTheCall() throws Exception {
        ManualClock clock = new ManualClock();
        MarketRestClient c = client(clock);
        Instrument btc = btc();
        AtomicBoolean completedOnLoop = new AtomicBoolean();
        CompletableFuture<BookUpdate> f = loop.submit(() -> {
            return c.depthSnapshot(btc, 5).whenComplete((v, e) -> completedOnLoop.set(loop.inEventLoop()));
        }).get(10, TimeUnit.SECONDS);
        assertThat(await(f).bidCount()).isEqualTo(5);
        assertThat(completedOnLoop).isTrue();

        fault("POST", "{\"restStatus\":429,\"restSeconds\":30}");
        try {
            failure(c.serverTime());
        } finally {
            fault("DELETE", null);
        }
        AtomicBoolean doneInsideCall = new AtomicBoolean(true);
        CompletableFuture<Long> refused = loop.submit(() -> {
            CompletableFuture<Long> g = c.serverTime();
            doneInsideCall.set(g.isDone());
            return g;
        }).get(10, TimeUnit.SECONDS);
        assertThat(failure(refused).kind()).isEqualTo(RestFailure.Kind.BACKING_OFF);
        assertThat(doneInsideCall).as("a refusal is delivered later, through the executor").isFalse();
    }
}
