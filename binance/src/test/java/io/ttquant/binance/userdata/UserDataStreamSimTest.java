package io.ttquant.binance.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.trading.BinanceOrderStatus;
import io.ttquant.binance.trading.BinanceOrderType;
import io.ttquant.binance.userdata.RecordingUserDataListener.Balance;
import io.ttquant.binance.userdata.RecordingUserDataListener.Gap;
import io.ttquant.binance.userdata.RecordingUserDataListener.Report;
import io.ttquant.binance.userdata.SimFixture.OrderSnapshot;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.sim.market.OrderRequest;
import io.ttquant.sim.market.OrderType;
import io.ttquant.sim.market.SimFill;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link UserDataStream} against the Binance-compatible simulator on 127.0.0.1: orders placed
 * through the simulator's exchange come back as execution reports and account positions with
 * exactly the exchange's values; keepalives go out on the injected clock's schedule and really
 * keep the key alive on the exchange; an expired key (the simulator's clock moved past its
 * validity), a key the server refuses, a keepalive answered {@code -1125}, keepalives failing until
 * the key's validity ran out, and dropped connections each end in a reconnect reported as a gap,
 * after which events flow again; a 429 on key creation is waited out; closing deletes the key.
 */
class UserDataStreamSimTest {
    private static final long MS = 1_000_000L;

    private SimFixture f;
    private RecordingUserDataListener listener;
    private UserDataStream stream;
    private ListenKeyClient keys;
    private ListenKeyProxy proxy;

    private void start(BinanceEndpoints endpoints, UserDataStreamConfig config) throws Exception {
        listener = new RecordingUserDataListener(f.loop);
        keys = f.listenKeyClient(endpoints);
        stream = new UserDataStream(config, keys, f.symbols, f.loop, listener);
        stream.start();
        awaitConnected("first connection", 1);
    }

    /**
     * Waits for the stream's {@code n}th connection and for the simulator to have subscribed it: the
     * simulator answers the handshake first and subscribes the connection on its engine thread right
     * after, so an order placed in between would find no subscriber. It counts the handshake just
     * before it queues the subscription, and the engine runs its tasks in order: an engine task queued
     * once the count is seen runs after the subscription.
     */
    private void awaitConnected(String what, int n) throws Exception {
        Await.until(what, () -> listener.connects.get() == n && f.sim.stats().wsConnectionsOpened() >= n);
        f.sim.onEngine(() -> null, 10, TimeUnit.SECONDS);
    }

