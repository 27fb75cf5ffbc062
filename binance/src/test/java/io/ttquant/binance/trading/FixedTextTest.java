package io.ttquant.binance.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.num.Fixed;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link FixedText}: the decimal text of a raw fixed-point value, exact and without trailing zeros. */
class FixedTextTest {
    private static String text(long raw, int scale) {
        return FixedText.append(new StringBuilder(), raw, scale).toString();
    }

    @Test
    void shouldWriteExactDecimalsWithoutTrailingZeros() {
        assertThat(text(1, 5)).isEqualTo("0.00001");
        assertThat(text(6_000_050, 2)).isEqualTo("60000.5");
        assertThat(text(5_432_107, 2)).isEqualTo("54321.07");
        assertThat(text(300_000, 5)).isEqualTo("3");
        assertThat(text(3, 0)).isEqualTo("3");
        assertThat(text(0, 8)).isEqualTo("0");
        assertThat(text(1_010, 3)).isEqualTo("1.01");
        assertThat(text(Long.MAX_VALUE, 8)).isEqualTo("92233720368.54775807");
        assertThatThrownBy(() -> text(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRoundTripThroughFixedParseAtEveryScale() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            int scale = r.nextInt(0, 9);
            long raw = r.nextBoolean() ? r.nextLong(0, 10_000_000L) : r.nextLong(0, Long.MAX_VALUE);
            String t = text(raw, scale);
            assertThat(Fixed.parse(t, scale)).as(t).isEqualTo(raw);
            assertThat(t).as("no trailing zero in a fraction").doesNotMatch(".*\\.\\d*0");
            assertThat(t).isEqualTo(Fixed.formatCompact(raw, scale));
        }
    }
}
