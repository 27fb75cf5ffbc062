package io.ttquant.core.exchange;

import static io.ttquant.core.exchange.ExchangeHarness.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.order.Side;
import org.junit.jupiter.api.Test;

class SlippageModelTest {

    @Test
    void shouldRoundBpsSlippageToTheTickAgainstTheTaker() {
        SlippageModel s = SlippageModel.bps(1);
        long price = BTC.price("100.01");   // 1 bp = 0.010001

        assertThat(s.apply(BTC, Side.BUY, price)).isEqualTo(BTC.price("100.03"));
        assertThat(s.apply(BTC, Side.SELL, price)).isEqualTo(BTC.price("99.99"));
    }

    @Test
    void shouldMoveByWholeTicksAndNeverBelowOneTick() {
        SlippageModel s = SlippageModel.fixedTicks(3);

        assertThat(s.apply(BTC, Side.BUY, BTC.price("100"))).isEqualTo(BTC.price("100.03"));
        assertThat(s.apply(BTC, Side.SELL, BTC.price("100"))).isEqualTo(BTC.price("99.97"));
        assertThat(s.apply(BTC, Side.SELL, BTC.price("0.02"))).isEqualTo(BTC.price("0.01"));
    }

    @Test
    void shouldLeaveThePriceAloneWithoutSlippage() {
        assertThat(SlippageModel.none().apply(BTC, Side.BUY, 12_345)).isEqualTo(12_345);
        assertThat(SlippageModel.bps(0).kind()).isEqualTo(SlippageModel.Kind.NONE);
    }

    @Test
    void shouldNotOverflowOnLargePricesAtFineScales() {
        Instrument fine = Instrument.builder("BTCUSDC").tickSize("0.00000001").stepSize("0.00001").build();
        long price = fine.price("99999999.99999999");   // ~1e16 raw: price * ppm would overflow a long
        SlippageModel s = SlippageModel.ppm(999_999);

        assertThat(s.apply(fine, Side.BUY, price)).isEqualTo(fine.price("199999899.99999999"));
        assertThat(SlippageModel.ceilPpm(1_000_001, 1)).isEqualTo(2);
        assertThat(SimulatedExchange.floorPpm(1_999_999, 1)).isEqualTo(1);
    }
}
