package io.ttquant.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.backtest.BacktestConfig;
import io.ttquant.core.backtest.BacktestEngine;
import io.ttquant.core.backtest.BacktestResult;
import io.ttquant.core.backtest.StrategyResult;
import io.ttquant.core.data.BarArraySource;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.portfolio.Position;
import io.ttquant.core.strategy.StrategyCatalog;
import io.ttquant.core.strategy.StrategyParams;
import io.ttquant.core.strategy.example.EmaCrossStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The live engine, fed the same bars through a real in-process gateway with the paper venue, books
 * exactly what the backtest books: the same fills (side, quantity, price, fee) and the same
 * portfolio to the last unit (balances, position, cost basis, realized PnL, fees, equity).
 */
class StrategyEngineBacktestParityTest {
    private static final int BARS = 400;

    @Test
    void shouldBookTheSameFillsAndPortfolioAsTheBacktestForTheSameBars() {
        long[] open = new long[BARS];
        long[] high = new long[BARS];
        long[] low = new long[BARS];
        long[] close = new long[BARS];
        long[] volume = new long[BARS];
        long[] times = new long[BARS];
        long previous = InProcessRig.BTC.price("30000");
        for (int i = 0; i < BARS; i++) {
            // A wave with a drift and a deterministic wiggle: several crosses of EMA(5) and EMA(20) both ways.
            double p = 30_000 + 1_500 * Math.sin(i / 11.0) + 400 * Math.sin(i / 2.7) + i * 2;
            long c = InProcessRig.BTC.floorToTick(InProcessRig.BTC.price(String.format(java.util.Locale.ROOT, "%.2f", p)));
            times[i] = InProcessRig.T0 + i * InProcessRig.MINUTE;
            open[i] = previous;
            close[i] = c;
            high[i] = Math.max(previous, c) + InProcessRig.BTC.price("5");
            low[i] = Math.min(previous, c) - InProcessRig.BTC.price("5");
            volume[i] = InProcessRig.BTC.qty("50");
            previous = c;
        }
        ExchangeConfig paper = ExchangeConfig.builder().build();
        Map<String, String> params = Map.of("fast", "5", "slow", "20", "qty", "0.01");

        BacktestResult backtest = new BacktestEngine(BacktestConfig.builder()
                .instrument(InProcessRig.BTC)
                .source(new BarArraySource(InProcessRig.BTC, InProcessRig.MINUTE, times, open, high, low, close, volume))
                .exchange(paper)
                .strategy("alpha", "ema-cross", new StrategyCatalog().create("ema-cross", new StrategyParams(params)))
                .balance("USDT", Fixed.parse("100000", Fixed.CASH_SCALE))
                .valuationAsset("USDT")
                .build()).run();
        StrategyResult expected = backtest.strategies().get(0);

        InProcessRig rig = new InProcessRig(paper);
        EmaCrossStrategy live = (EmaCrossStrategy) new StrategyCatalog().create("ema-cross", new StrategyParams(params));
        rig.startEngine(CallbackBudget.DEFAULT, InProcessRig.strategy("alpha", live, "100000"));
        assertThat(rig.engine.state("alpha")).isEqualTo(StrategyEngine.State.ACTIVE);
        Bar bar = new Bar();
        for (int i = 0; i < BARS; i++) {
            rig.publish(bar.set(InProcessRig.BTC, times[i], InProcessRig.MINUTE, open[i], high[i], low[i], close[i], volume[i]));
        }

        List<String> expectedFills = describe(expected.fills());
        List<String> liveFills = new ArrayList<>();
        for (Order o : rig.engine.host("alpha").allOrders()) {
            if (o.filledQty() > 0) {
                liveFills.add(o.side() + " " + o.filledQty() + " notional " + o.filledNotional() + " fee " + o.feesPaid());
            }
        }
        assertThat(expectedFills).as("the backtest must trade for this comparison to mean anything").hasSizeGreaterThan(4);
        assertThat(liveFills).isEqualTo(expectedFills);

        Portfolio want = expected.portfolio();
        Portfolio got = rig.engine.portfolio("alpha");
        for (String asset : want.assetNames()) {
            assertThat(got.balance(asset)).as("balance of " + asset).isEqualTo(want.balance(asset));
            assertThat(got.feesPaid(asset)).as("fees in " + asset).isEqualTo(want.feesPaid(asset));
        }
        Position wp = want.position(InProcessRig.BTC);
        Position gp = got.position(InProcessRig.BTC);
        assertThat(gp.netQty()).isEqualTo(wp.netQty());
        assertThat(gp.costBasis()).isEqualTo(wp.costBasis());
        assertThat(gp.realizedPnl()).isEqualTo(wp.realizedPnl());
        assertThat(got.equity()).isEqualTo(want.equity());
        assertThat(rig.engine.positionMismatches("alpha")).isZero();
        assertThat(rig.engine.unknownReports("alpha")).isZero();
        // The gateway's own books agree with the engine's.
        assertThat(rig.gateway.position("alpha", "BTCUSDT").netQty()).isEqualTo(gp.netQty());
    }

    /** Each order's fills summed, as the live engine's orders can be compared (one order, one or more fills). */
    private static List<String> describe(List<Fill> fills) {
        List<String> out = new ArrayList<>();
        long orderId = Long.MIN_VALUE;
        long qty = 0;
        long notional = 0;
        long fee = 0;
        String side = null;
        for (Fill f : fills) {
            if (f.orderId() != orderId && side != null) {
                out.add(side + " " + qty + " notional " + notional + " fee " + fee);
                qty = 0;
                notional = 0;
                fee = 0;
            }
            orderId = f.orderId();
            side = f.side().toString();
            qty += f.qty();
            notional += f.notional();
            fee += f.fee();
        }
        if (side != null) {
            out.add(side + " " + qty + " notional " + notional + " fee " + fee);
        }
        return out;
    }
}
