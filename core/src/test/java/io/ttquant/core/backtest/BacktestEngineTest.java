package io.ttquant.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.data.BarArraySource;
import io.ttquant.core.data.SyntheticMarketData;
import io.ttquant.core.exchange.BarFillMode;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.order.Side;
import io.ttquant.core.order.TimeInForce;
import io.ttquant.core.strategy.BaseStrategy;
import io.ttquant.core.strategy.example.BollingerReversionStrategy;
import io.ttquant.core.strategy.example.EmaCrossStrategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestEngineTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L;
    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").minNotional("5").build();
    private final Instrument eth = Instrument.builder("ETHUSDT").tickSize("0.01").stepSize("0.0001").minNotional("5").build();

    /** Bars whose open, high, low and close are all {@code closes[i]} except the open, which is the previous close. */
    private BarArraySource bars(Instrument ins, long start, double... closes) {
        int n = closes.length;
        long[] t = new long[n];
        long[] o = new long[n];
        long[] h = new long[n];
        long[] l = new long[n];
        long[] c = new long[n];
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * MINUTE;
            c[i] = Math.round(closes[i] * 100);
            o[i] = i == 0 ? c[i] : c[i - 1];
            h[i] = Math.max(o[i], c[i]);
            l[i] = Math.min(o[i], c[i]);
            v[i] = ins.qty("100");
        }
        return new BarArraySource(ins, MINUTE, t, o, h, l, c, v);
    }

    private ExchangeConfig fees(long ppm) {
        return ExchangeConfig.builder().makerFeePpm(ppm).takerFeePpm(ppm).barFillMode(BarFillMode.NEXT_OPEN).build();
    }

    @Test
    void shouldBuyAtTheNextOpenAfterAnUpCrossAndSellAfterTheDownCross() {
        // EMA(2) vs EMA(3): flat, then a rise makes fast cross above slow, then a fall crosses back.
        double[] closes = {100, 100, 100, 100, 110, 120, 130, 125, 100, 90, 80, 80};
        BacktestConfig config = BacktestConfig.builder().instrument(btc).source(bars(btc, T0, closes))
                .exchange(fees(1000)).strategy("ema", "ema-cross", new EmaCrossStrategy(2, 3, "1", ""))
                .balance("USDT", 1_000_000_00000000L).build();
        BacktestResult result = new BacktestEngine(config).run();
        StrategyResult s = result.strategy("ema");
        assertThat(result.bars()).isEqualTo(closes.length);
        assertThat(s.fills()).hasSize(2);
        Fill buy = s.fills().get(0);
        Fill sell = s.fills().get(1);
        // the up-cross is seen on the close of bar 4 (110): the order fills at bar 5's open (110)
        assertThat(buy.side()).isEqualTo(Side.BUY);
        assertThat(buy.price()).isEqualTo(11_000);
        assertThat(buy.timeNanos()).isEqualTo(T0 + 5 * MINUTE);
        assertThat(sell.side()).isEqualTo(Side.SELL);
        // the down-cross happens when 100 closes (bar 8); sold at bar 9's open = 100
        assertThat(sell.price()).isEqualTo(10_000);
        // pnl = -10 - fees (0.11 + 0.10)
        assertThat(s.roundTrips()).hasSize(1);
        assertThat(s.roundTrips().get(0).pnl()).isCloseTo(-10.21, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.finalEquity()).isEqualTo(1_000_000_00000000L - 10_00000000L - 11_000000L - 10_000000L);
        assertThat(s.portfolio().position(btc).isFlat()).isTrue();
    }

    @Test
    void shouldGiveEveryStrategyItsOwnPortfolio() {
        double[] closes = {100, 100, 100, 100, 110, 120, 130, 125, 100, 90, 80, 80};
        BacktestConfig config = BacktestConfig.builder().instrument(btc).source(bars(btc, T0, closes)).exchange(fees(0))
                .strategy("a", "ema-cross", new EmaCrossStrategy(2, 3, "1", ""))
                .strategy("b", "ema-cross", new EmaCrossStrategy(2, 3, "2", ""))
                .balance("USDT", 1_000_000_00000000L).build();
        BacktestResult result = new BacktestEngine(config).run();
        assertThat(result.strategy("a").finalEquity()).isEqualTo(1_000_000_00000000L - 10_00000000L);
        assertThat(result.strategy("b").finalEquity()).isEqualTo(1_000_000_00000000L - 20_00000000L);
        assertThat(result.strategy("a").orders()).allMatch(o -> o.strategyId().equals("a"));
    }

    @Test
    void shouldMergeSeveralInstrumentsInTimeOrder() {
        List<String> seen = new ArrayList<>();
        BaseStrategy recorder = new BaseStrategy() {
            @Override
            public void onBar(Bar bar) {
                seen.add(bar.instrument().symbol() + "@" + (bar.closeTimeNanos() - T0) / MINUTE);
            }
        };
        BacktestConfig config = BacktestConfig.builder().instrument(btc).instrument(eth)
                .source(bars(btc, T0, 1, 2, 3)).source(bars(eth, T0 + MINUTE / 2, 1, 2, 3))
                .exchange(fees(0)).strategy("r", "recorder", recorder).balance("USDT", 1).build();
        new BacktestEngine(config).run();
        assertThat(seen).containsExactly("BTCUSDT@1", "ETHUSDT@1", "BTCUSDT@2", "ETHUSDT@2", "BTCUSDT@3", "ETHUSDT@3");
    }

    @Test
    void shouldRejectAndCountAnOrderTheCashAccountCannotPayFor() {
        double[] closes = {100, 100, 100, 100, 110, 120, 130, 125, 100, 90, 80, 80};
        BacktestConfig config = BacktestConfig.builder().instrument(btc).source(bars(btc, T0, closes)).exchange(fees(0))
                .strategy("poor", "ema-cross", new EmaCrossStrategy(2, 3, "1", "")).balance("USDT", 50_00000000L).build();
        StrategyResult s = new BacktestEngine(config).run().strategy("poor");
        assertThat(s.fills()).isEmpty();
        assertThat(s.orders()).hasSize(1);
        assertThat(s.orders().get(0).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(s.orders().get(0).reason()).isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
        assertThat(s.portfolio().rejections(RejectReason.INSUFFICIENT_BALANCE)).isEqualTo(1);
        assertThat(s.finalEquity()).isEqualTo(50_00000000L);
    }

    @Test
    void shouldDeliverReportsAfterTheCallbackNeverInsideIt() {
        List<String> log = new ArrayList<>();
        BaseStrategy s = new BaseStrategy() {
            boolean inBar;
            boolean sent;

            @Override
            public void onBar(Bar bar) {
                inBar = true;
                if (!sent) {
                    sent = true;
                    Order o = ctx().submit(btc, Side.BUY, io.ttquant.core.order.OrderType.MARKET, TimeInForce.GTC, 100_000, 0, 0, false);
                    log.add("submitted " + o.status());
                }
                inBar = false;
            }

            @Override
            public void onOrderUpdate(Order order) {
                log.add((inBar ? "INSIDE " : "") + order.status());
            }

            @Override
            public void onFill(Fill fill) {
                log.add((inBar ? "INSIDE " : "") + "fill " + fill.price());
            }
        };
        BacktestConfig config = BacktestConfig.builder().instrument(btc).source(bars(btc, T0, 100, 101, 102))
                .exchange(ExchangeConfig.builder().barFillMode(BarFillMode.CLOSE).build())
                .strategy("s", "s", s).balance("USDT", 1_000_000_00000000L).build();
        new BacktestEngine(config).run();
        assertThat(log).containsExactly("submitted NEW", "ACCEPTED", "fill 10000", "FILLED");
    }

    @Test
    void shouldFireTimersAtTheirTime() {
        List<Long> fired = new ArrayList<>();
        BaseStrategy s = new BaseStrategy() {
            @Override
            protected void onStarted() {
                ctx().scheduleTimer(T0 + 90_000_000_000L);
            }

            @Override
            public void onTimer(long id, long now) {
                fired.add(now);
            }
        };
        BacktestConfig config = BacktestConfig.builder().instrument(btc).source(bars(btc, T0, 1, 2, 3, 4))
                .exchange(fees(0)).strategy("s", "s", s).balance("USDT", 1).build();
        new BacktestEngine(config).run();
        assertThat(fired).containsExactly(T0 + 90_000_000_000L);
    }

    @Test
    void shouldProduceIdenticalResultsForTheSameSeed() {
        StrategyResult a = runSynthetic(7);
        StrategyResult b = runSynthetic(7);
        assertThat(a.fills()).isNotEmpty();
        assertThat(a.finalEquity()).isEqualTo(b.finalEquity());
        assertThat(a.fills().size()).isEqualTo(b.fills().size());
        for (int i = 0; i < a.fills().size(); i++) {
            assertThat(a.fills().get(i).price()).isEqualTo(b.fills().get(i).price());
            assertThat(a.fills().get(i).timeNanos()).isEqualTo(b.fills().get(i).timeNanos());
        }
    }

    @Test
    void shouldRestLimitOrdersAndFillThemAsMaker() {
        SyntheticMarketData data = SyntheticMarketData.builder(btc).seed(3).count(20_000).intervalNanos(MINUTE).startPrice("30000").build();
        BacktestConfig config = BacktestConfig.builder().instrument(btc).source(data).exchange(fees(1000))
                .strategy("bb", "bollinger-reversion", new BollingerReversionStrategy(20, 2, "0.1", ""))
                .balance("USDT", 100_000_00000000L).build();
        StrategyResult s = new BacktestEngine(config).run().strategy("bb");
        assertThat(s.fills()).isNotEmpty();
        assertThat(s.fills()).allMatch(f -> f.liquidity() == io.ttquant.core.order.LiquiditySide.MAKER);
        assertThat(s.orders()).anyMatch(o -> o.status() == OrderStatus.CANCELED);
        assertThat(s.roundTrips()).isNotEmpty();
        long fees = 0;
        for (Fill f : s.fills()) {
            fees += f.fee();
        }
        assertThat(s.portfolio().feesPaid("USDT")).isEqualTo(fees);
        // exact equity identity: initial + realized + unrealized - fees
        var p = s.portfolio();
        assertThat(s.finalEquity()).isEqualTo(100_000_00000000L + p.realizedPnl() + p.unrealizedPnl() - fees);
        assertThat(s.orders()).noneMatch(Order::isOpen);
    }

    @Test
    void shouldExpireTheUnaffordableRestOfAMarketBuyThatGapsUp() {
        // 1,000 USDT buys 9 units at 100 (+2% buffer reserved: 918 + fee); the next open gaps to 150,
        // so only 6.66 units are affordable: the fill is cut to the step and the rest expires.
        BaseStrategy gapBuyer = new BaseStrategy() {
            boolean sent;

            @Override
            public void onBar(Bar bar) {
                if (!sent) {
                    sent = true;
                    ctx().buyMarket(eth, eth.qty("9"));
                }
            }
        };
        int n = 3;
        long[] t = {T0, T0 + MINUTE, T0 + 2 * MINUTE};
        long[] o = {10_000, 15_000, 15_000};
        long[] c = {10_000, 15_000, 15_000};
        long[] v = {eth.qty("100"), eth.qty("100"), eth.qty("100")};
        BarArraySource gap = new BarArraySource(eth, MINUTE, t, o, c, o, c, v);
        BacktestConfig config = BacktestConfig.builder().instrument(eth).source(gap).exchange(fees(1000))
                .strategy("g", "gap", gapBuyer).balance("USDT", 1_000_00000000L).build();
        StrategyResult s = new BacktestEngine(config).run().strategy("g");
        assertThat(n).isEqualTo(3);
        assertThat(s.fills()).hasSize(1);
        Fill f = s.fills().get(0);
        assertThat(f.price()).isEqualTo(15_000);
        // 1000 / (150 * 1.001) = 6.6600... -> 6.6600 at step 0.0001
        assertThat(f.qty()).isEqualTo(eth.qty("6.66"));
        Order order = s.orders().get(0);
        assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(order.reason()).isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
        assertThat(s.portfolio().free("USDT")).isNotNegative();
        assertThat(s.portfolio().overdrafts()).isZero();
        assertThat(s.portfolio().locked("USDT")).isZero();
    }

    private StrategyResult runSynthetic(long seed) {
        SyntheticMarketData data = SyntheticMarketData.builder(btc).seed(seed).count(50_000).intervalNanos(MINUTE).startPrice("30000").build();
        BacktestConfig config = BacktestConfig.builder().instrument(btc).source(data).exchange(fees(1000))
                .strategy("ema", "ema-cross", new EmaCrossStrategy(10, 30, "0.5", "")).balance("USDT", 100_000_00000000L).build();
        StrategyResult s = new BacktestEngine(config).run().strategy("ema");
        assertThat(Fixed.toDouble(s.finalEquity(), 8)).isPositive();
        return s;
    }
}
