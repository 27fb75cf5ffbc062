package io.ttquant.sim.market;

import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ttquant.sim.market.Harness.BTC;
import static io.ttquant.sim.market.Harness.btcQty;
import static io.ttquant.sim.market.Harness.cash;
import static io.ttquant.sim.market.Harness.px;
import static org.assertj.core.api.Assertions.assertThat;

class OrderEntryTest {
    private final Harness h = new Harness();

    @Test
    void shouldRestALimitBuyAndLockItsCostInQuote() {
        OrderOutcome out = h.limit(h.alice, Side.BUY, TimeInForce.GTC, "0.5", "60000.00");

        assertThat(out.isRejected()).isFalse();
        SimOrder o = out.order();
        assertThat(o.status()).isEqualTo(OrderStatus.NEW);
        assertThat(o.isWorking()).isTrue();
        assertThat(o.workingTime()).isEqualTo(h.now());
        assertThat(o.clientOrderId()).matches("[A-Za-z0-9]{22}");
        assertThat(out.respType()).isEqualTo(NewOrderRespType.FULL);
        assertThat(out.fills()).isEmpty();
        assertThat(h.alice.free("USDT")).isEqualTo(cash("70000"));
        assertThat(h.alice.locked("USDT")).isEqualTo(cash("30000"));
        assertThat(h.btc().bestBid()).isEqualTo(px("60000.00"));
        assertThat(h.ex.openOrders(h.alice, BTC)).containsExactly(o);
        h.ex.validateInternalState();
    }

    @Test
    void shouldFillALimitBuyAtTheMakersPricesAndReleaseTheUnusedLock() {
        h.ask("60000.00", "0.3");
        h.ask("60001.00", "0.3");

        OrderOutcome out = h.limit(h.alice, Side.BUY, TimeInForce.GTC, "0.5", "60010.00");

        SimOrder o = out.order();
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(out.fills()).extracting(SimFill::price).containsExactly(px("60000.00"), px("60001.00"));
        assertThat(out.fills()).extracting(SimFill::qty).containsExactly(btcQty("0.3"), btcQty("0.2"));
        assertThat(out.fills()).extracting(SimFill::commission).containsExactly(cash("0.0003"), cash("0.0002"));
        assertThat(out.fills()).extracting(SimFill::commissionAsset).containsOnly("BTC");
        assertThat(o.cummulativeQuoteQty()).isEqualTo(cash("30000.20"));
        assertThat(h.alice.free("USDT")).isEqualTo(cash("69999.80"));
        assertThat(h.alice.locked("USDT")).isZero();
        assertThat(h.alice.free("BTC")).isEqualTo(cash("2.4995"));
        assertThat(h.btc().bestAskQty()).isEqualTo(btcQty("0.1"));
        h.ex.validateInternalState();
    }

    @Test
    void shouldRestTheRemainderOfAPartiallyFilledLimitOrderAndFillItAsMaker() {
        h.ask("60000.00", "0.3");
        SimOrder o = h.limit(h.alice, Side.BUY, TimeInForce.GTC, "1", "60000.50").order();

        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(h.alice.locked("USDT")).isEqualTo(cash("42000.35"));
        assertThat(h.alice.free("USDT")).isEqualTo(cash("39999.65"));

        OrderOutcome sell = h.market(h.bob, Side.SELL, "0.2");

        assertThat(sell.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(sell.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(px("60000.50"));
            assertThat(f.commission()).isEqualTo(cash("12.0001"));
            assertThat(f.commissionAsset()).isEqualTo("USDT");
            assertThat(f.maker()).isFalse();
        });
        assertThat(h.bob.free("USDT")).isEqualTo(cash("50000") + cash("12000.10") - cash("12.0001"));
        assertThat(o.executedQty()).isEqualTo(btcQty("0.5"));
        assertThat(o.fills().get(1).maker()).isTrue();
        assertThat(h.alice.locked("USDT")).isEqualTo(cash("30000.25"));
        assertThat(h.alice.free("BTC")).isEqualTo(cash("2") + cash("0.3") - cash("0.0003") + cash("0.2") - cash("0.0002"));
        h.ex.validateInternalState();
    }

    @Test
    void shouldExpireTheUnfilledRestOfAnIocOrder() {
        h.ask("60000.00", "0.3");
        h.ask("60001.00", "0.3");

        SimOrder o = h.limit(h.alice, Side.BUY, TimeInForce.IOC, "1", "60000.00").order();

        assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(o.executedQty()).isEqualTo(btcQty("0.3"));
        assertThat(h.alice.free("USDT")).isEqualTo(cash("82000"));
        assertThat(h.alice.locked("USDT")).isZero();
        assertThat(h.btc().book().orderCount()).isEqualTo(1);
        h.ex.validateInternalState();
    }

