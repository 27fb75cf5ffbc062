package io.ttquant.sim.market;

import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.ttquant.sim.market.Harness.BTC;
import static org.assertj.core.api.Assertions.assertThat;

class SyntheticFlowTest {
    @Test
    void shouldKeepADeepTightBookThatMovesAndTrades() {
        Harness h = new Harness(SimConfig.builder().seed(3));
        SymbolMarket btc = h.btc();
        SymbolMarket eth = h.ex.market("ETHUSDT");
        int diffs = 0;
        for (int step = 0; step < 6_000; step++) {
            h.advanceMillis(100);
            h.ex.advanceTo(h.now());
            for (SymbolMarket m : List.of(btc, eth)) {
                assertThat(m.book().levelCount(Side.BUY)).isGreaterThanOrEqualTo(20);
                assertThat(m.book().levelCount(Side.SELL)).isGreaterThanOrEqualTo(20);
                long spreadTicks = (m.bestAsk() - m.bestBid()) / m.instrument().tickSize();
                assertThat(spreadTicks).isBetween(1L, 3L);
            }
            if (btc.drainDepthDiff(h.now()) != null) {
                diffs++;
            }
        }
        h.ex.validateInternalState();

        assertThat(diffs).as("a diff in most 100 ms windows").isGreaterThan(4_500);
        long tradesPerSecond = btc.lastTradeId() / 600;
        assertThat(tradesPerSecond).isBetween(3L, 40L);
        List<Long> sizes = new ArrayList<>();
        btc.recentTrades(1_000).forEach(t -> sizes.add(t.qty()));
        Collections.sort(sizes);
        long median = sizes.get(sizes.size() / 2);
        assertThat(median).as("median BTC trade between 0.001 and 0.5").isBetween(100L, 50_000L);
        long moved = Math.abs(btc.lastPrice() - btc.referencePrice());
        assertThat(moved).as("the price moves but stays plausible").isGreaterThan(0).isLessThan(btc.referencePrice() / 10);
        assertThat(btc.klines("1m", null, null, 10)).hasSize(10).allMatch(k -> k.trades() > 0);
        assertThat(btc.ticker24h().count()).isEqualTo(btc.lastTradeId());
        assertThat(h.aggTrades.size()).isLessThanOrEqualTo(h.trades.size());
    }

    @Test
    void shouldSkipRatherThanReplayALongPause() {
        Harness h = new Harness(SimConfig.builder().seed(3).maxCatchUpMillis(5_000));
        h.advanceMillis(3_600_000);
        long started = System.nanoTime();
        h.ex.advanceTo(h.now());

        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
        assertThat(h.btc().lastTradeId()).as("5 s replayed, not an hour (about 86,000 trades)").isLessThan(2_000);
        assertThat(h.btc().klines("1m", null, null, 1000)).hasSizeGreaterThanOrEqualTo(60);
        assertThat(h.ex.market(BTC).book().levelCount(Side.BUY)).isGreaterThanOrEqualTo(20);
    }
}
