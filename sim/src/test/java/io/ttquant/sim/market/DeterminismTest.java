package io.ttquant.sim.market;

import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ttquant.sim.market.Harness.BTC;
import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {
    /** Everything observable from one scripted run. */
    private record Run(List<SimTrade> trades, List<String> events, DepthSnapshot btcBook, DepthSnapshot ethBook,
                       List<AssetBalance> alice, List<String> clientIds) {
    }

    private static Run run(long seed) {
        Harness h = new Harness(SimConfig.builder().flowIntensity(100).seed(seed));
        List<String> clientIds = new ArrayList<>();
        for (int step = 1; step <= 1_200; step++) {
            h.advanceMillis(25);
            h.ex.advanceTo(h.now());
            if (step % 40 == 0) {
                OrderOutcome o = h.market(h.alice, step % 80 == 0 ? Side.SELL : Side.BUY, "0.01");
                clientIds.add(o.order().clientOrderId());
            }
            if (step % 70 == 0) {
                SymbolMarket m = h.btc();
                String price = io.ttquant.core.num.Fixed.format(m.bestBid(), 2);
                h.limit(h.alice, Side.BUY, TimeInForce.GTC, "0.02", price);
            }
        }
        return new Run(h.trades, h.events, h.btc().depth(5_000), h.ex.market("ETHUSDT").depth(5_000),
                h.alice.balances(), clientIds);
    }

    @Test
    void shouldProduceTheSameTradesEventsAndBooksFromTheSameSeed() {
        Run first = run(42);
        Run second = run(42);

        assertThat(first.trades()).hasSizeGreaterThan(200);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldProduceADifferentMarketFromAnotherSeed() {
        assertThat(run(43).trades()).isNotEqualTo(run(42).trades());
    }

    @Test
    void shouldNotDependOnHowOftenTheEngineIsAdvanced() {
        Harness coarse = new Harness(SimConfig.builder().flowIntensity(100).seed(5));
        Harness fine = new Harness(SimConfig.builder().flowIntensity(100).seed(5));
        for (int i = 0; i < 300; i++) {
            fine.advanceMillis(10);
            fine.ex.advanceTo(fine.now());
        }
        coarse.advanceMillis(3_000);
        coarse.ex.advanceTo(coarse.now());

        assertThat(coarse.trades).isEqualTo(fine.trades);
        assertThat(coarse.btc().depth(5_000)).isEqualTo(fine.btc().depth(5_000));
        assertThat(coarse.ex.market(BTC).drainDepthDiff(0)).isEqualTo(fine.ex.market(BTC).drainDepthDiff(0));
    }
}
