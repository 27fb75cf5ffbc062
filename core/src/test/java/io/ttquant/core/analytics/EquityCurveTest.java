package io.ttquant.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EquityCurveTest {
    @Test
    void shouldKeepEverySampleWhenGrowingBeyondInitialCapacity() {
        final EquityCurve curve = new EquityCurve(1);

        for (int i = 0; i < 100; i++) {
            curve.append(i * 10L, 1_000.0 + i, i % 2 == 0 ? 0.0 : 0.5);
        }

        assertThat(curve.size()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            assertThat(curve.time(i)).isEqualTo(i * 10L);
            assertThat(curve.equity(i)).isEqualTo(1_000.0 + i);
            assertThat(curve.exposure(i)).isEqualTo(i % 2 == 0 ? 0.0 : 0.5);
        }
    }

    @Test
    void shouldReplaceLastSampleWhenAppendedAtSameTime() {
        final EquityCurve curve = new EquityCurve(4);
        curve.append(1L, 100.0, 0.0);
        curve.append(2L, 101.0, 0.0);

        curve.append(2L, 99.0, 1.0);

        assertThat(curve.size()).isEqualTo(2);
        assertThat(curve.time(1)).isEqualTo(2L);
        assertThat(curve.equity(1)).isEqualTo(99.0);
        assertThat(curve.exposure(1)).isEqualTo(1.0);
    }

    @Test
    void shouldRejectSampleEarlierThanLastOne() {
        final EquityCurve curve = new EquityCurve(4);
        curve.append(10L, 100.0, 0.0);

        assertThatThrownBy(() -> curve.append(9L, 100.0, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(curve.size()).isEqualTo(1);
    }

    @Test
    void shouldRejectNonFiniteEquityAndNegativeOrNonFiniteExposure() {
        final EquityCurve curve = new EquityCurve(4);

        assertThatThrownBy(() -> curve.append(1L, Double.NaN, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> curve.append(1L, Double.POSITIVE_INFINITY, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> curve.append(1L, 100.0, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> curve.append(1L, 100.0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> curve.append(1L, 100.0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(curve.isEmpty()).isTrue();
    }

    @Test
    void shouldAcceptNegativeEquityAndLeveragedExposure() {
        final EquityCurve curve = new EquityCurve(4);

        curve.append(1L, -5.0, 3.0);

        assertThat(curve.equity(0)).isEqualTo(-5.0);
        assertThat(curve.exposure(0)).isEqualTo(3.0);
    }

    @Test
    void shouldRejectIndexOutsideRecordedSamples() {
        final EquityCurve curve = new EquityCurve(4);
        curve.append(1L, 100.0, 0.0);

        assertThatThrownBy(() -> curve.equity(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> curve.time(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldStartAgainFromEmptyAfterClear() {
        final EquityCurve curve = new EquityCurve(4);
        curve.append(10L, 100.0, 0.0);

        curve.clear();
        curve.append(5L, 50.0, 0.0);

        assertThat(curve.size()).isEqualTo(1);
        assertThat(curve.time(0)).isEqualTo(5L);
        assertThat(curve.equity(0)).isEqualTo(50.0);
    }

    @Test
    void shouldRejectNonPositiveInitialCapacity() {
        assertThatThrownBy(() -> new EquityCurve(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
