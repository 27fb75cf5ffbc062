package io.ttquant.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.time.SimulatedClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The risk engine's day as a restart needs it: a position put back exactly, the day kept as
 * realised-since-the-start plus unrealised-at-the-start, a listener told of each day start and
 * loss-state change, the day rolled before a fill is applied, and a journaled day restored only on
 * its own day, without counting the breach that caused its state twice.
 */
class RiskEngineDayTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long NOON_2024_01_01 = 1_704_110_400L * SECOND;
    private static final long MIDNIGHT_2024_01_02 = 1_704_153_600L * SECOND;
    private static final long DAY_2024_01_01 = 19_723;

    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001")
            .minNotional("5").maxPrice("1000000").maxQty("9000").build();
    private final SimulatedClock clock = new SimulatedClock(NOON_2024_01_01);
    private final List<String> heard = new ArrayList<>();
    private long nextOrderId = 1;

    private static long cash(String text) {
        return Fixed.parse(text, Fixed.CASH_SCALE);
    }

    private RiskEngine engine(long reduceOnlyLoss, long haltLoss) {
        RiskEngine e = new RiskEngine(RiskLimits.builder()
                .instrument(InstrumentLimits.of(btc).maxOrderQty(btc.qty("5")).maxPosition(btc.qty("5")).build())
                .strategy(StrategyLimits.named("mm").maxOrderNotional(cash("1000000")).dailyLoss(reduceOnlyLoss, haltLoss).build())
                .strategy(StrategyLimits.named("other").maxOrderNotional(cash("1000000")).build())
                .build(), clock);
        e.dayListener(new RiskDayListener() {
            @Override
            public void onDayStarted(int s, long epochDay, long dayRealized, long dayStartUnrealized, TradingState lossState) {
                heard.add("day " + s + " " + epochDay + " " + dayRealized + " " + dayStartUnrealized + " " + lossState);
            }

            @Override
            public void onLossState(int s, long epochDay, long dayRealized, long dayStartUnrealized, TradingState lossState) {
                heard.add("loss " + s + " " + epochDay + " " + dayRealized + " " + dayStartUnrealized + " " + lossState);
            }
        });
        return e;
    }

    private long place(RiskEngine e, Side side, String qty, String price) {
        RejectReason r = e.checkNew(0, btc, side, OrderType.LIMIT, TimeInForce.GTC, btc.qty(qty), btc.price(price), 0, false);
        assertThat(r).isNull();
        long id = nextOrderId++;
        e.onAccepted(0, id, btc, side, OrderType.LIMIT, TimeInForce.GTC, btc.qty(qty), btc.price(price), 0, false);
        return id;
    }

    private RejectReason buy(RiskEngine e, String qty, String price) {
        return e.checkNew(0, btc, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, btc.qty(qty), btc.price(price), 0, false);
    }

    private void mark(RiskEngine e, String price) {
        e.onMarketPrice(btc, btc.price(price), 0, 0);
    }

    @Test
    void shouldRestoreAPositionExactlyWithoutRealisingPnlOrEvaluatingTheLoss() {
        RiskEngine e = engine(cash("1000"), cash("5000"));
        mark(e, "50000");
        // 0.3 bought for 15000.01 in all: an average entry no tick can express.
        e.restorePosition(0, btc, btc.qty("0.3"), cash("15000.01"));
        assertThat(e.position(0, btc)).isEqualTo(btc.qty("0.3"));
        assertThat(e.dayRealized(0)).isZero();
        assertThat(e.dailyPnl(0)).as("revalued at the known mark").isEqualTo(cash("-0.01"));
        e.restorePosition(0, btc, btc.qty("0.3"), cash("16500"));
        assertThat(e.dailyPnl(0)).isEqualTo(cash("-1500"));
        assertThat(e.state(0)).as("a restore does not evaluate the loss").isEqualTo(TradingState.ACTIVE);
        assertThat(heard).isEmpty();

        // Selling a third realises against the exact basis: 5000 received for 5500 of basis.
        long sell = place(e, Side.SELL, "0.1", "50000");
        e.onFill(sell, btc.qty("0.1"), btc.price("50000"), cash("1"));
        assertThat(e.dayRealized(0)).isEqualTo(cash("-501"));
        assertThat(e.position(0, btc)).isEqualTo(btc.qty("0.2"));
        assertThat(e.dailyPnl(0)).isEqualTo(cash("-1501"));
        assertThat(e.state(0)).isEqualTo(TradingState.REDUCE_ONLY);

        assertThatThrownBy(() -> e.restorePosition(0, btc, btc.qty("0.3"), cash("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.restorePosition(0, btc, 0, cash("1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepTheDayAsRealisedSinceItsStartAndUnrealisedAtItsStart() {
        RiskEngine e = engine(cash("100000"), cash("200000"));
        mark(e, "50000");
        long id = place(e, Side.BUY, "1", "50000");
        e.onFill(id, btc.qty("1"), btc.price("50000"), cash("5"));
        mark(e, "50300");
        long exit = place(e, Side.SELL, "0.5", "50200");
        e.onFill(exit, btc.qty("0.5"), btc.price("50200"), cash("2.5"));
        assertThat(e.epochDay()).isEqualTo(DAY_2024_01_01);
        assertThat(e.dayRealized(0)).isEqualTo(cash("92.5")); // 100 on the half sold, less 5 and 2.5 of fees
        assertThat(e.dayStartUnrealized(0)).isZero();
        assertThat(e.dailyPnl(0)).isEqualTo(cash("242.5")); // plus 150 unrealised on the half kept

        clock.advanceTo(MIDNIGHT_2024_01_02);
        assertThat(e.epochDay()).isEqualTo(DAY_2024_01_01 + 1);
        assertThat(e.dayRealized(0)).isZero();
        assertThat(e.dayStartUnrealized(0)).isEqualTo(cash("150"));
        assertThat(e.dailyPnl(0)).isZero();
        mark(e, "50100");
        assertThat(e.dailyPnl(0)).isEqualTo(cash("-100"));
        assertThat(heard).containsExactly("day 0 19724 0 " + cash("150") + " ACTIVE", "day 1 19724 0 0 ACTIVE");
    }

    @Test
    void shouldTellTheListenerWhenTheLossStateChanges() {
        RiskEngine e = engine(cash("1000"), cash("5000"));
        mark(e, "50000");
        long id = place(e, Side.BUY, "1", "50000");
        e.onFill(id, btc.qty("1"), btc.price("50000"), cash("10"));
        mark(e, "49000");
        mark(e, "48800");
        mark(e, "50000");
        mark(e, "48990");
        assertThat(heard).containsExactly(
                "loss 0 19723 " + cash("-10") + " 0 REDUCE_ONLY",
                "loss 0 19723 " + cash("-10") + " 0 HALTED");
    }

    @Test
    void shouldCountAFillJustAfterMidnightForTheNewDay() {
        RiskEngine e = engine(cash("1000"), cash("5000"));
        mark(e, "50000");
        long id = place(e, Side.BUY, "1", "50000");
        e.onFill(id, btc.qty("1"), btc.price("50000"), 0);
        mark(e, "49500");
        long exit = place(e, Side.SELL, "1", "49500");
        heard.clear();

        clock.advanceTo(MIDNIGHT_2024_01_02 + SECOND);
        e.onFill(exit, btc.qty("1"), btc.price("49500"), cash("1"));

        assertThat(e.epochDay()).isEqualTo(DAY_2024_01_01 + 1);
        assertThat(e.dayRealized(0)).as("the realised -500 belongs to the new day").isEqualTo(cash("-501"));
        assertThat(e.dayStartUnrealized(0)).isEqualTo(cash("-500"));
        assertThat(e.dailyPnl(0)).as("but it was unrealised at midnight already").isEqualTo(cash("-1"));
        assertThat(heard).containsExactly("day 0 19724 0 " + cash("-500") + " ACTIVE", "day 1 19724 0 0 ACTIVE");
    }

    @Test
    void shouldAdvanceTheDayOnDemandOnceAtMidnight() {
        RiskEngine e = engine(cash("1000"), cash("5000"));
        assertThat(e.advanceDay()).isFalse();
        clock.advanceTo(MIDNIGHT_2024_01_02 - 1);
        assertThat(e.advanceDay()).isFalse();
        clock.advanceTo(MIDNIGHT_2024_01_02);
        assertThat(e.advanceDay()).isTrue();
        assertThat(e.advanceDay()).isFalse();
        assertThat(heard).hasSize(2);
    }

    @Test
    void shouldRestoreTheDayOnlyOnItsOwnDay() {
        RiskEngine e = engine(cash("1000"), cash("5000"));
        assertThat(e.restoreDay(0, DAY_2024_01_01 - 1, cash("-1200"), 0, TradingState.REDUCE_ONLY)).isFalse();
        assertThat(e.state(0)).isEqualTo(TradingState.ACTIVE);
        assertThat(e.dailyPnl(0)).isZero();

        assertThat(e.restoreDay(0, DAY_2024_01_01, cash("-1200"), cash("300"), TradingState.REDUCE_ONLY)).isTrue();
        assertThat(e.state(0)).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(e.lossState(0)).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(e.dayRealized(0)).isEqualTo(cash("-1200"));
        assertThat(e.dayStartUnrealized(0)).isEqualTo(cash("300"));
        assertThat(e.dailyPnl(0)).isEqualTo(cash("-1500"));
        assertThat(e.state(1)).isEqualTo(TradingState.ACTIVE);
        mark(e, "50000");
        assertThat(buy(e, "0.1", "50000")).isEqualTo(RejectReason.STRATEGY_REDUCE_ONLY);
        assertThat(heard).as("a restore is not news").isEmpty();

        clock.advanceTo(MIDNIGHT_2024_01_02);
        assertThat(e.state(0)).isEqualTo(TradingState.ACTIVE);
        assertThat(e.dailyPnl(0)).isZero();
    }

    @Test
    void shouldNotCountARestoredBreachAgainButHaltOnANewOneAfterRecovery() {
        RiskEngine e = engine(cash("1000"), cash("5000"));
        mark(e, "50000");
        e.restorePosition(0, btc, btc.qty("1"), cash("50000"));
        e.restoreDay(0, DAY_2024_01_01, cash("-900"), 0, TradingState.REDUCE_ONLY);
        mark(e, "49800"); // -1100: the same breach as before the restart
        assertThat(e.state(0)).isEqualTo(TradingState.REDUCE_ONLY);
        mark(e, "49700");
        assertThat(e.state(0)).isEqualTo(TradingState.REDUCE_ONLY);
        mark(e, "50000"); // -900: recovered above the limit
        assertThat(e.state(0)).isEqualTo(TradingState.REDUCE_ONLY);
        mark(e, "49900"); // -1000: a second breach
        assertThat(e.state(0)).isEqualTo(TradingState.HALTED);
        assertThat(heard).containsExactly("loss 0 19723 " + cash("-900") + " 0 HALTED");
    }

    @Test
    void shouldNotEvaluateARestoredDayBeforeItsPositionsArePricedAgain() {
        RiskEngine e = engine(cash("1000"), cash("5000"));
        e.restorePosition(0, btc, btc.qty("1"), cash("50000"));
        // At midnight the position stood 1500 below its cost; realised today: -400; in breach since.
        e.restoreDay(0, DAY_2024_01_01, cash("-400"), cash("-1500"), TradingState.REDUCE_ONLY);
        long sell = place(e, Side.SELL, "0.1", "49000");
        e.onFill(sell, btc.qty("0.1"), btc.price("49000"), 0); // -100 more, but no price to value the rest by yet
        assertThat(e.dailyPnl(0)).as("without a mark the unrealised part is missing").isEqualTo(cash("1000"));
        mark(e, "47500"); // 0.9 at 47500 against 45000 of basis: -2250
        assertThat(e.dailyPnl(0)).isEqualTo(cash("-1250"));
        assertThat(e.state(0)).as("never seen recovered, so not a second breach").isEqualTo(TradingState.REDUCE_ONLY);
        mark(e, "50000"); // recovered: -500 + 0 + 1500
        mark(e, "47500"); // a second breach
        assertThat(e.state(0)).isEqualTo(TradingState.HALTED);
    }

    @Test
    void shouldKeepARestoredHaltUntilMidnightWhateverThePnl() {
        RiskEngine e = engine(cash("1000"), cash("5000"));
        mark(e, "50000");
        e.restorePosition(0, btc, btc.qty("1"), cash("50000"));
        e.restoreDay(0, DAY_2024_01_01, cash("-6000"), 0, TradingState.HALTED);
        mark(e, "60000");
        assertThat(e.dailyPnl(0)).isEqualTo(cash("4000"));
        assertThat(e.state(0)).isEqualTo(TradingState.HALTED);
        clock.advanceTo(MIDNIGHT_2024_01_02);
        assertThat(e.state(0)).isEqualTo(TradingState.ACTIVE);
        assertThat(e.dayStartUnrealized(0)).isEqualTo(cash("10000"));
    }

    @Test
    void shouldRefuseASecondDayListener() {
        RiskEngine e = engine(cash("1000"), cash("5000"));
        assertThatThrownBy(() -> e.dayListener(RiskDayListener.NONE)).isInstanceOf(IllegalStateException.class);
    }
}