    @Test
    void shouldExpireAFokOrderUntouchedWhenTheBookCannotFillItAll() {
        h.ask("60000.00", "0.3");
        h.ask("60001.00", "0.3");
        long updateId = h.btc().lastUpdateId();

        SimOrder kill = h.limit(h.alice, Side.BUY, TimeInForce.FOK, "1", "60001.00").order();
        assertThat(kill.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(kill.executedQty()).isZero();
        assertThat(h.btc().lastUpdateId()).isEqualTo(updateId);
        assertThat(h.alice.free("USDT")).isEqualTo(cash("100000"));

        SimOrder fill = h.limit(h.alice, Side.BUY, TimeInForce.FOK, "0.5", "60001.00").order();
        assertThat(fill.status()).isEqualTo(OrderStatus.FILLED);
        h.ex.validateInternalState();
    }

    @Test
    void shouldRejectALimitMakerOrderThatWouldTake() {
        h.ask("60000.00", "0.3");
        OrderRequest.Builder r = OrderRequest.builder(BTC).side(Side.BUY).type(OrderType.LIMIT_MAKER).quantity("0.1");

        OrderOutcome taking = h.ex.newOrder(h.alice, r.price("60000.00").build());
        assertThat(taking.rejection()).isEqualTo(new Rejection(ApiError.NEW_ORDER_REJECTED, "Order would immediately match and take."));
        assertThat(taking.rejection().code()).isEqualTo(-2010);

        OrderOutcome resting = h.ex.newOrder(h.alice, r.price("59999.99").build());
        assertThat(resting.order().status()).isEqualTo(OrderStatus.NEW);
        assertThat(resting.respType()).isEqualTo(NewOrderRespType.ACK);
        assertThat(h.btc().bestBid()).isEqualTo(px("59999.99"));
    }

    @Test
    void shouldBuyByQuoteOrderQtyWithoutSpendingMoreThanIt() {
        h.ask("60000.00", "0.1");
        h.ask("60100.00", "1");

        OrderOutcome out = h.ex.newOrder(h.alice, OrderRequest.marketQuote(BTC, Side.BUY, "10000"));

        SimOrder o = out.order();
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.executedQty()).isEqualTo(btcQty("0.16655"));
        assertThat(o.origQty()).isEqualTo(btcQty("0.16655"));
        assertThat(o.cummulativeQuoteQty()).isEqualTo(cash("9999.655"));
        assertThat(o.origQuoteOrderQty()).isEqualTo(cash("10000"));
        assertThat(h.alice.free("USDT")).isEqualTo(cash("90000.345"));
        assertThat(h.alice.locked("USDT")).isZero();
        assertThat(h.alice.free("BTC")).isEqualTo(cash("2.16638345"));
        String r = "report alice-key #" + o.orderId() + " ";
        assertThat(h.events).containsSubsequence(r + "NEW NEW", r + "TRADE PARTIALLY_FILLED", r + "TRADE FILLED")
                .doesNotContain(r + "EXPIRED EXPIRED");
        h.ex.validateInternalState();
    }

    @Test
    void shouldExpireAQuoteOrderQtyBuyWhenTheBookRunsOut() {
        h.ask("60000.00", "0.1");

        SimOrder o = h.ex.newOrder(h.alice, OrderRequest.marketQuote(BTC, Side.BUY, "10000")).order();

        assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(o.executedQty()).isEqualTo(btcQty("0.1"));
        assertThat(h.alice.free("USDT")).isEqualTo(cash("94000"));
        String r = "report alice-key #" + o.orderId() + " ";
        assertThat(h.events).containsSubsequence(r + "TRADE PARTIALLY_FILLED", r + "EXPIRED EXPIRED");
        h.ex.validateInternalState();
    }

