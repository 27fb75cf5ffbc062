package io.ttquant.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.order.RejectReason;
import org.junit.jupiter.api.Test;

class InstrumentScaleTest {
    @Test
    void shouldTakeTheQuantityScaleFromTheStepSizeByDefault() {
        Instrument btc = Instruments.binanceSpot("BTCUSDT");
        assertThat(btc.qtyScale()).isEqualTo(5);
        assertThat(btc.priceScale()).isEqualTo(2);
    }

    @Test
    void shouldHoldBookQuantitiesFinerThanTheStepAtAWiderScale() {
        Instrument btc = Instruments.binanceSpot("BTCUSDT").withQtyScale(8);
        assertThat(btc.qtyScale()).isEqualTo(8);
        // A real Binance depth level: finer than the 0.00001 step.
        assertThat(btc.qty("177.35159200")).isEqualTo(17_735_159_200L);
        assertThat(btc.formatQty(btc.qty("177.351592"))).isEqualTo("177.351592");
    }

    @Test
    void shouldKeepEveryRuleWhenTheScaleWidens() {
        Instrument narrow = Instruments.binanceSpot("BTCUSDT");
        Instrument wide = narrow.withQtyScale(8);
        assertThat(wide.symbol()).isEqualTo("BTCUSDT");
        assertThat(wide.baseAsset()).isEqualTo("BTC");
        assertThat(wide.quoteAsset()).isEqualTo("USDT");
        assertThat(wide.tickSize()).isEqualTo(narrow.tickSize());
        assertThat(wide.stepSize()).isEqualTo(1_000L);
        assertThat(wide.minQty()).isEqualTo(1_000L);
        assertThat(wide.maxQty()).isEqualTo(9000_00000000L);
        assertThat(wide.minNotional()).isEqualTo(narrow.minNotional());
        // Orders still have to be whole steps.
        assertThat(wide.checkQty(wide.qty("0.000015"))).isEqualTo(RejectReason.QTY_NOT_ON_STEP);
        assertThat(wide.checkQty(wide.qty("0.00002"))).isNull();
        assertThat(wide.notional(wide.price("60000"), wide.qty("0.5")))
                .isEqualTo(narrow.notional(narrow.price("60000"), narrow.qty("0.5")));
    }

    @Test
    void shouldNeverNarrowTheScaleBelowWhatTheStepNeeds() {
        assertThat(Instruments.binanceSpot("ETHUSDT").withQtyScale(2).qtyScale()).isEqualTo(4);
        assertThatThrownBy(() -> Instrument.builder("BTCUSDT").qtyScale(9)).isInstanceOf(IllegalArgumentException.class);
    }
}
