package io.ttquant.binance.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.rest.RestClientConfig;
import io.ttquant.binance.rest.RestFailure;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.time.Clock;
import io.ttquant.sim.market.Account;
import io.ttquant.sim.market.DepthLevel;
import io.ttquant.sim.market.DepthSnapshot;
import io.ttquant.sim.market.PinnableClock;
import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.market.SimFill;
import io.ttquant.sim.market.SimOrder;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TradingRestClient} against the exchange simulator on 127.0.0.1 with a funded account:
 * fills, orders, trades and balances read exactly as the simulator holds them; Binance's refusals
 * keep their code and message; -1021 leads to a re-sync after which the resend succeeds; a 429 or
 * 418 stops every request, unsent, until the client's clock passes Retry-After; 5xx, lost
 * connections and timeouts after sending are UNKNOWN and querying the order resolves them; every
 * future completes on the caller's executor; the secret never shows in a failure, a toString or a
 * log line.
 */
class TradingRestClientSimTest {
    private static final String TOKEN = "admin-token-for-trading-tests";
    private static final String KEY = "tradingKey0123456789abcdefABCDEF";
    private static final String SECRET = "tradingSecret-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789-xyz";
    private static final String WRONG_SECRET = "wrongSecret-zyxwvutsrqponmlkjihgfedcba-9876543210-abc";
    private static final long S = 1_000_000_000L;
    private static final AtomicInteger IDS = new AtomicInteger();

    private static PinnableClock simClock;
    private static SimExchange exchange;
    private static SimServer sim;
    private static ExecutorService loop;
    private static final AtomicReference<Thread> loopThread = new AtomicReference<>();
    private static Instrument btc;
    private static final Map<String, Instrument> instruments = new HashMap<>();
    private static final HttpClient ADMIN = HttpClient.newHttpClient();
    private static final List<String> texts = new CopyOnWriteArrayList<>();
    private static final List<LogRecord> logs = new CopyOnWriteArrayList<>();
    private static final Logger CLIENT_LOGGER = Logger.getLogger("io.ttquant.binance.trading");
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logs.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** A client clock that starts at the wall clock and then moves only when the test moves it. */
    static final class ManualClock implements Clock {
        private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

        @Override
        public long nanos() {
            return nanos.get();
        }

