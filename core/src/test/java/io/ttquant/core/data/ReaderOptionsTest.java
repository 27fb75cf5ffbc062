package io.ttquant.core.data;

import org.junit.jupiter.api.Test;

import static io.ttquant.core.data.Fixtures.MINUTE;
import static io.ttquant.core.data.Fixtures.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReaderOptionsTest {
    @Test
    void shouldDefaultToFailWithoutInterval() {
        ReaderOptions o = ReaderOptions.defaults();

        assertThat(o.badRowPolicy()).isEqualTo(BadRowPolicy.FAIL);
        assertThat(o.barIntervalNanos()).isZero();
        assertThat(o.skippedRowListener()).isNull();
    }

    @Test
    void shouldParseIntervalsWithUnitsOrAsMilliseconds() {
        assertThat(ReaderOptions.parseIntervalNanos("1s")).isEqualTo(1_000 * MS);
        assertThat(ReaderOptions.parseIntervalNanos("1m")).isEqualTo(MINUTE);
        assertThat(ReaderOptions.parseIntervalNanos("15m")).isEqualTo(15 * MINUTE);
        assertThat(ReaderOptions.parseIntervalNanos("4h")).isEqualTo(240 * MINUTE);
        assertThat(ReaderOptions.parseIntervalNanos("1d")).isEqualTo(1_440 * MINUTE);
        assertThat(ReaderOptions.parseIntervalNanos("1w")).isEqualTo(7 * 1_440 * MINUTE);
        assertThat(ReaderOptions.parseIntervalNanos("250ms")).isEqualTo(250 * MS);
        assertThat(ReaderOptions.parseIntervalNanos("60000")).isEqualTo(MINUTE);
    }

    @Test
    void shouldRefuseMonthsZeroAndGarbageIntervals() {
        for (String bad : new String[] {"1M", "0m", "", "m", "-1m", "1.5h", "1y", "99999999999999w"}) {
            assertThatThrownBy(() -> ReaderOptions.parseIntervalNanos(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not a bar interval: '" + bad + "'");
        }
    }

    @Test
    void shouldFormatIntervalsCompactly() {
        assertThat(ReaderOptions.formatInterval(MINUTE)).isEqualTo("1m");
        assertThat(ReaderOptions.formatInterval(90 * 1_000 * MS)).isEqualTo("90s");
        assertThat(ReaderOptions.formatInterval(1_500 * MS)).isEqualTo("1500ms");
        assertThat(ReaderOptions.formatInterval(7 * 1_440 * MINUTE)).isEqualTo("1w");
    }

    @Test
    void shouldRefuseNegativeIntervalAndNullPolicy() {
        assertThatThrownBy(() -> ReaderOptions.defaults().withBarIntervalNanos(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReaderOptions.defaults().withBadRowPolicy(null)).isInstanceOf(NullPointerException.class);
    }
}
