package io.ttquant.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ttquant.core.data.BarArraySource;
import io.ttquant.core.data.SyntheticMarketData;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.indicator.Ema;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.strategy.BaseStrategy;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The engine's per-event path allocates nothing: a run over many bars with a strategy that never
 * trades allocates only a fixed amount (engine set-up, one equity sample, the result), however
 * many bars it processes. Any per-event allocation would show as at least 16 bytes per bar.
 */
class EngineAllocationTest {
    private static final int BARS = 200_000;
    private final Instrument btc = Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").build();

    @Test
    void shouldNotAllocatePerEventInTheSteadyState() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");
        BarArraySource bars = BarArraySource.capture(SyntheticMarketData.builder(btc).seed(2).count(BARS).build(), BARS);
        for (int warm = 0; warm < 3; warm++) {
            run(bars);
        }
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        BacktestResult result = run(bars);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertThat(result.bars()).isEqualTo(BARS);
        assertThat(allocated).as("bytes allocated for %d bars", BARS).isLessThan(BARS);
    }

    private BacktestResult run(BarArraySource bars) {
        bars.rewind();
        BaseStrategy watcher = new BaseStrategy() {
            private final Ema fast = new Ema(10);
            private final Ema slow = new Ema(30);

            @Override
            public void onBar(Bar bar) {
                double close = bar.instrument().priceToDouble(bar.close());
                fast.update(close);
                slow.update(close);
            }
        };
        return new BacktestEngine(BacktestConfig.builder().instrument(btc).source(bars).exchange(ExchangeConfig.defaults())
                .strategy("w", "watcher", watcher).balance("USDT", 1_000_00000000L)
                .sampleInterval(365L * 86_400_000_000_000L).build()).run();
    }
}
