package io.ttquant.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.LiquiditySide;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderType;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PortfolioAccountingTest {
    private static final long CASH = 1_000_000_000_000_000_000L; // 10 billion USDT
    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").minNotional("5").build();
    private long nextId = 1;

    private Order order(Side side, OrderType type, long qty, long price) {
        return new Order(nextId++, "c", "s", btc, side, type, TimeInForce.GTC, qty, price, 0, false, 0);
    }

    private Fill fill(Order o, long qty, long price, long feePpm) {
        long fee = Fixed.feePpm(btc.notional(price, qty), feePpm);
        o.fill(qty, price, fee, 0);
        return new Fill(o.orderId(), o.clientOrderId(), "s", btc, o.side(), nextId, price, qty, fee, "USDT", LiquiditySide.TAKER, 0);
    }

    @Test
    void shouldKeepCashFeesAndPnlExactAfterAMillionFills() {
        Portfolio p = new Portfolio("USDT", 0);
        p.deposit("USDT", CASH);
        SplittableRandom r = new SplittableRandom(42);
        BigDecimal cash = BigDecimal.valueOf(CASH, 8);
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal sells = BigDecimal.ZERO;
        BigDecimal buys = BigDecimal.ZERO;
        long price = 3_000_000; // 30,000.00
        for (int i = 0; i < 1_000_000; i++) {
            price = Math.max(100_000, price + r.nextLong(-2_000, 2_001));
            long feePpm = r.nextInt(3) * 375; // 0, 3.75 or 7.5 bps
            long held = p.position(btc).netQty();
            boolean sell = held > 0 && r.nextInt(2) == 0;
            long qty = sell ? Math.max(1, held * (1 + r.nextInt(100)) / 100) : 1 + r.nextInt(50_000);
            qty = Math.min(qty, sell ? held : Long.MAX_VALUE);
            Order o = order(sell ? Side.SELL : Side.BUY, OrderType.LIMIT, qty, price);
            assertThat(p.reserve(o, price, feePpm)).isNull();
            o.accept(0);
            Fill f = fill(o, qty, price, feePpm);
            p.applyFill(o, f);
            p.release(o);
            BigDecimal notional = BigDecimal.valueOf(price, 2).multiply(BigDecimal.valueOf(qty, 5));
            BigDecimal fee = notional.multiply(BigDecimal.valueOf(feePpm)).divide(BigDecimal.valueOf(1_000_000), 8, RoundingMode.HALF_UP);
            fees = fees.add(fee);
            if (sell) {
                cash = cash.add(notional).subtract(fee);
                base = base.subtract(BigDecimal.valueOf(qty, 5));
                sells = sells.add(notional);
            } else {
                cash = cash.subtract(notional).subtract(fee);
                base = base.add(BigDecimal.valueOf(qty, 5));
                buys = buys.add(notional);
            }
        }
        Position pos = p.position(btc);
        assertThat(Fixed.toBigDecimal(p.balance("USDT"), 8)).isEqualByComparingTo(cash);
        assertThat(Fixed.toBigDecimal(p.balance("BTC"), 8)).isEqualByComparingTo(base);
        assertThat(Fixed.toBigDecimal(p.feesPaid("USDT"), 8)).isEqualByComparingTo(fees);
        assertThat(Fixed.toBigDecimal(pos.netQty(), 5)).isEqualByComparingTo(base);
        assertThat(p.locked("USDT")).isZero();
        assertThat(p.locked("BTC")).isZero();
        // Position invariant: sells - buys == realized - cost basis, to the last unit.
        assertThat(Fixed.toBigDecimal(pos.realizedPnl() - pos.costBasis(), 8)).isEqualByComparingTo(sells.subtract(buys));
        p.mark(btc, price);
        BigDecimal equity = cash.add(base.multiply(BigDecimal.valueOf(price, 2)).setScale(8, RoundingMode.HALF_UP));
        assertThat(Fixed.toBigDecimal(p.equity(), 8)).isEqualByComparingTo(equity);
        // Equity identity: initial + realized + unrealized - fees.
        assertThat(p.equity()).isEqualTo(CASH + pos.realizedPnl() + pos.unrealizedPnl() - p.feesPaid("USDT"));
    }

    @Test
    void shouldComputeRealizedAndUnrealizedPnlByHand() {
        Portfolio p = new Portfolio("USDT", 0);
        p.deposit("USDT", CASH);
        // buy 1 @ 100, buy 1 @ 110 -> avg 105; sell 1 @ 120 -> realized 15; mark 90 -> unrealized -15
        for (long[] t : new long[][] {{1, 10_000}, {1, 11_000}}) {
            Order o = order(Side.BUY, OrderType.LIMIT, t[0] * 100_000, t[1]);
            p.reserve(o, 0, 0);
            o.accept(0);
            p.applyFill(o, fill(o, t[0] * 100_000, t[1], 0));
            p.release(o);
        }
        assertThat(p.position(btc).avgEntryPrice()).isEqualTo(10_500);
        Order s = order(Side.SELL, OrderType.LIMIT, 100_000, 12_000);
        p.reserve(s, 0, 0);
        s.accept(0);
        long realized = p.applyFill(s, fill(s, 100_000, 12_000, 0));
        assertThat(realized).isEqualTo(15_00000000L);
        p.mark(btc, 9_000);
        assertThat(p.position(btc).unrealizedPnl()).isEqualTo(-15_00000000L);
        assertThat(p.position(btc).avgEntryPrice()).isEqualTo(10_500);
    }

    @Test
    void shouldRefuseAnOrderTheAccountCannotPayForAndCountTheReason() {
        Portfolio p = new Portfolio("USDT", 0);
        p.deposit("USDT", 1_000_00000000L); // 1,000 USDT
        Order big = order(Side.BUY, OrderType.LIMIT, 100_000, 3_000_000); // 1 BTC @ 30,000
        assertThat(p.reserve(big, 0, 1000)).isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
        Order sell = order(Side.SELL, OrderType.LIMIT, 100_000, 3_000_000);
        assertThat(p.reserve(sell, 0, 1000)).isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
        Order market = order(Side.BUY, OrderType.MARKET, 1_000, 0);
        assertThat(p.reserve(market, 0, 1000)).isEqualTo(RejectReason.NO_MARKET_PRICE);
        p.countRejection(RejectReason.INSUFFICIENT_BALANCE);
        p.countRejection(RejectReason.INSUFFICIENT_BALANCE);
        assertThat(p.rejections(RejectReason.INSUFFICIENT_BALANCE)).isEqualTo(2);
        assertThat(p.free("USDT")).isEqualTo(1_000_00000000L);
    }

    @Test
    void shouldLockFundsForOpenOrdersAndReleaseTheRestWhenDone() {
        Portfolio p = new Portfolio("USDT", 0);
        p.deposit("USDT", 10_000_00000000L);
        Order o = order(Side.BUY, OrderType.LIMIT, 10_000, 3_000_000); // 0.1 BTC @ 30,000 = 3,000 USDT
        assertThat(p.reserve(o, 0, 1000)).isNull();
        assertThat(p.locked("USDT")).isEqualTo(3_003_00000000L);
        assertThat(p.free("USDT")).isEqualTo(6_997_00000000L);
        Order second = order(Side.BUY, OrderType.LIMIT, 30_000, 3_000_000); // 9,000 more: refused
        assertThat(p.reserve(second, 0, 1000)).isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
        o.accept(0);
        p.applyFill(o, fill(o, 4_000, 2_900_000, 1000)); // 0.04 @ 29,000 = 1,160 + 1.16 fee
        p.release(o);
        assertThat(p.locked("USDT")).isZero();
        assertThat(p.balance("USDT")).isEqualTo(10_000_00000000L - 1_160_00000000L - 1_16000000L);
        assertThat(p.balance("BTC")).isEqualTo(4_000_000L);
    }
}