    private void start() throws Exception {
        f = new SimFixture();
        start(f.endpoints(), f.config(f.endpoints()).build());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (stream != null) {
            stream.closeAsync().get(10, TimeUnit.SECONDS);
            assertThat(listener.offLoopCalls.get()).isZero();
            assertThat(stream.stats().listenerErrors()).isZero();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (f != null) {
            f.close();
        }
    }

    /** A price 10 % below the best bid, far enough that the synthetic market's random walk never reaches it. */
    private String priceBelowBook() throws Exception {
        long bid = f.bestBid();
        return f.btcusdt.formatPrice(f.btcusdt.floorToTick(bid - bid / 10));
    }

    /** Places a resting buy and waits for its NEW report: proof that events flow on the current connection. */
    private OrderSnapshot placeRestingAndAwaitNew(String clientOrderId) throws Exception {
        OrderSnapshot o = f.place(OrderRequest.builder("BTCUSDT").side(Side.BUY).type(OrderType.LIMIT)
                .timeInForce(io.ttquant.sim.market.TimeInForce.GTC).quantity("0.01").price(priceBelowBook())
                .newClientOrderId(clientOrderId).build());
        try {
            Await.until("NEW of " + clientOrderId, () -> !listener.reportsOf(clientOrderId).isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; order " + o + ", calls " + listener.calls + ", " + stream.stats()
                    + ", simulator " + f.sim.stats(), e);
        }
        return o;
    }

    private static Balance balance(List<Balance> balances, String asset) {
        return balances.stream().filter(b -> b.asset().equals(asset)).findFirst().orElse(null);
    }

    private void awaitPositionMatching(OrderSnapshot o, String... assets) throws InterruptedException {
        Await.until("account position after order " + o.clientOrderId(), () -> listener.positions.stream().anyMatch(p -> {
            for (String a : assets) {
                Balance b = balance(p, a);
                if (b == null || b.free() != o.balances().get(a)[0] || b.locked() != o.balances().get(a)[1]) {
                    return false;
                }
            }
            return true;
        }));
    }

    @Test
    void shouldDeliverNewTradeAndCanceledReportsWithTheExchangesExactValues() throws Exception {
        start();
        // A resting limit buy: NEW, its funds locked in the account position.
        OrderSnapshot rest = placeRestingAndAwaitNew("rest-1");
        Report n = listener.reportsOf("rest-1").get(0);
        assertThat(n).isEqualTo(new Report("BTCUSDT", "rest-1", "", Side.BUY, BinanceOrderType.LIMIT, TimeInForce.GTC,
                rest.origQty(), rest.price(), 0, ExecutionType.NEW, BinanceOrderStatus.NEW, "NONE", rest.orderId(), 0, 0, 0, 0,
                null, n.transactionTimeNanos(), -1, false, 0, 0, rest.timeMillis() * MS, n.eventTimeNanos()));
        assertThat(n.qty()).isEqualTo(f.btcusdt.qty("0.01"));
        assertThat(n.transactionTimeNanos()).isGreaterThanOrEqualTo(n.orderCreationTimeNanos());
        awaitPositionMatching(rest, "USDT");

        // Canceled by a cancel request with its own client id: c is the cancel's, C the order's.
        OrderSnapshot canceled = f.cancel(rest.orderId(), "cancel-1");
        Await.until("CANCELED", () -> !listener.reportsOf("cancel-1").isEmpty());
        Report c = listener.reportsOf("cancel-1").get(0);
        assertThat(c.origClientOrderId()).isEqualTo("rest-1");
        assertThat(c.executionType()).isEqualTo(ExecutionType.CANCELED);
        assertThat(c.status()).isEqualTo(BinanceOrderStatus.CANCELED);
        assertThat(c.orderId()).isEqualTo(rest.orderId());
        assertThat(c.cumulativeQty()).isZero();
        assertThat(c.tradeId()).isEqualTo(-1);
        awaitPositionMatching(canceled, "USDT");

        // A market buy: NEW, then one TRADE per fill, equal to the exchange's fills.
        OrderSnapshot take = f.place(OrderRequest.builder("BTCUSDT").side(Side.BUY).type(OrderType.MARKET).quantity("0.002")
                .newClientOrderId("take-1").build());
        assertThat(take.status()).isEqualTo("FILLED");
        List<SimFill> fills = take.fills();
        assertThat(fills).isNotEmpty();
        Await.until("every fill of take-1", () -> listener.reportsOf("take-1").size() == 1 + fills.size());
        List<Report> reports = listener.reportsOf("take-1");
        assertThat(reports.get(0).executionType()).isEqualTo(ExecutionType.NEW);
        assertThat(reports.get(0).type()).isEqualTo(BinanceOrderType.MARKET);
        long cumulative = 0;
        long cumulativeQuote = 0;
        for (int i = 0; i < fills.size(); i++) {
            SimFill fill = fills.get(i);
            Report t = reports.get(i + 1);
            cumulative += fill.qty();
            cumulativeQuote += fill.quoteQty();
            assertThat(t.executionType()).isEqualTo(ExecutionType.TRADE);
            assertThat(t.orderId()).isEqualTo(take.orderId());
            assertThat(t.lastQty()).isEqualTo(fill.qty());
            assertThat(t.lastPrice()).isEqualTo(fill.price());
            assertThat(t.lastQuoteQty()).isEqualTo(fill.quoteQty());
            assertThat(t.commission()).isEqualTo(fill.commission()).isPositive();
            assertThat(t.commissionAsset()).isEqualTo(fill.commissionAsset()).isEqualTo("BTC");
            assertThat(t.tradeId()).isEqualTo(fill.tradeId());
            assertThat(t.maker()).isEqualTo(fill.maker()).isFalse();
            assertThat(t.transactionTimeNanos()).isEqualTo(fill.timeMillis() * MS);
            assertThat(t.cumulativeQty()).isEqualTo(cumulative);
            assertThat(t.cumulativeQuoteQty()).isEqualTo(cumulativeQuote);
            assertThat(t.status()).isEqualTo(i == fills.size() - 1 ? BinanceOrderStatus.FILLED : BinanceOrderStatus.PARTIALLY_FILLED);
        }
        assertThat(cumulative).isEqualTo(take.executedQty()).isEqualTo(f.btcusdt.qty("0.002"));
        assertThat(cumulativeQuote).isEqualTo(take.cumulativeQuoteQty());
        awaitPositionMatching(take, "USDT", "BTC");

        // Pings answered all along, nothing lost, no reconnect.
        Await.until("pongs", () -> stream.stats().pingsAnswered() >= 2 && f.sim.stats().pongsReceived() >= 2);
        assertThat(f.sim.stats().pongTimeoutDisconnects()).isZero();
        assertThat(stream.stats().connects()).isEqualTo(1);
        assertThat(stream.stats().reconnectsTotal()).isZero();
        assertThat(stream.stats().skipped(SkipReason.UNKNOWN_EVENT_TYPE)).isZero();
        assertThat(stream.stats().events(UserDataOutcome.SKIPPED)).isZero();
        assertThat(stream.stats().events(UserDataOutcome.EXECUTION_REPORT)).isEqualTo(listener.reports.size());
        assertThat(listener.gaps).isEmpty();
        assertThat(listener.calls.get(0)).isEqualTo("connected");
    }

    @Test
    void shouldSendKeepalivesOnScheduleSoTheExchangeStillKnowsTheKeyAfterItsFirstHour() throws Exception {
        f = new SimFixture();
        long p0 = f.pinNow();
        long before = f.clock.nanos();
        start(f.endpoints(), f.config(f.endpoints()).build());
        long after = f.clock.nanos();
        String key = stream.listenKey();
        assertThat(stream.keepaliveDueNanos()).isBetween(before + Duration.ofMinutes(30).toNanos(), after + Duration.ofMinutes(30).toNanos());
        assertThat(stream.stats().keepalivesSent()).isZero();

        // 30 minutes later on both clocks: the keepalive is due and goes out.
        f.simClock.pin(p0 + Duration.ofMinutes(30).toMillis());
        long due = stream.keepaliveDueNanos();
        f.clock.advance(Duration.ofMinutes(30));
        Await.until("first keepalive acknowledged", () -> stream.stats().keepalivesAcknowledged() == 1);
        assertThat(stream.stats().keepalivesSent()).isEqualTo(1);
        assertThat(stream.keepaliveDueNanos()).isGreaterThanOrEqualTo(due + Duration.ofMinutes(30).toNanos());

        // 75 minutes after creation the exchange still knows the key, and events still flow on it.
        f.simClock.pin(p0 + Duration.ofMinutes(75).toMillis());
        ListenKeyResult probe = f.listenKeyClient(f.endpoints()).keepAlive(key).get(10, TimeUnit.SECONDS);
        assertThat(probe.isOk()).as(String.valueOf(probe)).isTrue();
        placeRestingAndAwaitNew("after-75-min");

        // Another 30 minutes on the stream's clock: the second keepalive.
        f.clock.advance(Duration.ofMinutes(30));
        Await.until("second keepalive acknowledged", () -> stream.stats().keepalivesAcknowledged() == 2);
        assertThat(stream.stats().keepalivesSent()).isEqualTo(2);
        assertThat(stream.stats().keepalivesFailed()).isZero();
        assertThat(stream.stats().keysCreated()).isEqualTo(1);
        assertThat(stream.listenKey()).isEqualTo(key);
        assertThat(stream.stats().connects()).isEqualTo(1);
        assertThat(listener.gaps).isEmpty();
    }

    @Test
    void shouldCreateANewKeyAndReconnectWhenTheStreamSaysTheKeyExpired() throws Exception {
        f = new SimFixture();
        long p0 = f.pinNow();
        start(f.endpoints(), f.config(f.endpoints()).build());
        String first = stream.listenKey();
        placeRestingAndAwaitNew("before-expiry");
        long beforeExpiry = f.clock.nanos();

        // The exchange's clock passes the key's 60 minutes: it sends listenKeyExpired and closes the stream.
        f.simClock.pin(p0 + Duration.ofMinutes(61).toMillis());
        awaitConnected("reconnected with a new key", 2);
        assertThat(stream.stats().events(UserDataOutcome.LISTEN_KEY_EXPIRED)).isEqualTo(1);
        assertThat(stream.stats().keysCreated()).isEqualTo(2);
        assertThat(stream.listenKey()).isNotNull().isNotEqualTo(first);
        assertThat(stream.stats().reconnects(StreamGapReason.LISTEN_KEY_EXPIRED)).isEqualTo(1);
        assertThat(listener.gaps).hasSize(1);
        Gap gap = listener.gaps.get(0);
        assertThat(gap.reason()).isEqualTo(StreamGapReason.LISTEN_KEY_EXPIRED);
        assertThat(gap.sinceNanos()).isGreaterThanOrEqualTo(beforeExpiry).isLessThanOrEqualTo(f.clock.nanos());
        assertThat(listener.calls.subList(listener.calls.size() - 2, listener.calls.size())).containsExactly("gap", "connected");

        placeRestingAndAwaitNew("after-expiry");
        assertThat(stream.stats().connects()).isEqualTo(2);
    }

    @Test
    void shouldReconnectWithTheSameKeyAndReportTheGapWhenTheServerDropsEveryConnection() throws Exception {
        start();
        String key = stream.listenKey();
        for (int drop = 1; drop <= 2; drop++) {
            placeRestingAndAwaitNew("before-drop-" + drop);
            long beforeDrop = f.clock.nanos();
            f.fault("{\"dropAllConnections\":true}");
            long afterDrop = f.clock.nanos();
            int connects = drop + 1;
            awaitConnected("reconnect " + drop, connects);
            assertThat(listener.gaps).hasSize(drop);
            Gap gap = listener.gaps.get(drop - 1);
            assertThat(gap.reason()).isEqualTo(StreamGapReason.CONNECTION_LOST);
            // the last frame of the lost connection: pings arrive every 150 ms
            assertThat(gap.sinceNanos()).isBetween(beforeDrop - 1_000 * MS, afterDrop);
            assertThat(listener.calls.subList(listener.calls.size() - 2, listener.calls.size())).containsExactly("gap", "connected");
            placeRestingAndAwaitNew("after-drop-" + drop);
        }
        assertThat(stream.stats().reconnects(StreamGapReason.CONNECTION_LOST)).isEqualTo(2);
        assertThat(stream.stats().keysCreated()).isEqualTo(1);
        assertThat(stream.listenKey()).isEqualTo(key);
        // the reused key is confirmed with a keepalive right after each reconnect
        Await.until("keepalives after reconnects", () -> stream.stats().keepalivesAcknowledged() == 2);
        assertThat(stream.stats().gapsReported(StreamGapReason.CONNECTION_LOST)).isEqualTo(2);
    }

    @Test
    void shouldCreateANewKeyWhenTheServerRefusesToConnectWithTheOldOne() throws Exception {
        start();
        String first = stream.listenKey();
        placeRestingAndAwaitNew("before-delete");
        // The key is deleted behind the stream's back: the server closes the stream and then refuses the key.
        ListenKeyResult deleted = f.listenKeyClient(f.endpoints()).close(first).get(10, TimeUnit.SECONDS);
        assertThat(deleted.isOk()).isTrue();
        awaitConnected("reconnected with a new key", 2);
        assertThat(stream.stats().reconnects(StreamGapReason.LISTEN_KEY_UNKNOWN)).isEqualTo(1);
        assertThat(stream.stats().keysCreated()).isEqualTo(2);
        assertThat(stream.listenKey()).isNotEqualTo(first);
        assertThat(listener.gaps).extracting(Gap::reason).containsExactly(StreamGapReason.CONNECTION_LOST);
        placeRestingAndAwaitNew("after-delete");
    }

    @Test
    void shouldCreateANewKeyAndReconnectWhenAKeepaliveIsAnsweredUnknownKey() throws Exception {
        f = new SimFixture();
        proxy = new ListenKeyProxy(f.sim.restUrl());
        BinanceEndpoints viaProxy = BinanceEndpoints.of("proxy", proxy.url(), f.sim.wsUrl());
        start(viaProxy, f.config(viaProxy).build());
        placeRestingAndAwaitNew("before-keepalive");
        proxy.answerKeepalivesWith(400, ListenKeyProxy.UNKNOWN_KEY);
        f.clock.advance(Duration.ofMinutes(30));
        awaitConnected("reconnected", 2);
        assertThat(stream.stats().keepalivesSent()).isEqualTo(1);
        assertThat(stream.stats().keepalivesFailed()).isEqualTo(1);
        assertThat(stream.stats().reconnects(StreamGapReason.KEEPALIVE_REJECTED)).isEqualTo(1);
        assertThat(stream.stats().keysCreated()).isEqualTo(2);
        assertThat(listener.gaps).extracting(Gap::reason).containsExactly(StreamGapReason.KEEPALIVE_REJECTED);
        assertThat(proxy.requests("PUT")).isEqualTo(1);
        assertThat(proxy.requests("POST")).isEqualTo(2);
        placeRestingAndAwaitNew("after-keepalive");
    }

    @Test
    void shouldReplaceAKeyWhoseKeepalivesKeptFailingUntilItsValidityRanOut() throws Exception {
        f = new SimFixture();
        proxy = new ListenKeyProxy(f.sim.restUrl());
        BinanceEndpoints viaProxy = BinanceEndpoints.of("proxy", proxy.url(), f.sim.wsUrl());
        start(viaProxy, f.config(viaProxy).keepaliveRetry(Duration.ofMinutes(5)).build());
        proxy.answerKeepalivesWith(503, "{\"code\":-1001,\"msg\":\"Internal error; unable to process your request. Please try again.\"}");
        f.clock.advance(Duration.ofMinutes(30));
        Await.until("first keepalive failed", () -> stream.stats().keepalivesFailed() == 1);
        long retry = stream.keepaliveDueNanos();
        assertThat(retry).isGreaterThanOrEqualTo(f.clock.nanos() + Duration.ofMinutes(4).toNanos());
        f.clock.advance(Duration.ofMinutes(5));
        Await.until("second keepalive failed", () -> stream.stats().keepalivesFailed() == 2);
        assertThat(listener.connects.get()).isEqualTo(1);
        proxy.forwardKeepalives();
        // 61 minutes after the key was created, and no keepalive succeeded: the key is given up.
        f.clock.advance(Duration.ofMinutes(26));
        awaitConnected("reconnected", 2);
        assertThat(stream.stats().reconnects(StreamGapReason.LISTEN_KEY_LAPSED)).isEqualTo(1);
        assertThat(listener.gaps).extracting(Gap::reason).containsExactly(StreamGapReason.LISTEN_KEY_LAPSED);
        assertThat(stream.stats().keysCreated()).isEqualTo(2);
        placeRestingAndAwaitNew("after-lapse");
    }

    @Test
    void shouldWaitOutRetryAfterBeforeAskingForAKeyAgain() throws Exception {
        f = new SimFixture();
        f.fault("{\"restStatus\":429,\"restSeconds\":30}");
        listener = new RecordingUserDataListener(f.loop);
        keys = f.listenKeyClient(f.endpoints());
        stream = new UserDataStream(f.config(f.endpoints()).build(), keys, f.symbols, f.loop, listener);
        stream.start();
        Await.until("a refused key request", () -> stream.stats().keyRequestsFailed() == 1);
        assertThat(keys.isBackingOff()).isTrue();
        f.clearFaults();
        // Let real time pass (many ticks, longer than any backoff of this test): the stream must not ask
        // again inside the Retry-After window, neither on the network nor into the client's local refusal.
        Thread.sleep(500);
        assertThat(keys.requestsSent()).isEqualTo(1);
        assertThat(keys.requestsRefused()).isZero();
        assertThat(listener.connects.get()).isZero();
        f.clock.advance(Duration.ofSeconds(31));
        awaitConnected("connected after the window", 1);
        assertThat(stream.stats().keyRequestsFailed()).isEqualTo(1);
        assertThat(keys.requestsSent()).isEqualTo(2);
        assertThat(keys.requestsRefused()).isZero();
    }

    @Test
    void shouldDeleteTheKeyWhenClosed() throws Exception {
        start();
        String key = stream.listenKey();
        ListenKeyResult closed = stream.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(closed.isOk()).as(String.valueOf(closed)).isTrue();
        assertThat(stream.stats().keysDeleted()).isEqualTo(1);
        assertThat(stream.listenKey()).isNull();
        assertThat(stream.isConnected()).isFalse();
        ListenKeyResult probe = f.listenKeyClient(f.endpoints()).keepAlive(key).get(10, TimeUnit.SECONDS);
        assertThat(probe.isUnknownKey()).as(String.valueOf(probe)).isTrue();
        assertThat(stream.closeAsync().get(10, TimeUnit.SECONDS)).isSameAs(closed);
    }
}
