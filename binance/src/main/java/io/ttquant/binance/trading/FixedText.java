package io.ttquant.binance.trading;

import io.ttquant.core.num.Fixed;

/**
 * Writes a raw fixed-point value as the decimal text Binance expects in a request ({@code 0.00001},
 * {@code 60000.5}, {@code 3}): exact, no exponent, no trailing zeros, straight into a
 * {@link StringBuilder} without a {@code BigDecimal} or a {@code double} in between.
 */
final class FixedText {
    private FixedText() {
    }

    /** Appends {@code raw / 10^scale}; a negative value is a bug of the caller. */
    static StringBuilder append(StringBuilder sb, long raw, int scale) {
        if (raw < 0) {
            throw new IllegalArgumentException("a price or quantity is never negative: " + raw);
        }
        long pow = Fixed.pow10(scale);
        long whole = raw / pow;
        long frac = raw % pow;
        sb.append(whole);
        if (frac == 0) {
            return sb;
        }
        int digits = scale;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        sb.append('.');
        for (long p = Fixed.pow10(digits - 1); p > frac; p /= 10) {
            sb.append('0');
        }
        return sb.append(frac);
    }
}
