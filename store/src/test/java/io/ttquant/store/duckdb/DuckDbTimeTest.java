package io.ttquant.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Nanoseconds to DuckDB microseconds and back: truncation toward the past, exact range bounds. */
class DuckDbTimeTest {
    @Test
    void shouldTruncateNanosToTheMicrosecondAtOrBefore() {
        assertThat(DuckDbTime.toMicros(1_999L)).isEqualTo(1L);
        assertThat(DuckDbTime.toMicros(2_000L)).isEqualTo(2L);
        assertThat(DuckDbTime.toMicros(-1L)).isEqualTo(-1L);
        assertThat(DuckDbTime.toMicros(-1_000L)).isEqualTo(-1L);
        assertThat(DuckDbTime.toMicros(-1_001L)).isEqualTo(-2L);
    }

    @Test
    void shouldMakeRangeBoundsThatKeepNanosecondRangesExact() {
        // a stored microsecond t is in [from, to) exactly when t * 1000 is in the nanosecond range
        for (long from = -3_001; from <= 3_001; from += 500) {
            long bound = DuckDbTime.rangeBound(from);
            for (long t = -5; t <= 5; t++) {
                assertThat(t >= bound).as("t=%d from=%d", t, from).isEqualTo(t * 1_000 >= from);
            }
        }
        assertThat(DuckDbTime.rangeBound(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE / 1_000 + 1);
        assertThat(DuckDbTime.rangeBound(Long.MIN_VALUE)).isEqualTo(Math.floorDiv(Long.MIN_VALUE, 1_000L) + 1);
    }

    @Test
    void shouldConvertMicrosBackToNanosAndRefuseOverflow() {
        assertThat(DuckDbTime.toNanos(1_723_075_200_000_000L)).isEqualTo(1_723_075_200_000_000_000L);
        assertThatThrownBy(() -> DuckDbTime.toNanos(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
    }
}
