package io.ttquant.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExchangeConfigTest {

    @Test
    void shouldUseConservativeDefaults() {
        ExchangeConfig c = ExchangeConfig.defaults();

        assertThat(c.makerFeePpm()).isEqualTo(1_000);
        assertThat(c.takerFeePpm()).isEqualTo(1_000);
        assertThat(c.slippage().kind()).isEqualTo(SlippageModel.Kind.NONE);
        assertThat(c.latency().minNanos()).isZero();
        assertThat(c.barFillMode()).isEqualTo(BarFillMode.NEXT_OPEN);
        assertThat(c.hasVolumeCap()).isFalse();
        assertThat(c.limitFillRule()).isEqualTo(LimitFillRule.THROUGH);
        assertThat(c.queuePosition()).isTrue();
    }

    @Test
    void shouldConvertTheVolumeFractionToPartsPerMillion() {
        ExchangeConfig c = ExchangeConfig.builder().maxBarVolumeFraction(0.1).build();

        assertThat(c.maxBarVolumePpm()).isEqualTo(100_000);
        assertThat(c.hasVolumeCap()).isTrue();
        assertThat(c.toBuilder().build().maxBarVolumePpm()).isEqualTo(100_000);
    }

    @Test
    void shouldRefuseBadSettingsWithAClearMessage() {
        assertThatThrownBy(() -> ExchangeConfig.builder().takerFeePpm(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takerFeePpm");
        assertThatThrownBy(() -> ExchangeConfig.builder().makerFeePpm(2_000_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("makerFeePpm");
        assertThatThrownBy(() -> ExchangeConfig.builder().maxBarVolumeFraction(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBarVolumeFraction");
        assertThatThrownBy(() -> ExchangeConfig.builder().maxBarVolumeFraction(1.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBarVolumeFraction");
        assertThatThrownBy(() -> ExchangeConfig.builder().maxBarVolumeFraction(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBarVolumeFraction");
        assertThatThrownBy(() -> ExchangeConfig.builder().slippage(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slippage");
        assertThatThrownBy(() -> ExchangeConfig.builder().latency(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
        assertThatThrownBy(() -> LatencyModel.uniformRandom(5, 4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
        assertThatThrownBy(() -> LatencyModel.constant(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
        assertThatThrownBy(() -> SlippageModel.bps(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bps");
        assertThatThrownBy(() -> SlippageModel.fixedTicks(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ticks");
    }
}
