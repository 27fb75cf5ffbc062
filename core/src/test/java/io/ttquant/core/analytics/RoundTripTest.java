package io.ttquant.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoundTripTest {
    @Test
    void shouldReportHoldingTimeFromEntryToExit() {
        final RoundTrip trip = new RoundTrip(1_000L, 61_000L, 100.0, 101.0, 2.0, 1.9, 0.1, RoundTrip.Side.LONG);

        assertThat(trip.holdingNanos()).isEqualTo(60_000L);
    }

    @Test
    void shouldAcceptNegativeFeesAsRebate() {
        final RoundTrip trip = new RoundTrip(0L, 1L, 100.0, 99.0, 1.0, 1.02, -0.02, RoundTrip.Side.SHORT);

        assertThat(trip.fees()).isEqualTo(-0.02);
    }

    @Test
    void shouldRejectExitBeforeEntry() {
        assertThatThrownBy(() -> new RoundTrip(10L, 9L, 100.0, 101.0, 1.0, 1.0, 0.0, RoundTrip.Side.LONG))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectNonPositiveQuantityAndNonFiniteValues() {
        assertThatThrownBy(() -> new RoundTrip(0L, 1L, 100.0, 101.0, 0.0, 1.0, 0.0, RoundTrip.Side.LONG))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoundTrip(0L, 1L, Double.NaN, 101.0, 1.0, 1.0, 0.0, RoundTrip.Side.LONG))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoundTrip(0L, 1L, 100.0, 101.0, 1.0, Double.POSITIVE_INFINITY, 0.0, RoundTrip.Side.LONG))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoundTrip(0L, 1L, 100.0, 101.0, 1.0, 1.0, 0.0, null))
            .isInstanceOf(NullPointerException.class);
    }
}
