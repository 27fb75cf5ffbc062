package io.ttquant.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.time.SimulatedClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskEngineTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long NOON_2024_01_01 = 1_704_110_400L * SECOND;

    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001")
            .minNotional("5").maxPrice("1000000").maxQty("9000").build();
    private final Instrument eth = Instrument.builder("ETHUSDT").tickSize("0.05").stepSize("0.001").qtyScale(5)
            .minNotional("5").build();
    private final SimulatedClock clock = new SimulatedClock(NOON_2024_01_01);
    private long nextOrderId = 1;

    private static long cash(String text) {
        return Fixed.parse(text, Fixed.CASH_SCALE);
    }

    private InstrumentLimits.Builder btcLimits() {
        return InstrumentLimits.of(btc).maxOrderQty(btc.qty("2")).maxPosition(btc.qty("3")).collarPpm(50_000);
    }

    private StrategyLimits.Builder strategy(String name) {
        return StrategyLimits.named(name).maxOrderNotional(cash("1000000"));
    }

    private RiskLimits.Builder limits(InstrumentLimits.Builder btcLimits, StrategyLimits.Builder... strategies) {
        RiskLimits.Builder b = RiskLimits.builder().instrument(btcLimits.build()).instrument(InstrumentLimits.of(eth).build());
        for (StrategyLimits.Builder s : strategies) {
            b.strategy(s.build());
        }
        return b;
    }

    private RiskEngine engine(RiskLimits.Builder limits) {
        RiskEngine e = new RiskEngine(limits.build(), clock);
        e.onMarketPrice(btc, btc.price("50000"), btc.price("49999.99"), btc.price("50000.01"));
        return e;
    }

    private RiskEngine engine(StrategyLimits.Builder... strategies) {
        return engine(limits(btcLimits(), strategies));
    }

    private RejectReason buy(RiskEngine e, int strategy, String qty, String price) {
        return e.checkNew(strategy, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, btc.qty(qty), btc.price(price), 0, false);
    }

    private RejectReason sell(RiskEngine e, int strategy, String qty, String price) {
        return e.checkNew(strategy, btc, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, btc.qty(qty), btc.price(price), 0, false);
    }

    /** Checks and, when it passes, books the order as the gateway would; returns its id, or -1 when rejected. */
    private long place(RiskEngine e, int strategy, Side side, String qty, String price) {
        RejectReason r = e.checkNew(strategy, btc, side, OrderType.LIMIT, TimeInForce.GTC, btc.qty(qty), btc.price(price), 0, false);
        if (r != null) {
            return -1;
        }
        long id = nextOrderId++;
        e.onAccepted(strategy, id, btc, side, OrderType.LIMIT, TimeInForce.GTC, btc.qty(qty), btc.price(price), 0, false);
        return id;
    }

    private void advance(long nanos) {
        clock.advanceTo(clock.nanos() + nanos);
    }

    @Test
    void shouldPassAValidLimitOrderAndCountIt() {
        RiskEngine e = engine(strategy("mm"));
        assertThat(buy(e, 0, "0.1", "50000")).isNull();
        assertThat(e.passedNewOrders()).isEqualTo(1);
    }

    @Test
    void shouldRejectPriceOffTickQtyOffStepBelowMinAndBelowMinNotional() {
        RiskEngine e = engine(limits(btcLimits().collarPpm(0), strategy("mm")).duplicateGuard(0, 1));
        long q = btc.qty("0.1");
        assertThat(e.checkNew(0, eth, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, eth.qty("1"), 300_001, 0, false))
                .isEqualTo(RejectReason.PRICE_NOT_ON_TICK);
        assertThat(e.checkNew(0, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, q, btc.price("2000000"), 0, false))
                .isEqualTo(RejectReason.PRICE_OUT_OF_BOUNDS);
        assertThat(e.checkNew(0, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, q, 0, 0, false))
                .isEqualTo(RejectReason.MISSING_PRICE);
        assertThat(e.checkNew(0, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, -q, btc.price("50000"), 0, false))
                .isEqualTo(RejectReason.QTY_BELOW_MIN);
        assertThat(e.checkNew(0, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, btc.qty("10000"), btc.price("50000"), 0, false))
                .isEqualTo(RejectReason.QTY_ABOVE_MAX);
        assertThat(e.checkNew(0, eth, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, eth.qty("1.0015"),
                eth.price("3000.05"), 0, false)).isEqualTo(RejectReason.QTY_NOT_ON_STEP);
        assertThat(e.checkNew(0, eth, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, eth.qty("1.001"),
                eth.price("3000.05"), 0, false)).isNull();
        assertThat(buy(e, 0, "0.00001", "50000")).isEqualTo(RejectReason.NOTIONAL_BELOW_MIN);
        assertThat(e.checkNew(0, btc, Side.BUY, OrderType.MARKET, TimeInForce.GTX, q, 0, 0, false))
                .isEqualTo(RejectReason.INVALID_TIME_IN_FORCE);
        assertThat(e.checkNew(0, btc, Side.BUY, OrderType.STOP_MARKET, TimeInForce.GTC, q, 0, 0, false))
                .isEqualTo(RejectReason.MISSING_STOP_PRICE);
        assertThat(e.passedNewOrders()).isEqualTo(1);
        assertThat(e.rejections(RejectReason.PRICE_NOT_ON_TICK)).isEqualTo(1);
        assertThat(e.rejections(RejectReason.NOTIONAL_BELOW_MIN)).isEqualTo(1);
    }

    @Test
    void shouldRejectOrderAboveMaxQuantity() {
        RiskEngine e = engine(strategy("mm"));
        assertThat(buy(e, 0, "2.00001", "50000")).isEqualTo(RejectReason.MAX_ORDER_QTY_EXCEEDED);
        assertThat(buy(e, 0, "2", "50000")).isNull();
        assertThat(e.rejections(RejectReason.MAX_ORDER_QTY_EXCEEDED)).isEqualTo(1);
    }

    @Test
    void shouldRejectOrderAboveMaxNotionalForLimitAndMarketOrders() {
        RiskEngine e = engine(strategy("mm").maxOrderNotional(cash("10000")));
        assertThat(buy(e, 0, "0.20001", "50000")).isEqualTo(RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED);
        assertThat(buy(e, 0, "0.2", "50000")).isNull();
        // A market buy is valued at the best ask: 0.2 x 50000.01 > 10000.
        assertThat(e.checkNew(0, btc, Side.BUY, OrderType.MARKET, TimeInForce.GTC, btc.qty("0.2"), 0, 0, false))
                .isEqualTo(RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED);
        // A market sell at the best bid 49999.99 fits.
        assertThat(e.checkNew(0, btc, Side.SELL, OrderType.MARKET, TimeInForce.GTC, btc.qty("0.2"), 0, 0, false)).isNull();
    }

    @Test
    void shouldRejectOrderWhenPositionLimitExceededCountingOpenOrders() {
        RiskEngine e = engine(strategy("mm"));
        assertThat(place(e, 0, Side.BUY, "2", "50000")).isPositive();
        // 2 open to buy + 1.00001 would reach 3.00001 > 3.
        assertThat(buy(e, 0, "1.00001", "49999")).isEqualTo(RejectReason.MAX_POSITION_EXCEEDED);
        assertThat(buy(e, 0, "1", "49999")).isNull();
        // Sells do not add to the long side: -0 + 0 open sells + 2 <= 3.
        assertThat(sell(e, 0, "2", "50001")).isNull();
        assertThat(e.rejections(RejectReason.MAX_POSITION_EXCEEDED)).isEqualTo(1);
    }

    @Test
    void shouldRecheckAgainstExposureBookedMeanwhileWithoutTakingTokensOrTrippingTheDuplicateGuard() {
        // One order per second: checkNew takes the only token; recheck of the same terms must not need another.
        RiskEngine e = engine(limits(btcLimits(), strategy("mm").orderRate(RateLimit.perSecond(1))).duplicateGuard(1_000_000_000L, 1));
        assertThat(buy(e, 0, "1", "50000")).isNull();
        assertThat(e.recheck(0, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, btc.qty("1"), btc.price("50000"), 0, false))
                .as("same terms again: no token needed, not a duplicate of itself").isNull();
        // Exposure booked by another order meanwhile: 2.5 open to buy + 1 > 3.
        e.onAccepted(0, 77, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, btc.qty("2.5"), btc.price("49000"), 0, false);
        assertThat(e.recheck(0, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, btc.qty("1"), btc.price("50000"), 0, false))
                .isEqualTo(RejectReason.MAX_POSITION_EXCEEDED);
        e.engage("test", id -> { });
        assertThat(e.recheck(0, btc, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, btc.qty("0.1"), btc.price("50000"), 0, false))
                .isEqualTo(RejectReason.KILL_SWITCH_ENGAGED);
        assertThat(e.passedNewOrders()).as("a recheck is not a new order").isEqualTo(1);
    }

    @Test
    void shouldCountFilledPositionAndFreeExposureWhenOrdersEnd() {
        RiskEngine e = engine(strategy("mm"));
        long id = place(e, 0, Side.BUY, "2", "50000");
        assertThat(e.onFill(id, btc.qty("1.5"), btc.price("50000"), 0)).isTrue();
        assertThat(e.position(0, btc)).isEqualTo(btc.qty("1.5"));
        assertThat(e.openBuyQty(0, btc)).isEqualTo(btc.qty("0.5"));
        assertThat(buy(e, 0, "1.00001", "49998")).isEqualTo(RejectReason.MAX_POSITION_EXCEEDED);
        assertThat(e.onDone(id)).isTrue();
        assertThat(e.openBuyQty(0, btc)).isZero();
        assertThat(e.openOrders(0)).isZero();
        assertThat(buy(e, 0, "1.5", "49997")).isNull();
        assertThat(buy(e, 0, "1.50001", "49996")).isEqualTo(RejectReason.MAX_POSITION_EXCEEDED);
    }

    @Test
    void shouldApplyAStrategysOwnPositionLimitOverTheInstrumentDefault() {
        RiskEngine e = engine(strategy("small").maxPosition(btc, btc.qty("0.5")), strategy("big"));
        assertThat(buy(e, 0, "0.50001", "50000")).isEqualTo(RejectReason.MAX_POSITION_EXCEEDED);
        assertThat(buy(e, 1, "0.50001", "50000")).isNull();
    }

    @Test
    void shouldRejectLimitPriceOutsideTheCollarOnEitherSideAndPassOnItsEdge() {
        RiskEngine e = engine(limits(btcLimits(), strategy("mm")).duplicateGuard(0, 1));
        // Reference = last trade 50000, collar 5 %: 47500 .. 52500 inclusive.
        assertThat(buy(e, 0, "0.1", "52500")).isNull();
        assertThat(buy(e, 0, "0.1", "52500.01")).isEqualTo(RejectReason.PRICE_OUTSIDE_COLLAR);
        assertThat(sell(e, 0, "0.1", "47500")).isNull();
        assertThat(sell(e, 0, "0.1", "47499.99")).isEqualTo(RejectReason.PRICE_OUTSIDE_COLLAR);
        e.onMarketPrice(btc, btc.price("60000"), 0, 0);
        assertThat(buy(e, 0, "0.1", "52500.01")).isEqualTo(RejectReason.PRICE_OUTSIDE_COLLAR);
        assertThat(buy(e, 0, "0.1", "57000")).isNull();
        assertThat(e.rejections(RejectReason.PRICE_OUTSIDE_COLLAR)).isEqualTo(3);
    }

    @Test
    void shouldUseTheMidAsReferenceWhenNoTradeIsKnown() {
        RiskEngine e = new RiskEngine(limits(btcLimits(), strategy("mm")).build(), clock);
        e.onMarketPrice(btc, 0, btc.price("40000"), btc.price("40000.02"));
        // mid 40000.01, 5 % above = 42000.0105: 42000.01 passes, 42000.02 does not.
        assertThat(buy(e, 0, "0.1", "42000.01")).isNull();
        assertThat(buy(e, 0, "0.1", "42000.02")).isEqualTo(RejectReason.PRICE_OUTSIDE_COLLAR);
    }

    @Test
    void shouldRejectWithoutReferencePriceWhenConfiguredToAndPassOtherwise() {
        RiskEngine strict = new RiskEngine(limits(btcLimits(), strategy("mm")).rejectWithoutReference(true).build(), clock);
        assertThat(buy(strict, 0, "0.1", "50000")).isEqualTo(RejectReason.NO_REFERENCE_PRICE);
        assertThat(strict.checkNew(0, btc, Side.BUY, OrderType.MARKET, TimeInForce.GTC, btc.qty("0.1"), 0, 0, false))
                .isEqualTo(RejectReason.NO_REFERENCE_PRICE);
        RiskEngine lenient = new RiskEngine(limits(btcLimits(), strategy("mm")).rejectWithoutReference(false).build(), clock);
        assertThat(buy(lenient, 0, "0.1", "50000")).isNull();
        assertThat(lenient.checkNew(0, btc, Side.BUY, OrderType.MARKET, TimeInForce.GTC, btc.qty("0.1"), 0, 0, false)).isNull();
    }

    @Test
    void shouldLimitOrderRatePerStrategyAndRefillWithTheClock() {
        RiskEngine e = engine(limits(btcLimits(), strategy("fast").orderRate(new RateLimit(2, 1, SECOND)), strategy("other"))
                .duplicateGuard(0, 1));
        assertThat(buy(e, 0, "0.1", "50000")).isNull();
        assertThat(buy(e, 0, "0.1", "50000")).isNull();
        assertThat(buy(e, 0, "0.1", "50000")).isEqualTo(RejectReason.ORDER_RATE_EXCEEDED);
        assertThat(buy(e, 1, "0.1", "50000")).isNull(); // another strategy has its own bucket
        advance(SECOND - 1);
        assertThat(buy(e, 0, "0.1", "50000")).isEqualTo(RejectReason.ORDER_RATE_EXCEEDED);
        advance(1);
        assertThat(buy(e, 0, "0.1", "50000")).isNull();
        assertThat(e.rejections(RejectReason.ORDER_RATE_EXCEEDED)).isEqualTo(2);
    }

    @Test
    void shouldLimitGlobalOrderRateAcrossStrategies() {
        RiskEngine e = engine(limits(btcLimits(), strategy("a"), strategy("b")).globalOrderRate(new RateLimit(3, 3, SECOND))
                .duplicateGuard(0, 1));
        assertThat(buy(e, 0, "0.1", "50000")).isNull();
        assertThat(buy(e, 1, "0.1", "50000")).isNull();
        assertThat(buy(e, 0, "0.1", "50000")).isNull();
        assertThat(buy(e, 1, "0.1", "50000")).isEqualTo(RejectReason.GLOBAL_ORDER_RATE_EXCEEDED);
        advance(SECOND / 3 + 1);
        assertThat(buy(e, 1, "0.1", "50000")).isNull();
    }

    @Test
    void shouldNotSpendATokenOnARejectedOrder() {
        RiskEngine e = engine(strategy("mm").orderRate(new RateLimit(1, 1, SECOND)));
        assertThat(buy(e, 0, "5", "50000")).isEqualTo(RejectReason.MAX_ORDER_QTY_EXCEEDED);
        assertThat(buy(e, 0, "0.1", "50000")).isNull();
    }

    @Test
    void shouldLimitCancelRatePerStrategyAndGloballyWithoutTouchingOrderTokens() {
        RiskEngine e = engine(limits(btcLimits(), strategy("a").cancelRate(new RateLimit(1, 1, SECOND))
                .orderRate(new RateLimit(5, 5, SECOND)), strategy("b")).globalCancelRate(new RateLimit(2, 2, SECOND)));
        long a1 = place(e, 0, Side.BUY, "0.1", "50000");
        long a2 = place(e, 0, Side.BUY, "0.1", "49999");
        long b1 = place(e, 1, Side.BUY, "0.1", "49998");
        long b2 = place(e, 1, Side.BUY, "0.1", "49997");
        assertThat(e.checkCancel(0, a1)).isNull();
        assertThat(e.checkCancel(0, a2)).isEqualTo(RejectReason.CANCEL_RATE_EXCEEDED);
        assertThat(e.checkCancel(1, b1)).isNull();
        assertThat(e.checkCancel(1, b2)).isEqualTo(RejectReason.GLOBAL_CANCEL_RATE_EXCEEDED);
        // 2 of strategy a's 5 order tokens were used; cancels took none of them.
        assertThat(place(e, 0, Side.BUY, "0.1", "49996")).isPositive();
        assertThat(place(e, 0, Side.BUY, "0.1", "49995")).isPositive();
        assertThat(place(e, 0, Side.BUY, "0.1", "49994")).isPositive();
        assertThat(buy(e, 0, "0.1", "49993")).isEqualTo(RejectReason.ORDER_RATE_EXCEEDED);
        advance(SECOND);
        assertThat(e.checkCancel(0, a2)).isNull();
        assertThat(e.passedCancels()).isEqualTo(3);
    }

    @Test
    void shouldRejectCancelOfAnUnknownOrForeignOrder() {
        RiskEngine e = engine(strategy("a"), strategy("b"));
        long id = place(e, 0, Side.BUY, "0.1", "50000");
        assertThat(e.checkCancel(1, id)).isEqualTo(RejectReason.UNKNOWN_ORDER);
        assertThat(e.checkCancel(0, 999)).isEqualTo(RejectReason.UNKNOWN_ORDER);
        assertThat(e.checkCancel(7, id)).isEqualTo(RejectReason.UNKNOWN_STRATEGY);
        assertThat(e.checkCancel(0, id)).isNull();
    }

    @Test
    void shouldRejectWhenMaxOpenOrdersReachedPerStrategyAndGlobally() {
        RiskEngine e = engine(limits(btcLimits(), strategy("a").maxOpenOrders(2), strategy("b")).maxOpenOrders(3));
        long a1 = place(e, 0, Side.BUY, "0.1", "50000");
        assertThat(place(e, 0, Side.BUY, "0.1", "49999")).isPositive();
        assertThat(buy(e, 0, "0.1", "49998")).isEqualTo(RejectReason.MAX_OPEN_ORDERS_EXCEEDED);
        assertThat(place(e, 1, Side.BUY, "0.1", "49997")).isPositive();
        assertThat(buy(e, 1, "0.1", "49996")).isEqualTo(RejectReason.GLOBAL_MAX_OPEN_ORDERS_EXCEEDED);
        e.onFill(a1, btc.qty("0.1"), btc.price("50000"), 0); // fully filled: no longer open
        assertThat(e.openOrders()).isEqualTo(2);
        assertThat(buy(e, 0, "0.1", "49998")).isNull();
    }

    @Test
    void shouldRejectDuplicateOrderWithinTheWindowButNotAfterIt() {
        RiskEngine e = engine(limits(btcLimits(), strategy("a"), strategy("b")).duplicateGuard(SECOND / 2, 8));
        assertThat(buy(e, 0, "0.1", "50000")).isNull();
        assertThat(buy(e, 0, "0.1", "50000")).isEqualTo(RejectReason.DUPLICATE_ORDER);
        assertThat(buy(e, 0, "0.1", "50000.01")).isNull(); // another price
        assertThat(sell(e, 0, "0.1", "50000")).isNull(); // another side
        assertThat(buy(e, 1, "0.1", "50000")).isNull(); // another strategy
        advance(SECOND / 2);
        assertThat(buy(e, 0, "0.1", "50000")).isNull();
        assertThat(e.rejections(RejectReason.DUPLICATE_ORDER)).isEqualTo(1);
    }

    @Test
    void shouldRejectReduceOnlyFlaggedOrderThatWouldIncreaseThePosition() {
        RiskEngine e = engine(strategy("mm"));
        e.onExternalFill(0, btc, Side.BUY, btc.qty("1"), btc.price("50000"), 0);
        assertThat(e.checkNew(0, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, btc.qty("0.1"), btc.price("50000"), 0, true))
                .isEqualTo(RejectReason.REDUCE_ONLY_WOULD_INCREASE);
        assertThat(e.checkNew(0, btc, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, btc.qty("1.00001"), btc.price("50000"), 0, true))
                .isEqualTo(RejectReason.REDUCE_ONLY_WOULD_INCREASE);
        assertThat(e.checkNew(0, btc, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, btc.qty("1"), btc.price("50000"), 0, true))
                .isNull();
    }

    @Test
    void shouldMoveToReduceOnlyOnDailyLossThenHaltOnASecondBreach() {
        RiskEngine e = engine(strategy("mm").dailyLoss(cash("1000"), cash("5000")));
        e.onExternalFill(0, btc, Side.BUY, btc.qty("1"), btc.price("50000"), 0);
        e.onMarketPrice(btc, btc.price("49000.01"), 0, 0);
        assertThat(e.dailyPnl(0)).isEqualTo(cash("-999.99"));
        assertThat(e.state(0)).isEqualTo(TradingState.ACTIVE);
        e.onMarketPrice(btc, btc.price("49000"), 0, 0);
        assertThat(e.state(0)).isEqualTo(TradingState.REDUCE_ONLY);
        // Reduce-only: only orders that shrink the long pass, counting open sells.
        assertThat(buy(e, 0, "0.1", "49000")).isEqualTo(RejectReason.STRATEGY_REDUCE_ONLY);
        assertThat(place(e, 0, Side.SELL, "0.6", "49000")).isPositive();
        assertThat(sell(e, 0, "0.40001", "49000.01")).isEqualTo(RejectReason.STRATEGY_REDUCE_ONLY);
        assertThat(sell(e, 0, "0.4", "49000.01")).isNull();
        // Recovery does not lift reduce-only within the day; a second breach halts.
        e.onMarketPrice(btc, btc.price("50000"), 0, 0);
        assertThat(e.state(0)).isEqualTo(TradingState.REDUCE_ONLY);
        e.onMarketPrice(btc, btc.price("48500"), 0, 0);
        assertThat(e.state(0)).isEqualTo(TradingState.HALTED);
        assertThat(sell(e, 0, "0.1", "48500")).isEqualTo(RejectReason.STRATEGY_HALTED);
    }

    @Test
    void shouldHaltAtTheHardLossLimitCountingRealisedLossAndFees() {
        RiskEngine e = engine(strategy("mm").dailyLoss(cash("1000"), cash("2000")));
        long id = place(e, 0, Side.BUY, "1", "50000");
        e.onFill(id, btc.qty("1"), btc.price("50000"), cash("10"));
        long exit = place(e, 0, Side.SELL, "1", "48010");
        assertThat(exit).isPositive();
        assertThat(e.state(0)).isEqualTo(TradingState.ACTIVE);
        assertThat(e.dailyPnl(0)).isEqualTo(cash("-10"));
        // Realised -1990 on exit, plus 10 + 10 fees = -2010 <= -2000: halted at once.
        e.onFill(exit, btc.qty("1"), btc.price("48010"), cash("10"));
        assertThat(e.position(0, btc)).isZero();
        assertThat(e.dailyPnl(0)).isEqualTo(cash("-2010"));
        assertThat(e.state(0)).isEqualTo(TradingState.HALTED);
    }

    @Test
    void shouldAllowCancelsWhileHalted() {
        RiskEngine e = engine(strategy("mm"));
        long id = place(e, 0, Side.BUY, "0.1", "50000");
        e.setState(0, TradingState.HALTED);
        assertThat(buy(e, 0, "0.1", "49000")).isEqualTo(RejectReason.STRATEGY_HALTED);
        assertThat(e.checkReplace(0, id, btc.qty("0.2"), btc.price("50000"))).isEqualTo(RejectReason.STRATEGY_HALTED);
        assertThat(e.checkCancel(0, id)).isNull();
        List<Long> ids = new ArrayList<>();
        assertThat(e.forEachOpenOrder(0, ids::add)).isEqualTo(1);
        assertThat(ids).containsExactly(id);
    }

    @Test
    void shouldResetTheDailyLossAtUtcMidnightButKeepTheOperatorState() {
        RiskEngine e = engine(strategy("a").dailyLoss(cash("1000"), cash("5000")), strategy("b"));
        e.setState(1, TradingState.REDUCE_ONLY);
        e.onExternalFill(0, btc, Side.BUY, btc.qty("1"), btc.price("50000"), 0);
        e.onMarketPrice(btc, btc.price("48000"), 0, 0);
        assertThat(e.state(0)).isEqualTo(TradingState.REDUCE_ONLY);
        clock.advanceTo(NOON_2024_01_01 + 12 * 3600 * SECOND - 1);
        assertThat(e.state(0)).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(e.dailyPnl(0)).isEqualTo(cash("-2000"));
        advance(1);
        assertThat(e.state(0)).isEqualTo(TradingState.ACTIVE);
        assertThat(e.dailyPnl(0)).isZero();
        assertThat(e.state(1)).isEqualTo(TradingState.REDUCE_ONLY);
        // The new day's loss is measured from midnight's value.
        e.onMarketPrice(btc, btc.price("47000.01"), 0, 0);
        assertThat(e.state(0)).isEqualTo(TradingState.ACTIVE);
        e.onMarketPrice(btc, btc.price("47000"), 0, 0);
        assertThat(e.state(0)).isEqualTo(TradingState.REDUCE_ONLY);
    }

    @Test
    void shouldBlockNewOrdersAndReportOpenOrdersWhenTheKillSwitchIsEngaged() {
        RiskEngine e = engine(strategy("a"), strategy("b"));
        long a = place(e, 0, Side.BUY, "0.1", "50000");
        long b = place(e, 1, Side.SELL, "0.1", "50001");
        List<Long> toCancel = new ArrayList<>();
        assertThat(e.engage("operator", toCancel::add)).isEqualTo(2);
        assertThat(toCancel).containsExactlyInAnyOrder(a, b);
        assertThat(e.isKillSwitchEngaged()).isTrue();
        assertThat(e.killReason()).isEqualTo("operator");
        assertThat(buy(e, 0, "0.1", "49000")).isEqualTo(RejectReason.KILL_SWITCH_ENGAGED);
        assertThat(e.checkReplace(0, a, btc.qty("0.2"), btc.price("50000"))).isEqualTo(RejectReason.KILL_SWITCH_ENGAGED);
        assertThat(e.checkCancel(0, a)).isNull();
        e.onDone(a);
        e.onDone(b);
        assertThat(e.openOrders()).isZero();
        e.release();
        assertThat(buy(e, 0, "0.1", "49000")).isNull();
        assertThat(e.rejections(RejectReason.KILL_SWITCH_ENGAGED)).isEqualTo(2);
    }

    @Test
    void shouldCheckAReplaceWithTheOldOrdersExposureSetAside() {
        RiskEngine e = engine(limits(btcLimits(), strategy("mm").maxOpenOrders(1)).duplicateGuard(0, 1));
        long id = place(e, 0, Side.BUY, "2", "50000");
        // As a new order 3 would count the open 2 and exceed the position and open-order limits;
        // as a replace of the 2 it is checked alone.
        assertThat(e.checkReplace(0, id, btc.qty("2"), btc.price("50001"))).isNull();
        assertThat(e.checkReplace(0, id, btc.qty("3"), btc.price("50001"))).isEqualTo(RejectReason.MAX_ORDER_QTY_EXCEEDED);
        assertThat(e.checkReplace(0, id, btc.qty("1"), btc.price("60000"))).isEqualTo(RejectReason.PRICE_OUTSIDE_COLLAR);
        assertThat(e.checkReplace(0, 12345, btc.qty("1"), btc.price("50000"))).isEqualTo(RejectReason.UNKNOWN_ORDER);
        assertThat(e.passedReplaces()).isEqualTo(1);
        // The gateway swaps the bookkeeping when the venue confirms.
        e.onDone(id);
        e.onAccepted(0, 77, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, btc.qty("2"), btc.price("50001"), 0, false);
        assertThat(e.openBuyQty(0, btc)).isEqualTo(btc.qty("2"));
        assertThat(e.openOrders(0)).isEqualTo(1);
    }

    @Test
    void shouldCheckAnOrderObjectTheSameWayAsItsFields() {
        RiskEngine e = engine(strategy("mm"));
        Order big = new Order(1, "c1", "mm", btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, btc.qty("2.5"),
                btc.price("50000"), 0, false, clock.nanos());
        assertThat(e.checkNew(0, big)).isEqualTo(RejectReason.MAX_ORDER_QTY_EXCEEDED);
        Order ok = new Order(2, "c2", "mm", btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, btc.qty("1"),
                btc.price("50000"), 0, false, clock.nanos());
        assertThat(e.checkNew(0, ok)).isNull();
        e.onAccepted(0, ok);
        assertThat(e.openQty(2)).isEqualTo(btc.qty("1"));
    }

    @Test
    void shouldRejectUnknownStrategiesAndInstruments() {
        RiskEngine e = engine(strategy("mm"));
        Instrument other = Instrument.builder("SOLUSDT").build();
        assertThat(buy(e, 1, "0.1", "50000")).isEqualTo(RejectReason.UNKNOWN_STRATEGY);
        assertThat(buy(e, -1, "0.1", "50000")).isEqualTo(RejectReason.UNKNOWN_STRATEGY);
        assertThat(e.checkNew(0, other, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 100, 0, false))
                .isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
        assertThat(e.checkNew(0, null, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 100, 0, false))
                .isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
        assertThat(e.strategyId("mm")).isZero();
        assertThat(e.strategyId("nope")).isEqualTo(-1);
        assertThat(e.rejections(RejectReason.UNKNOWN_STRATEGY)).isEqualTo(2);
    }

    @Test
    void shouldRejectOverflowingQuantitiesAsAValueNotAnException() {
        RiskEngine e = engine(strategy("mm"));
        // 10^13 ETH at 3000: the raw product does not fit 64 bits; the notional saturates and is refused.
        assertThat(e.checkNew(0, eth, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1_000_000_000_000_000_000L,
                eth.price("3000"), 0, false)).isEqualTo(RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED);
        assertThat(e.checkNew(0, eth, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, Long.MAX_VALUE / 200 * 100,
                eth.price("1"), 0, false)).isEqualTo(RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED);
    }

    @Test
    void shouldTreatABookingMistakeAsABug() {
        RiskEngine e = engine(limits(btcLimits(), strategy("mm")).maxOpenOrders(1));
        long id = place(e, 0, Side.BUY, "0.1", "50000");
        assertThatThrownBy(() -> e.onAccepted(0, id, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 1, 0, false))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> e.onFill(id, btc.qty("0.2"), btc.price("50000"), 0))
                .isInstanceOf(IllegalStateException.class);
        assertThat(e.onFill(4242, 1, 1, 0)).isFalse();
        assertThat(e.onDone(4242)).isFalse();
    }

    @Test
    void shouldRefuseAnInconsistentConfiguration() {
        assertThatThrownBy(() -> RiskLimits.builder().instrument(InstrumentLimits.of(btc).build()).build())
                .hasMessageContaining("at least one strategy");
        assertThatThrownBy(() -> RiskLimits.builder().instrument(InstrumentLimits.of(btc).build())
                .instrument(InstrumentLimits.of(btc).build()).strategy(strategy("a").build()).build())
                .hasMessageContaining("configured twice");
        assertThatThrownBy(() -> RiskLimits.builder().instrument(InstrumentLimits.of(btc).build())
                .strategy(strategy("a").maxPosition(eth, 1).build()).build())
                .hasMessageContaining("unknown instrument ETHUSDT");
        assertThatThrownBy(() -> strategy("a").dailyLoss(cash("100"), cash("50")).build())
                .hasMessageContaining("below reduce-only loss");
        assertThatThrownBy(() -> InstrumentLimits.of(btc).collarPpm(1_000_000).build())
                .hasMessageContaining("collar");
        assertThatThrownBy(() -> strategy("a").maxOpenOrders(0).build()).hasMessageContaining("open orders");
    }
}