        void advance(long n) {
            nanos.addAndGet(n);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        CLIENT_LOGGER.addHandler(CAPTURE);
        simClock = new PinnableClock();
        exchange = new SimExchange(SimConfig.builder().clock(simClock).seed(21).flowIntensity(80)
                .account(KEY, SECRET, Map.of("USDT", "100000", "BTC", "1")).build());
        sim = new SimServer(exchange, SimServerConfig.builder().adminToken(TOKEN).build()).start(0);
        loop = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "trading-callbacks");
            t.setDaemon(true);
            loopThread.set(t);
            return t;
        });
        loop.submit(() -> { }).get(10, TimeUnit.SECONDS);
        btc = onEngine(() -> exchange.market("BTCUSDT").instrument());
        for (String s : List.of("BTCUSDT", "ETHUSDT")) {
            instruments.put(s, onEngine(() -> exchange.market(s).instrument()));
        }
    }

    @AfterAll
    static void stop() {
        CLIENT_LOGGER.removeHandler(CAPTURE);
        sim.close();
        loop.shutdownNow();
        List<String> logged = new ArrayList<>();
        for (LogRecord r : logs) {
            logged.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }
        for (String t : concat(texts, logged)) {
            assertThat(t).as("a failure text or log line").doesNotContain(SECRET).doesNotContain(WRONG_SECRET);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static TradingRestClient client(Clock clock) {
        return client(clock, ApiCredentials.of(KEY, SECRET), sim.port(), r -> { }, t -> { });
    }

    private static TradingRestClient client(Clock clock, ApiCredentials credentials, int port, Consumer<RestClientConfig.Builder> rest,
                                            Consumer<TradingRestConfig.Builder> trading) {
        RestClientConfig.Builder r = RestClientConfig.builder(BinanceEndpoints.simulator(port), clock);
        rest.accept(r);
        TradingRestConfig.Builder t = TradingRestConfig.builder(r.build(), credentials);
        trading.accept(t);
        TradingRestClient c = new TradingRestClient(t.build(), loop);
        texts.add(c.toString());
        texts.add(c.config().toString());
        return c;
    }

    private static <T> T onEngine(Callable<T> task) throws Exception {
        return sim.onEngine(task, 10, TimeUnit.SECONDS);
    }

    private static <T> TradingResult<T> await(CompletableFuture<TradingResult<T>> f) throws Exception {
        TradingResult<T> r = f.get(20, TimeUnit.SECONDS);
        texts.add(r.toString());
        if (!r.isOk()) {
            texts.add(r.failure().msg());
        }
        return r;
    }

    private static <T> T ok(CompletableFuture<TradingResult<T>> f) throws Exception {
        TradingResult<T> r = await(f);
        assertThat(r.isOk()).as("expected an answer, got %s", r).isTrue();
        return r.value();
    }

    private static TradingFailure failure(CompletableFuture<? extends TradingResult<?>> f) throws Exception {
        TradingResult<?> r = f.get(20, TimeUnit.SECONDS);
        texts.add(r.toString());
        assertThat(r.isOk()).as("expected a failure, got %s", r).isFalse();
        texts.add(r.failure().msg());
        return r.failure();
    }

    private static void fault(String method, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.restUrl() + "/admin/faults")).header("X-Admin-Token", TOKEN)
                .timeout(Duration.ofSeconds(10));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = ADMIN.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static String id(String what) {
        return "t-" + what + "-" + IDS.incrementAndGet();
    }

    private static Account account() throws Exception {
        return onEngine(() -> exchange.account(KEY));
    }

    /** A buy limit order 10 % below the market (it rests), at a price with odd cents to prove exact formatting. */
    private static NewOrderRequest restingBuy(String id) throws Exception {
        long bid = onEngine(() -> exchange.market("BTCUSDT").bestBid());
        long price = btc.floorToTick(bid * 9 / 10) + 7 * btc.tickSize();
        return NewOrderRequest.limit(btc, Side.BUY, btc.qty("0.00123"), price, TimeInForce.GTC, id);
    }

    /** Lets the market trade a little, then stops the simulator's clock: the book stands still. */
    private static void freezeMarket() throws Exception {
        long deadline = System.nanoTime() + 10 * S;
        while (onEngine(() -> exchange.market("BTCUSDT").lastAggTradeId()) < 20) {
            assertThat(System.nanoTime()).as("the market never traded").isLessThan(deadline);
            Thread.sleep(20);
        }
        simClock.pin(System.currentTimeMillis() + 50);
        long last = -1;
        while (true) {
            Thread.sleep(40);
            long now = onEngine(() -> exchange.market("BTCUSDT").lastUpdateId());
            if (now == last) {
                return;
            }
            assertThat(System.nanoTime()).as("the market never stopped").isLessThan(deadline + 10 * S);
            last = now;
        }
    }

    private static BigDecimal dec(long raw, int scale) {
        return BigDecimal.valueOf(raw, scale);
    }

    @Test
    void shouldBuyAtMarketWithExactFillsCommissionAndBalances() throws Exception {
        TradingRestClient c = client(simClock);
        AccountBalances before = ok(c.account());
        freezeMarket();
        try {
            DepthSnapshot book = onEngine(() -> exchange.market("BTCUSDT").depth(50));
            // Take the whole first ask level and half of the second (at most 0.5 BTC): at least two fills.
            long qty = Math.min(book.asks().get(0).qty() + btc.floorToStep(book.asks().get(1).qty() / 2), btc.qty("0.5"));
            List<long[]> expected = new ArrayList<>();
            long left = qty;
            for (DepthLevel l : book.asks()) {
                long q = Math.min(left, l.qty());
                expected.add(new long[] {l.price(), q});
                left -= q;
                if (left == 0) {
                    break;
                }
            }
            String id = id("market");
            VenueOrder o = ok(c.newOrder(NewOrderRequest.market(btc, Side.BUY, qty, id)));

            assertThat(o.clientOrderId()).isEqualTo(id);
            assertThat(o.status()).isEqualTo(BinanceOrderStatus.FILLED);
            assertThat(o.type()).isEqualTo(BinanceOrderType.MARKET);
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.origQty()).isEqualTo(qty);
            assertThat(o.executedQty()).isEqualTo(qty);
            // One fill per resting order taken: summed per price level they must walk the book snapshot.
            List<long[]> perLevel = new ArrayList<>();
            for (OrderFill f : o.fills()) {
                if (!perLevel.isEmpty() && perLevel.get(perLevel.size() - 1)[0] == f.price()) {
                    perLevel.get(perLevel.size() - 1)[1] += f.qty();
                } else {
                    perLevel.add(new long[] {f.price(), f.qty()});
                }
            }
            assertThat(perLevel).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(perLevel.get(i)).containsExactly(expected.get(i));
            }
            BigDecimal quote = BigDecimal.ZERO;
            BigDecimal fees = BigDecimal.ZERO;
            for (OrderFill f : o.fills()) {
                // 10 bps taker commission, charged in the asset bought
                BigDecimal fee = dec(f.qty(), btc.qtyScale()).multiply(new BigDecimal("0.001")).setScale(8, RoundingMode.HALF_UP);
                assertThat(dec(f.commission(), Fixed.CASH_SCALE)).isEqualByComparingTo(fee);
                assertThat(f.commissionAsset()).isEqualTo("BTC");
                quote = quote.add(dec(f.price(), btc.priceScale()).multiply(dec(f.qty(), btc.qtyScale())));
                fees = fees.add(fee);
            }
            assertThat(dec(o.cummulativeQuoteQty(), Fixed.CASH_SCALE)).isEqualByComparingTo(quote);
            SimOrder held = onEngine(() -> exchange.order(exchange.account(KEY), "BTCUSDT", o.orderId(), null));
            assertThat(o.fills()).extracting(OrderFill::tradeId)
                    .containsExactlyElementsOf(held.fills().stream().map(SimFill::tradeId).toList());
            assertThat(o.transactTimeMillis()).isEqualTo(held.time());

            AccountBalances after = ok(c.account());
            assertThat(dec(after.free("BTC"), 8))
                    .isEqualByComparingTo(dec(before.free("BTC"), 8).add(dec(qty, btc.qtyScale())).subtract(fees));
            assertThat(dec(after.free("USDT"), 8)).isEqualByComparingTo(dec(before.free("USDT"), 8).subtract(quote));
            Account sims = account();
            assertThat(after.free("BTC")).isEqualTo(onEngine(() -> sims.free("BTC")));
            assertThat(after.free("USDT")).isEqualTo(onEngine(() -> sims.free("USDT")));

            List<AccountTrade> trades = ok(c.myTradesOfOrder(btc, o.orderId()));
            assertThat(trades).hasSameSizeAs(o.fills());
            for (int i = 0; i < trades.size(); i++) {
                AccountTrade t = trades.get(i);
                OrderFill f = o.fills().get(i);
                assertThat(t.id()).isEqualTo(f.tradeId());
                assertThat(t.orderId()).isEqualTo(o.orderId());
                assertThat(t.price()).isEqualTo(f.price());
                assertThat(t.qty()).isEqualTo(f.qty());
                assertThat(t.commission()).isEqualTo(f.commission());
                assertThat(t.commissionAsset()).isEqualTo("BTC");
                assertThat(t.quoteQty()).isEqualTo(btc.notional(f.price(), f.qty()));
                assertThat(t.buyer()).isTrue();
                assertThat(t.maker()).isFalse();
                assertThat(t.timeMillis()).isEqualTo(o.transactTimeMillis());
            }
            List<AccountTrade> fromFirst = ok(c.myTrades(btc, trades.get(0).id(), 1000));
            assertThat(fromFirst).extracting(AccountTrade::id).containsExactlyElementsOf(trades.stream().map(AccountTrade::id).toList());
            assertThat(ok(c.myTradesSince(btc, o.transactTimeMillis(), 1000))).extracting(AccountTrade::id)
                    .containsAll(trades.stream().map(AccountTrade::id).toList());
        } finally {
            simClock.unpin();
        }
    }

    @Test
    void shouldRestALimitOrderQueryItAsNewThenCancelIt() throws Exception {
        TradingRestClient c = client(simClock);
        AccountBalances before = ok(c.account());
        String id = id("rest");
        NewOrderRequest req = restingBuy(id);
        VenueOrder placed = ok(c.newOrder(req));
        assertThat(placed.status()).isEqualTo(BinanceOrderStatus.NEW);
        assertThat(placed.price()).isEqualTo(req.price());
        assertThat(placed.origQty()).isEqualTo(req.quantity());
        assertThat(placed.executedQty()).isZero();
        assertThat(placed.fills()).isEmpty();
        assertThat(placed.timeInForce()).isEqualTo(TimeInForce.GTC);
        SimOrder held = onEngine(() -> exchange.order(exchange.account(KEY), "BTCUSDT", null, id));
        assertThat(held.price()).as("the price reached the venue exactly").isEqualTo(req.price());
        assertThat(held.origQty()).isEqualTo(req.quantity());

        VenueOrder queried = ok(c.queryOrder(btc, id));
        assertThat(queried.status()).isEqualTo(BinanceOrderStatus.NEW);
        assertThat(queried.orderId()).isEqualTo(placed.orderId());
        assertThat(queried.timeMillis()).isEqualTo(placed.transactTimeMillis());
        assertThat(queried.updateTimeMillis()).isEqualTo(held.updateTime());
        assertThat(ok(c.queryOrder(btc, placed.orderId())).clientOrderId()).isEqualTo(id);

        assertThat(ok(c.openOrders(btc))).extracting(VenueOrder::clientOrderId).contains(id);
        List<VenueOrder> all = ok(c.openOrders(instruments::get));
        assertThat(all).filteredOn(o -> o.clientOrderId().equals(id)).singleElement()
                .satisfies(o -> assertThat(o.price()).isEqualTo(req.price()));

        AccountBalances during = ok(c.account());
        long notional = btc.notional(req.price(), req.quantity());
        assertThat(during.locked("USDT") - before.locked("USDT")).isEqualTo(notional);
        assertThat(before.free("USDT") - during.free("USDT")).isEqualTo(notional);
        Account sims = account();
        assertThat(during.locked("USDT")).isEqualTo(onEngine(() -> sims.locked("USDT")));

        VenueOrder canceled = ok(c.cancelOrder(btc, id));
        assertThat(canceled.status()).isEqualTo(BinanceOrderStatus.CANCELED);
        assertThat(canceled.clientOrderId()).isEqualTo(id);
        assertThat(canceled.cancelClientOrderId()).isNotNull().isNotEqualTo(id);
        assertThat(canceled.executedQty()).isZero();
        assertThat(ok(c.queryOrder(btc, id)).status()).isEqualTo(BinanceOrderStatus.CANCELED);
        assertThat(ok(c.openOrders(btc))).extracting(VenueOrder::clientOrderId).doesNotContain(id);
        assertThat(ok(c.account()).locked("USDT")).isEqualTo(before.locked("USDT"));

        TradingFailure again = failure(c.cancelOrder(btc, id));
        assertThat(again.outcome()).isEqualTo(TradingFailure.Outcome.REJECTED);
        assertThat(again.code()).isEqualTo(-2011);
        assertThat(again.msg()).isEqualTo("Unknown order sent.");
        TradingFailure unknown = failure(c.queryOrder(btc, id("never-placed")));
        assertThat(unknown.outcome()).isEqualTo(TradingFailure.Outcome.REJECTED);
        assertThat(unknown.code()).isEqualTo(-2013);
        assertThat(unknown.msg()).isEqualTo("Order does not exist.");
    }

    @Test
    void shouldReportFilterFailuresAndEngineRefusalsAsRejectedWithBinancesCodeAndMessage() throws Exception {
        TradingRestClient c = client(simClock);
        NewOrderRequest resting = restingBuy("unused");
        TradingFailure tiny = failure(c.newOrder(NewOrderRequest.limit(btc, Side.BUY, btc.minQty(), resting.price(), TimeInForce.GTC,
                id("tiny"))));
        assertThat(tiny.outcome()).isEqualTo(TradingFailure.Outcome.REJECTED);
        assertThat(tiny.outcome().mayHaveBeenProcessed()).isFalse();
        assertThat(tiny.httpStatus()).isEqualTo(400);
        assertThat(tiny.code()).isEqualTo(-1013);
        assertThat(tiny.msg()).isEqualTo("Filter failure: NOTIONAL");

        TradingFailure poor = failure(c.newOrder(NewOrderRequest.limit(btc, Side.BUY, btc.qty("5"), resting.price(), TimeInForce.GTC,
                id("poor"))));
        assertThat(poor.outcome()).isEqualTo(TradingFailure.Outcome.REJECTED);
        assertThat(poor.code()).isEqualTo(-2010);
        assertThat(poor.msg()).isEqualTo("Account has insufficient balance for requested action.");
        assertThat(c.stats().failed(TradingFailure.Outcome.REJECTED)).isEqualTo(2);
    }

    @Test
    void shouldRejectARequestSignedWithTheWrongSecretWithMinus1022() throws Exception {
        TradingRestClient wrong = client(simClock, ApiCredentials.of(KEY, WRONG_SECRET), sim.port(), r -> { }, t -> { });
        TradingFailure f = failure(wrong.account());
        assertThat(f.outcome()).isEqualTo(TradingFailure.Outcome.REJECTED);
        assertThat(f.httpStatus()).isEqualTo(400);
        assertThat(f.code()).isEqualTo(-1022);
        assertThat(f.msg()).isEqualTo("Signature for this request is not valid.");
        String id = id("badsig");
        assertThat(failure(wrong.newOrder(restingBuy(id))).code()).isEqualTo(-1022);
        assertThat(failure(client(simClock).queryOrder(btc, id)).code()).as("the order was never placed").isEqualTo(-2013);

        TradingRestClient stranger = client(simClock, ApiCredentials.of("unknownKey0123", SECRET), sim.port(), r -> { }, t -> { });
        TradingFailure unknownKey = failure(stranger.account());
        assertThat(unknownKey.outcome()).isEqualTo(TradingFailure.Outcome.REJECTED);
        assertThat(unknownKey.httpStatus()).isEqualTo(401);
        assertThat(unknownKey.code()).isEqualTo(-2015);
        for (Object o : List.of(wrong, wrong.config(), wrong.stats(), f, f.detail(), wrong.config().credentials())) {
            assertThat(o.toString()).doesNotContain(WRONG_SECRET);
        }
    }

    @Test
    void shouldResyncAfterMinus1021AndLetTheResendSucceed() throws Exception {
        TradingRestClient c = client(simClock);
        ok(c.syncTime());
        assertThat(Math.abs(c.serverTimeOffset().offsetNanos())).isLessThan(S);
        long syncs = c.stats().timeSyncs();
        fault("POST", "{\"clockSkewMs\":30000}");
        try {
            String id = id("skew-behind");
            NewOrderRequest req = restingBuy(id);
            TradingFailure f = failure(c.newOrder(req));
            assertThat(f.outcome()).isEqualTo(TradingFailure.Outcome.TIMESTAMP_REJECTED);
            assertThat(f.outcome().mayHaveBeenProcessed()).isFalse();
            assertThat(f.code()).isEqualTo(-1021);
            assertThat(f.msg()).isEqualTo("Timestamp for this request is outside of the recvWindow.");
            // reported only after the re-sync: the offset now follows the server's clock
            assertThat(c.serverTimeOffset().isSynced()).isTrue();
            assertThat(c.serverTimeOffset().offsetNanos()).isBetween(29 * S, 31 * S);
            assertThat(c.stats().timestampResyncs()).isEqualTo(1);
            assertThat(c.stats().timeSyncs()).isEqualTo(syncs + 1);
            assertThat(failure(c.queryOrder(btc, id)).code()).as("the refused order was never processed").isEqualTo(-2013);
            VenueOrder resent = ok(c.newOrder(req));
            assertThat(resent.status()).isEqualTo(BinanceOrderStatus.NEW);
            assertThat(ok(c.cancelOrder(btc, id)).status()).isEqualTo(BinanceOrderStatus.CANCELED);

            fault("POST", "{\"clockSkewMs\":-3000}");
            String id2 = id("skew-ahead");
            NewOrderRequest req2 = restingBuy(id2);
            TradingFailure ahead = failure(c.newOrder(req2));
            assertThat(ahead.outcome()).isEqualTo(TradingFailure.Outcome.TIMESTAMP_REJECTED);
            assertThat(ahead.msg()).isEqualTo("Timestamp for this request was 1000ms ahead of the server's time.");
            assertThat(c.serverTimeOffset().offsetNanos()).isBetween(-4 * S, -2 * S);
            assertThat(ok(c.newOrder(req2)).clientOrderId()).isEqualTo(id2);
            assertThat(ok(c.cancelOrder(btc, id2)).status()).isEqualTo(BinanceOrderStatus.CANCELED);
            assertThat(c.stats().failed(TradingFailure.Outcome.TIMESTAMP_REJECTED)).isEqualTo(2);
        } finally {
            fault("DELETE", null);
        }
    }

    @Test
    void shouldResyncTheServerTimePeriodically() throws Exception {
        AtomicLong ahead = new AtomicLong();
        Clock clock = () -> simClock.nanos() + ahead.get();
        TradingRestClient c = client(clock, ApiCredentials.of(KEY, SECRET), sim.port(), r -> { },
                t -> t.timeSyncInterval(Duration.ofMinutes(1)));
        ok(c.account());
        ok(c.account());
        assertThat(c.stats().timeSyncs()).as("synced before the first signed request only").isEqualTo(1);
        // Both clocks move 61 s: the client's by the test, the venue's by a skew.
        ahead.set(61 * S);
        fault("POST", "{\"clockSkewMs\":61000}");
        try {
            assertThat(ok(c.account()).canTrade()).isTrue();
            long deadline = System.nanoTime() + 10 * S;
            while (c.stats().timeSyncs() < 2) {
                assertThat(System.nanoTime()).as("no periodic re-sync").isLessThan(deadline);
                Thread.sleep(5);
            }
            assertThat(c.stats().timestampResyncs()).isZero();
            assertThat(Math.abs(c.serverTimeOffset().offsetNanos())).isLessThan(S);
        } finally {
            fault("DELETE", null);
        }
    }

    @Test
    void shouldHonourRetryAfterAndSendNothingUntilTheClientsClockPassesIt() throws Exception {
        ManualClock clock = new ManualClock();
        TradingRestClient c = client(clock, ApiCredentials.of(KEY, SECRET), sim.port(), r -> { },
                t -> t.recvWindowMillis(60_000));
        ok(c.syncTime());
        fault("POST", "{\"restStatus\":429,\"restSeconds\":30}");
        TradingFailure limited;
        try {
            limited = failure(c.newOrder(restingBuy(id("limited"))));
        } finally {
            fault("DELETE", null);
        }
        assertThat(limited.outcome()).isEqualTo(TradingFailure.Outcome.RATE_LIMITED);
        assertThat(limited.httpStatus()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo(-1003);
        assertThat(limited.retryAtNanos()).isEqualTo(clock.nanos() + 30 * S);

        long simRequests = sim.stats().restRequests();
        long sent = c.stats().requestsSent();
        List<CompletableFuture<? extends TradingResult<?>>> calls = List.of(c.newOrder(restingBuy(id("held"))),
                c.queryOrder(btc, "any-id"), c.cancelOrder(btc, "any-id"), c.account(), c.openOrders(btc), c.serverTime(),
                c.syncTime());
        for (CompletableFuture<? extends TradingResult<?>> call : calls) {
            TradingFailure refused = failure(call);
            assertThat(refused.outcome()).isEqualTo(TradingFailure.Outcome.NOT_SENT);
            assertThat(refused.refusal()).isEqualTo(LocalRefusal.BACKING_OFF);
            assertThat(refused.retryAtNanos()).isEqualTo(limited.retryAtNanos());
        }
        clock.advance(30 * S - 1);
        assertThat(failure(c.account()).refusal()).isEqualTo(LocalRefusal.BACKING_OFF);
        assertThat(c.stats().refusedLocally(LocalRefusal.BACKING_OFF)).isEqualTo(calls.size() + 1);
        assertThat(c.stats().requestsSent()).isEqualTo(sent);
        assertThat(sim.stats().restRequests()).as("nothing reached the simulator during the window").isEqualTo(simRequests);

        clock.advance(1);
        // the client's clock jumped 30 s: re-sync the offset, then trade again
        ok(c.syncTime());
        String id = id("after");
        assertThat(ok(c.newOrder(restingBuy(id))).status()).isEqualTo(BinanceOrderStatus.NEW);
        assertThat(ok(c.cancelOrder(btc, id)).status()).isEqualTo(BinanceOrderStatus.CANCELED);
        assertThat(c.stats().failed(TradingFailure.Outcome.RATE_LIMITED)).isEqualTo(1);
    }

    @Test
    void shouldTreatA418AsAnIpBanLoggedWithItsWait() throws Exception {
        ManualClock clock = new ManualClock();
        TradingRestClient c = client(clock, ApiCredentials.of(KEY, SECRET), sim.port(), r -> { }, t -> t.recvWindowMillis(60_000));
        fault("POST", "{\"restStatus\":418,\"restSeconds\":120}");
        TradingFailure banned;
        try {
            banned = failure(c.serverTime());
        } finally {
            fault("DELETE", null);
        }
        assertThat(banned.outcome()).isEqualTo(TradingFailure.Outcome.IP_BANNED);
        assertThat(banned.httpStatus()).isEqualTo(418);
        assertThat(banned.retryAtNanos()).isEqualTo(clock.nanos() + 120 * S);
        assertThat(logs).anySatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains("418").contains("120 s");
        });
        clock.advance(119 * S);
        TradingFailure stillBanned = failure(c.account());
        assertThat(stillBanned.outcome()).isEqualTo(TradingFailure.Outcome.NOT_SENT);
        assertThat(stillBanned.refusal()).isEqualTo(LocalRefusal.BACKING_OFF);
        clock.advance(S);
        assertThat(ok(c.serverTime())).isPositive();
        assertThat(ok(c.account()).canTrade()).isTrue();
    }

    @Test
    void shouldReportA5xxAsUnknownAndResolveItByQueryingTheOrder() throws Exception {
        TradingRestClient c = client(simClock);
        ok(c.syncTime());
        String id = id("5xx");
        fault("POST", "{\"restStatus\":503,\"restSeconds\":30}");
        TradingFailure f;
        try {
            f = failure(c.newOrder(restingBuy(id)));
        } finally {
            fault("DELETE", null);
        }
        assertThat(f.outcome()).isEqualTo(TradingFailure.Outcome.UNKNOWN);
        assertThat(f.outcome().mayHaveBeenProcessed()).isTrue();
        assertThat(f.httpStatus()).isEqualTo(503);
        assertThat(f.code()).isEqualTo(-1008);
        assertThat(f.detail().kind()).isEqualTo(RestFailure.Kind.SERVER_ERROR);
        TradingFailure resolved = failure(c.queryOrder(btc, id));
        assertThat(resolved.code()).as("resolved: the venue never placed it").isEqualTo(-2013);
        assertThat(c.stats().failed(TradingFailure.Outcome.UNKNOWN)).isEqualTo(1);
    }

    @Test
    void shouldReportALostConnectionOrATimeoutAfterSendingAsUnknownAndFindTheOrderByQuerying() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(sim.port())) {
            TradingRestClient c = client(simClock, ApiCredentials.of(KEY, SECRET), proxy.port(),
                    r -> r.requestTimeout(Duration.ofMillis(1500)), t -> { });
            ok(c.syncTime());

            String reset = id("reset");
            proxy.loseNextAnswer(FaultyProxy.Fault.RESET_NEXT_ANSWER);
            TradingFailure lost = failure(c.newOrder(restingBuy(reset)));
            assertThat(proxy.answersLost()).isEqualTo(1);
            assertThat(lost.outcome()).isEqualTo(TradingFailure.Outcome.UNKNOWN);
            assertThat(lost.httpStatus()).isZero();
            assertThat(lost.detail().kind()).isEqualTo(RestFailure.Kind.TRANSPORT);
            VenueOrder found = ok(c.queryOrder(btc, reset));
            assertThat(found.status()).as("the venue did take it").isEqualTo(BinanceOrderStatus.NEW);
            assertThat(ok(c.cancelOrder(btc, reset)).status()).isEqualTo(BinanceOrderStatus.CANCELED);

            String swallowed = id("timeout");
            proxy.loseNextAnswer(FaultyProxy.Fault.SWALLOW_NEXT_ANSWER);
            TradingFailure timedOut = failure(c.newOrder(restingBuy(swallowed)));
            assertThat(timedOut.outcome()).isEqualTo(TradingFailure.Outcome.UNKNOWN);
            assertThat(timedOut.detail().kind()).isEqualTo(RestFailure.Kind.TIMEOUT);
            assertThat(ok(c.queryOrder(btc, swallowed)).status()).isEqualTo(BinanceOrderStatus.NEW);
            assertThat(ok(c.cancelOrder(btc, swallowed)).status()).isEqualTo(BinanceOrderStatus.CANCELED);
            assertThat(c.stats().failed(TradingFailure.Outcome.UNKNOWN)).isEqualTo(2);
        }
    }

    @Test
    void shouldReportARefusedConnectionAsNotSent() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        TradingRestClient c = client(simClock, ApiCredentials.of(KEY, SECRET), freePort, r -> { }, t -> { });
        TradingFailure time = failure(c.serverTime());
        assertThat(time.outcome()).isEqualTo(TradingFailure.Outcome.NOT_SENT);
        assertThat(time.refusal()).isNull();
        assertThat(time.detail().kind()).isEqualTo(RestFailure.Kind.TRANSPORT);
        TradingFailure order = failure(c.newOrder(restingBuy(id("nowhere"))));
        assertThat(order.outcome()).as("no server time, so the order never left").isEqualTo(TradingFailure.Outcome.NOT_SENT);
        assertThat(order.refusal()).isEqualTo(LocalRefusal.NO_SERVER_TIME);
        assertThat(c.stats().refusedLocally(LocalRefusal.NO_SERVER_TIME)).isEqualTo(1);
    }

    @Test
    void shouldReportASilentServerAsUnknown() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
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
            TradingRestClient c = client(simClock, ApiCredentials.of(KEY, SECRET), silent.getLocalPort(),
                    r -> r.requestTimeout(Duration.ofMillis(300)), t -> t.timeSyncSamples(1));
            TradingFailure f = failure(c.serverTime());
            assertThat(f.outcome()).isEqualTo(TradingFailure.Outcome.UNKNOWN);
            assertThat(f.detail().kind()).isEqualTo(RestFailure.Kind.TIMEOUT);
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void shouldTrackWeightAndOrderCountHeaders() throws Exception {
        TradingRestClient c = client(simClock);
        ok(c.syncTime());
        simClock.pin(System.currentTimeMillis());
        try {
            String a = id("count-a");
            String b = id("count-b");
            ok(c.newOrder(restingBuy(a)));
            long orders10s = c.stats().orderCount10s();
            long ordersDay = c.stats().orderCount1d();
            assertThat(orders10s).isPositive();
            assertThat(ordersDay).isGreaterThanOrEqualTo(orders10s);
            ok(c.newOrder(restingBuy(b)));
            assertThat(c.stats().orderCount10s()).isEqualTo(orders10s + 1);
            assertThat(c.stats().orderCount1d()).isEqualTo(ordersDay + 1);

            ok(c.queryOrder(btc, a));
            long weight = c.stats().usedWeight1m();
            assertThat(weight).isPositive();
            ok(c.queryOrder(btc, b));
            assertThat(c.stats().usedWeight1m()).as("query order weighs 4").isEqualTo(weight + 4);
            ok(c.account());
            assertThat(c.stats().usedWeight1m()).as("account weighs 20").isEqualTo(weight + 24);
            long serverNow = c.serverTimeOffset().timestampMillis();
            assertThat(c.rateLimits().estimate(RateLimit.Kind.REQUEST_WEIGHT, 60_000, serverNow)).isEqualTo(weight + 24);
            assertThat(c.rateLimits().estimate(RateLimit.Kind.ORDERS, 10_000, serverNow)).isEqualTo(orders10s + 1);
            ok(c.cancelOrder(btc, a));
            ok(c.cancelOrder(btc, b));
            assertThat(c.stats().orderCount10s()).as("cancels are no new orders").isEqualTo(orders10s + 1);
        } finally {
            simClock.unpin();
        }
    }

    @Test
    void shouldCompleteOnTheCallersExecutorAndNeverInsideTheCall() throws Exception {
        TradingRestClient c = client(simClock, ApiCredentials.of(KEY, SECRET), sim.port(), r -> { },
                t -> t.rateLimits(List.of(new RateLimit(RateLimit.Kind.REQUEST_WEIGHT, 60_000, 1_000_000))));
        AtomicBoolean answeredOnLoop = new AtomicBoolean();
        CompletableFuture<TradingResult<AccountBalances>> f = loop.submit(() -> c.account()
                .whenComplete((r, e) -> answeredOnLoop.set(Thread.currentThread() == loopThread.get()))).get(10, TimeUnit.SECONDS);
        assertThat(ok(f).canTrade()).isTrue();
        assertThat(answeredOnLoop).isTrue();

        TradingRestClient tight = client(simClock, ApiCredentials.of(KEY, SECRET), sim.port(), r -> { },
                t -> t.rateLimits(List.of(new RateLimit(RateLimit.Kind.REQUEST_WEIGHT, 60_000, 10))));
        ok(tight.syncTime());
        AtomicBoolean doneInsideCall = new AtomicBoolean(true);
        AtomicBoolean refusedOnLoop = new AtomicBoolean();
        CompletableFuture<TradingResult<AccountBalances>> refused = loop.submit(() -> {
            CompletableFuture<TradingResult<AccountBalances>> g = tight.account();
            doneInsideCall.set(g.isDone());
            return g.whenComplete((r, e) -> refusedOnLoop.set(Thread.currentThread() == loopThread.get()));
        }).get(10, TimeUnit.SECONDS);
        TradingFailure why = failure(refused);
        assertThat(why.refusal()).isEqualTo(LocalRefusal.WEIGHT_LIMIT);
        assertThat(doneInsideCall).as("a local refusal is delivered later, through the executor").isFalse();
        assertThat(refusedOnLoop).isTrue();
    }

    @Test
    void shouldNeverShowTheSecret() throws Exception {
        ApiCredentials creds = ApiCredentials.of(KEY, SECRET);
        TradingRestClient c = client(simClock, creds, sim.port(), r -> { }, t -> { });
        ok(c.account());
        List<String> all = new ArrayList<>(texts);
        all.add(creds.toString());
        all.add(c.toString());
        all.add(c.stats().toString());
        all.add(c.rateLimits().toString());
        all.add(c.serverTimeOffset().toString());
        for (String t : all) {
            assertThat(creds.secretAppearsIn(t)).as(t).isFalse();
        }
        assertThat(creds.secretAppearsIn("..." + SECRET + "...")).as("the check itself works").isTrue();
    }
}