    @Test
    void shouldSellByQuoteOrderQtyUpToTheAmount() {
        h.bid("59999.00", "0.1");
        h.bid("59990.00", "1");

        SimOrder o = h.ex.newOrder(h.alice, OrderRequest.marketQuote(BTC, Side.SELL, "8000")).order();

        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.executedQty()).isEqualTo(btcQty("0.13334"));
        assertThat(o.cummulativeQuoteQty()).isEqualTo(cash("7999.9666"));
        assertThat(h.alice.free("BTC")).isEqualTo(cash("2") - cash("0.13334"));
        h.ex.validateInternalState();
    }

    @Test
    void shouldExpireTheRestOfAMarketOrderWhenTheBookRunsOut() {
        h.ask("60000.00", "0.1");

        SimOrder o = h.market(h.alice, Side.BUY, "0.5").order();

        assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(o.executedQty()).isEqualTo(btcQty("0.1"));
        assertThat(h.alice.free("USDT")).isEqualTo(cash("94000"));
        h.ex.validateInternalState();
    }

    @Test
    void shouldRejectOrdersTheAccountCannotPayForWithInsufficientBalance() {
        h.ask("60000.00", "2");
        h.bid("59000.00", "2");
        Rejection insufficient = new Rejection(ApiError.NEW_ORDER_REJECTED, "Account has insufficient balance for requested action.");

        assertThat(h.market(h.bob, Side.BUY, "1").rejection()).isEqualTo(insufficient);
        assertThat(h.limit(h.bob, Side.BUY, TimeInForce.GTC, "1", "59000.00").rejection()).isEqualTo(insufficient);
        assertThat(h.limit(h.bob, Side.SELL, TimeInForce.GTC, "1.5", "61000.00").rejection()).isEqualTo(insufficient);
        assertThat(h.market(h.bob, Side.SELL, "1.00001").rejection()).isEqualTo(insufficient);
        assertThat(h.ex.newOrder(h.bob, OrderRequest.marketQuote(BTC, Side.BUY, "50000.01")).rejection()).isEqualTo(insufficient);

        assertThat(h.btc().lastTradeId()).isZero();
        assertThat(h.bob.free("USDT")).isEqualTo(cash("50000"));
        assertThat(h.bob.free("BTC")).isEqualTo(cash("1"));
        assertThat(h.market(h.bob, Side.BUY, "0.8").order().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void shouldChargeCommissionInTheReceivedAssetAtTheMakerAndTakerRates() {
        Harness fees = new Harness(SimConfig.builder().flowIntensity(0).commissionBps(2, 7));
        fees.limit(fees.bob, Side.SELL, TimeInForce.GTC, "0.5", "60000.00");

        SimFill taker = fees.market(fees.alice, Side.BUY, "0.5").fills().get(0);

        assertThat(taker.commission()).isEqualTo(cash("0.00035"));
        assertThat(taker.commissionAsset()).isEqualTo("BTC");
        assertThat(fees.alice.free("BTC")).isEqualTo(cash("2.49965"));
        assertThat(fees.alice.free("USDT")).isEqualTo(cash("70000"));
        assertThat(fees.bob.free("USDT")).isEqualTo(cash("50000") + cash("30000") - cash("6"));
        assertThat(fees.bob.free("BTC")).isEqualTo(cash("0.5"));
        List<AccountTrade> bobTrades = fees.ex.myTrades(fees.bob, BTC, null, null, null, null, 500);
        assertThat(bobTrades).singleElement().satisfies(t -> {
            assertThat(t.isBuyer()).isFalse();
            assertThat(t.isMaker()).isTrue();
            assertThat(t.commission()).isEqualTo(cash("6"));
            assertThat(t.commissionAsset()).isEqualTo("USDT");
            assertThat(t.quoteQty()).isEqualTo(cash("30000"));
        });
    }

    @Test
    void shouldRejectCancelOfAnUnknownOrderWithUnknownOrderSent() {
        CancelOutcome unknown = h.ex.cancel(h.alice, BTC, 999L, null);
        assertThat(unknown.rejection()).isEqualTo(new Rejection(ApiError.CANCEL_REJECTED, "Unknown order sent."));
        assertThat(unknown.rejection().code()).isEqualTo(-2011);
        assertThat(unknown.rejection().httpStatus()).isEqualTo(400);

        assertThat(h.ex.cancel(h.alice, BTC, null, null).rejection().message())
                .isEqualTo("Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        assertThat(h.ex.cancel(h.alice, "DOGEUSDT", 1L, null).rejection().code()).isEqualTo(-1121);
        assertThat(h.ex.order(h.alice, BTC, 999L, null)).isNull();
    }

    @Test
    void shouldCancelAnOpenOrderAndReleaseItsFunds() {
        SimOrder o = h.limit(h.alice, Side.SELL, TimeInForce.GTC, "1", "61000.00").order();
        assertThat(h.alice.locked("BTC")).isEqualTo(cash("1"));

        CancelOutcome c = h.ex.cancel(h.alice, BTC, null, o.clientOrderId(), "my-cancel");

        assertThat(c.order()).isSameAs(o);
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(o.cancelClientOrderId()).isEqualTo("my-cancel");
        assertThat(h.alice.locked("BTC")).isZero();
        assertThat(h.alice.free("BTC")).isEqualTo(cash("2"));
        assertThat(h.btc().bestAsk()).isZero();
        assertThat(h.ex.openOrders(h.alice, null)).isEmpty();
        assertThat(h.ex.order(h.alice, BTC, o.orderId(), null).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(h.ex.cancel(h.alice, BTC, o.orderId(), null).rejection().code()).isEqualTo(-2011);
        h.ex.validateInternalState();
    }

    @Test
    void shouldRejectADuplicateClientOrderIdOnlyWhileTheFirstOrderIsOpen() {
        OrderRequest r = OrderRequest.builder(BTC).side(Side.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
                .quantity("0.1").price("50000").newClientOrderId("my-1").build();
        SimOrder first = h.ex.newOrder(h.alice, r).order();

        assertThat(h.ex.newOrder(h.alice, r).rejection()).isEqualTo(new Rejection(ApiError.NEW_ORDER_REJECTED, "Duplicate order sent."));
        assertThat(h.ex.newOrder(h.bob, r).isRejected()).as("another account may use it").isFalse();

        h.ex.cancel(h.alice, BTC, first.orderId(), null);
        assertThat(h.ex.newOrder(h.alice, r).order().clientOrderId()).isEqualTo("my-1");
    }

    @Test
    void shouldCancelAllOpenOrdersOfASymbol() {
        h.limit(h.alice, Side.BUY, TimeInForce.GTC, "0.1", "50000");
        h.limit(h.alice, Side.SELL, TimeInForce.GTC, "0.1", "70000");
        h.limit(h.bob, Side.BUY, TimeInForce.GTC, "0.1", "50000");

        List<SimOrder> canceled = h.ex.cancelAll(h.alice, BTC);

        assertThat(canceled).hasSize(2).allMatch(o -> o.status() == OrderStatus.CANCELED);
        assertThat(h.ex.openOrders(h.bob, BTC)).hasSize(1);
        assertThat(h.ex.cancelAll(h.alice, BTC)).isEmpty();
        h.ex.validateInternalState();
    }

    @Test
    void shouldExpireTheTakersOwnRestingOrderByDefault() {
        SimOrder mine = h.limit(h.alice, Side.SELL, TimeInForce.GTC, "0.1", "60000.00").order();
        h.ask("60000.00", "0.1");

        OrderOutcome buy = h.limit(h.alice, Side.BUY, TimeInForce.GTC, "0.1", "60000.00");

        assertThat(buy.order().selfTradePreventionMode()).isEqualTo(SelfTradePreventionMode.EXPIRE_MAKER);
        assertThat(mine.status()).isEqualTo(OrderStatus.EXPIRED_IN_MATCH);
        assertThat(mine.preventedQuantity()).isEqualTo(btcQty("0.1"));
        assertThat(buy.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(h.events).contains("report alice-key #" + mine.orderId() + " TRADE_PREVENTION EXPIRED_IN_MATCH");
        assertThat(h.alice.locked("BTC")).isZero();
        h.ex.validateInternalState();
    }

    @Test
    void shouldTradeWithItselfUnderStpNoneAndExpireTheTakerUnderExpireTaker() {
        h.limit(h.alice, Side.SELL, TimeInForce.GTC, "0.1", "60000.00");
        OrderRequest.Builder buy = OrderRequest.builder(BTC).side(Side.BUY).type(OrderType.LIMIT)
                .timeInForce(TimeInForce.GTC).quantity("0.1").price("60000.00");

        SimOrder taker = h.ex.newOrder(h.alice, buy.selfTradePreventionMode(SelfTradePreventionMode.EXPIRE_TAKER).build()).order();
        assertThat(taker.status()).isEqualTo(OrderStatus.EXPIRED_IN_MATCH);
        assertThat(h.btc().bestAsk()).isEqualTo(px("60000.00"));

        SimOrder self = h.ex.newOrder(h.alice, buy.selfTradePreventionMode(SelfTradePreventionMode.NONE).build()).order();
        assertThat(self.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(h.alice.free("USDT")).isEqualTo(cash("100000") - cash("6000") + cash("6000") - cash("6"));
        assertThat(h.alice.free("BTC")).isEqualTo(cash("2") - cash("0.1") + cash("0.1") - cash("0.0001"));
        h.ex.validateInternalState();
    }

    @Test
    void shouldTriggerAStopLossOnTheLastTradePrice() {
        h.ask("60000.00", "0.1");
        h.market(h.bob, Side.BUY, "0.1");
        OrderRequest stop = OrderRequest.builder(BTC).side(Side.SELL).type(OrderType.STOP_LOSS)
                .quantity("0.1").stopPrice("59900.00").build();
        OrderOutcome placed = h.ex.newOrder(h.alice, stop);
        SimOrder o = placed.order();
        assertThat(placed.respType()).isEqualTo(NewOrderRespType.ACK);
        assertThat(o.isWorking()).isFalse();
        assertThat(o.workingTime()).isEqualTo(-1);
        assertThat(h.alice.locked("BTC")).isEqualTo(cash("0.1"));

        h.bid("59950.00", "0.2");
        h.bid("59890.00", "0.5");
        h.advanceMillis(5);
        h.ex.placeSyntheticMarket(BTC, Side.SELL, "0.3");

        assertThat(o.isWorking()).isTrue();
        assertThat(o.workingTime()).isEqualTo(h.now());
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.fills()).singleElement().extracting(SimFill::price).isEqualTo(px("59890.00"));
        assertThat(h.btc().bestBidQty()).isEqualTo(btcQty("0.3"));
        h.ex.validateInternalState();
    }

    @Test
    void shouldTriggerAStopLimitAsALimitOrderAndRestItsRemainder() {
        h.ask("60000.00", "0.1");
        h.market(h.bob, Side.BUY, "0.1");
        SimOrder o = h.ex.newOrder(h.alice, OrderRequest.builder(BTC).side(Side.BUY).type(OrderType.STOP_LOSS_LIMIT)
                .timeInForce(TimeInForce.GTC).quantity("0.2").price("60150.00").stopPrice("60100.00").build()).order();
        assertThat(h.alice.locked("USDT")).isEqualTo(cash("12030"));

        h.ask("60100.00", "0.05");
        h.ask("60120.00", "0.1");
        h.ex.placeSyntheticMarket(BTC, Side.BUY, "0.01");

        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.executedQty()).isEqualTo(btcQty("0.14"));
        assertThat(h.btc().bestBid()).isEqualTo(px("60150.00"));
        assertThat(h.alice.locked("USDT")).isEqualTo(cash("3609"));
        h.ex.validateInternalState();
    }

    @Test
    void shouldRejectAStopOrderThatWouldTriggerImmediately() {
        h.ask("60000.00", "0.1");
        h.market(h.bob, Side.BUY, "0.1");

        OrderOutcome out = h.ex.newOrder(h.alice, OrderRequest.builder(BTC).side(Side.SELL).type(OrderType.STOP_LOSS)
                .quantity("0.1").stopPrice("60000.00").build());

        assertThat(out.rejection()).isEqualTo(new Rejection(ApiError.NEW_ORDER_REJECTED, "Order would trigger immediately."));
    }

    @Test
    void shouldReportExecutionsThenTheAggTradesBookTickerAndAccountPositionInOrder() {
        h.ask("60000.00", "0.1");
        h.ask("60000.00", "0.1");
        h.ask("60001.00", "0.1");
        h.events.clear();

        SimOrder o = h.limit(h.alice, Side.BUY, TimeInForce.GTC, "0.3", "60001.00").order();

        String r = "report alice-key #" + o.orderId() + " ";
        assertThat(h.events).containsExactly(
                r + "NEW NEW",
                "trade 1", r + "TRADE PARTIALLY_FILLED",
                "trade 2", r + "TRADE PARTIALLY_FILLED",
                "agg 1",
                "trade 3", r + "TRADE FILLED",
                "agg 2",
                "bookTicker BTCUSDT",
                "position alice-key [USDT, BTC]");
    }

    @Test
    void shouldNumberOrdersPerSymbolTogetherWithOtherParticipants() {
        long synthetic = h.bid("50000.00", "0.1");
        SimOrder a = h.limit(h.alice, Side.BUY, TimeInForce.GTC, "0.1", "50000.00").order();
        SimOrder eth = h.ex.newOrder(h.alice, OrderRequest.limit("ETHUSDT", Side.BUY, TimeInForce.GTC, "1", "2000")).order();

        assertThat(a.orderId()).isEqualTo(synthetic + 1);
        assertThat(eth.orderId()).isEqualTo(1);
        assertThat(h.ex.openOrders(h.alice, null)).containsExactly(a, eth);
    }

    @Test
    void shouldRefuseNewOrdersAndCancelsWhenTradingIsDisabled() {
        SimOrder o = h.limit(h.alice, Side.BUY, TimeInForce.GTC, "0.1", "50000.00").order();
        h.alice.setCanTrade(false);

        assertThat(h.limit(h.alice, Side.BUY, TimeInForce.GTC, "0.1", "50000.00").rejection().message())
                .isEqualTo("This account may not place or cancel orders.");
        assertThat(h.ex.cancel(h.alice, BTC, o.orderId(), null).rejection().code()).isEqualTo(-2011);
    }
}
