package io.ttquant.core.num;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedTest {
    @Test
    void shouldParseBinanceStringsWithTrailingZerosExactly() {
        assertThat(Fixed.parse("61837.63000000", 2)).isEqualTo(6_183_763L);
        assertThat(Fixed.parse("0.00012000", 5)).isEqualTo(12L);
        assertThat(Fixed.parse("56840.3", 2)).isEqualTo(5_684_030L);
        assertThat(Fixed.parse("-1.5", 3)).isEqualTo(-1500L);
        assertThat(Fixed.parse("42", 0)).isEqualTo(42L);
        assertThat(Fixed.parse(".5", 1)).isEqualTo(5L);
    }

    @Test
    void shouldRefuseDigitsBeyondTheScaleUnlessRounding() {
        assertThatThrownBy(() -> Fixed.parse("1.005", 2)).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("more than 2 decimals");
        assertThat(Fixed.parseRounded("1.005", 2)).isEqualTo(101L);
        assertThat(Fixed.parseRounded("1.0049", 2)).isEqualTo(100L);
        assertThat(Fixed.parseRounded("-1.005", 2)).isEqualTo(-101L);
    }

    @Test
    void shouldRefuseTextThatIsNotANumber() {
        assertThatThrownBy(() -> Fixed.parse("abc", 2)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Fixed.parse("", 2)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Fixed.parse("1.2.3", 2)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Fixed.parse("-", 2)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Fixed.parse("99999999999999999999", 0)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void shouldComputeNotionalExactlyAtEightDecimals() {
        // 61837.63 x 0.12345 = 7633.8554235, exact at 7 decimals
        long n = Fixed.notional(6_183_763L, 2, 12_345L, 5);
        assertThat(Fixed.toBigDecimal(n, 8)).isEqualByComparingTo("7633.8554235");
    }

    @Test
    void shouldRoundNotionalHalfUpWhenScalesExceedEight() {
        // 0.00001234 (8) x 1.5 (1) = 0.00001851 exactly at 8: 1234*15 = 18510 / 10 = 1851
        assertThat(Fixed.notional(1234, 8, 15, 1)).isEqualTo(1851L);
        // 0.00000003 x 0.5 = 0.000000015 -> rounds half-up to 0.00000002
        assertThat(Fixed.notional(3, 8, 5, 1)).isEqualTo(2L);
    }

    @Test
    void shouldMatchBigDecimalForMulDivIncludingOverflowingIntermediates() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long a = r.nextLong(-4_000_000_000_000_000L, 4_000_000_000_000_000L);
            long b = r.nextLong(1, 1_000_000L);
            long c = r.nextLong(1, 1_000_000_000L);
            BigDecimal expected = BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(b)).divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_UP);
            if (expected.toBigInteger().bitLength() < 63) {
                assertThat(Fixed.mulDiv(a, b, c)).isEqualTo(expected.longValueExact());
            }
        }
    }

    @Test
    void shouldThrowOnOverflowInsteadOfWrapping() {
        assertThatThrownBy(() -> Fixed.mulDiv(Long.MAX_VALUE, 10, 1)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Fixed.notional(Long.MAX_VALUE / 2, 2, 1000, 3)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldComputeFeesInPartsPerMillion() {
        // 10 bps of 7633.8518235 = 7.63385182 (rounded half-up from 7.6338518235)
        assertThat(Fixed.feePpm(763_385_182_350L, 1_000)).isEqualTo(763_385_182L);
    }

    @Test
    void shouldFormatWithoutExponent() {
        assertThat(Fixed.format(12, 8)).isEqualTo("0.00000012");
        assertThat(Fixed.formatCompact(100_000_000L, 8)).isEqualTo("1");
        assertThat(Fixed.formatCompact(-150, 2)).isEqualTo("-1.5");
    }

    @Test
    void shouldRoundToSteps() {
        assertThat(Fixed.floorToStep(1234, 100)).isEqualTo(1200);
        assertThat(Fixed.ceilToStep(1234, 100)).isEqualTo(1300);
        assertThat(Fixed.floorToStep(-1234, 100)).isEqualTo(-1300);
    }
}
