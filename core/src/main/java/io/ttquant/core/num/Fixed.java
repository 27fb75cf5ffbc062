package io.ttquant.core.num;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Fixed-point arithmetic on scaled {@code long} values: a value {@code raw} at scale {@code s}
 * means {@code raw / 10^s}. Prices and quantities use their instrument's scales; cash, fees and PnL
 * use {@link #CASH_SCALE} (eight decimals, as Binance reports balances).
 *
 * <p>Every operation is checked: an overflow or a value that cannot be represented throws
 * {@link ArithmeticException} rather than silently wrapping. Corrupt money is worse than none.
 * Parsing never allocates. This class must never use {@code double} for money.
 */
public final class Fixed {
    /** Scale of every cash amount (balances, notionals, fees, PnL): 10^-8 units. */
    public static final int CASH_SCALE = 8;
    /** Largest scale supported (10^18 still fits a long). */
    public static final int MAX_SCALE = 18;

    private static final long[] POW10 = new long[MAX_SCALE + 1];

    static {
        long p = 1;
        for (int i = 0; i <= MAX_SCALE; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Fixed() {
    }

    /** 10^n for 0 &lt;= n &lt;= 18. */
    public static long pow10(int n) {
        if (n < 0 || n > MAX_SCALE) {
            throw new ArithmeticException("scale out of range: " + n);
        }
        return POW10[n];
    }

    /**
     * Parses a decimal string exactly at {@code scale}. Trailing zeros beyond the scale are
     * accepted ({@code "61837.63000000"} at scale 2); any non-zero digit beyond it is an error.
     * Accepts an optional sign, an optional fraction and plain exponent-free text.
     *
     * @throws NumberFormatException when the text is not a number or does not fit the scale
     */
    public static long parse(CharSequence s, int scale) {
        return parse(s, 0, s.length(), scale, false);
    }

    /** Like {@link #parse(CharSequence, int)} but rounds half-up (away from zero) digits beyond the scale. */
    public static long parseRounded(CharSequence s, int scale) {
        return parse(s, 0, s.length(), scale, true);
    }

    /**
     * Parses {@code s[start, end)} at {@code scale}; {@code round} chooses between rejecting and
     * rounding half-up digits beyond the scale. Allocation free.
     */
    public static long parse(CharSequence s, int start, int end, int scale, boolean round) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new NumberFormatException("scale out of range: " + scale);
        }
        int i = start;
        while (i < end && s.charAt(i) == ' ') {
            i++;
        }
        while (end > i && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (i >= end) {
            throw new NumberFormatException("empty number");
        }
        boolean negative = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        int accumulated = 0;
        int fractionDigits = -1;
        boolean roundUp = false;
        for (; i < end; i++) {
            c = s.charAt(i);
            if (c == '.') {
                if (fractionDigits >= 0) {
                    throw new NumberFormatException("two decimal points in " + s.subSequence(start, end));
                }
                fractionDigits = 0;
                continue;
            }
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a number: " + s.subSequence(start, end));
            }
            int d = c - '0';
            digits++;
            if (fractionDigits >= 0) {
                if (fractionDigits >= scale) {
                    if (d != 0) {
                        if (!round) {
                            throw new NumberFormatException("more than " + scale + " decimals: " + s.subSequence(start, end));
                        }
                        if (fractionDigits == scale && d >= 5) {
                            roundUp = true;
                        }
                    }
                    fractionDigits++;
                    continue;
                }
                fractionDigits++;
            }
            // Up to 18 digits always fit a long; only longer texts need the overflow check.
            if (++accumulated > 18 && value > (Long.MAX_VALUE - d) / 10) {
                throw new NumberFormatException("number too large: " + s.subSequence(start, end));
            }
            value = value * 10 + d;
        }
        if (digits == 0) {
            throw new NumberFormatException("not a number: " + s.subSequence(start, end));
        }
        int have = Math.max(fractionDigits, 0);
        if (have < scale) {
            long mul = POW10[scale - have];
            if (value > Long.MAX_VALUE / mul) {
                throw new NumberFormatException("number too large: " + s.subSequence(start, end));
            }
            value *= mul;
        }
        if (roundUp) {
            value = Math.addExact(value, 1);
        }
        return negative ? -value : value;
    }

    /** Formats {@code raw} at {@code scale} with exactly {@code scale} decimals. */
    public static String format(long raw, int scale) {
        return toBigDecimal(raw, scale).toPlainString();
    }

    /** Formats {@code raw} at {@code scale} without trailing zeros (at least one digit). */
    public static String formatCompact(long raw, int scale) {
        BigDecimal d = toBigDecimal(raw, scale).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    public static BigDecimal toBigDecimal(long raw, int scale) {
        return BigDecimal.valueOf(raw, scale);
    }

    /** Exact conversion of a decimal to a raw value at {@code scale}; throws if it does not fit exactly. */
    public static long fromBigDecimal(BigDecimal d, int scale) {
        return d.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** {@code raw / 10^scale} as a double, for indicators and statistics only. */
    public static double toDouble(long raw, int scale) {
        return raw / (double) POW10[scale];
    }

    /**
     * Converts a raw value from one scale to another. Narrowing rounds half-up (away from zero);
     * widening is exact and overflow-checked.
     */
    public static long rescale(long raw, int fromScale, int toScale) {
        if (toScale >= fromScale) {
            return Math.multiplyExact(raw, pow10(toScale - fromScale));
        }
        return divideRoundHalfUp(raw, pow10(fromScale - toScale));
    }

    /** {@code a / b} rounded half-up (away from zero), b &gt; 0. */
    public static long divideRoundHalfUp(long a, long b) {
        long q = a / b;
        long r = a % b;
        if (Math.abs(r) * 2 >= b) {
            q += a < 0 ? -1 : 1;
        }
        return q;
    }

    /**
     * {@code a * b / c} with a 128-bit intermediate product, rounded half-up (away from zero).
     * Throws {@link ArithmeticException} if the result does not fit a long or c is not positive.
     */
    public static long mulDiv(long a, long b, long c) {
        if (c <= 0) {
            throw new ArithmeticException("divisor must be positive: " + c);
        }
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return divideRoundHalfUp(lo, c);
        }
        return mulDivSlow(a, b, c);
    }

    private static long mulDivSlow(long a, long b, long c) {
        BigDecimal r = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                .divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_UP);
        return r.longValueExact();
    }

    /**
     * Cash value (at {@link #CASH_SCALE}) of {@code price} at {@code priceScale} times {@code qty}
     * at {@code qtyScale}. Exact when {@code priceScale + qtyScale <= 8}; otherwise rounded half-up
     * to 10^-8.
     */
    public static long notional(long price, int priceScale, long qty, int qtyScale) {
        int productScale = priceScale + qtyScale;
        if (productScale <= CASH_SCALE) {
            return Math.multiplyExact(Math.multiplyExact(price, qty), pow10(CASH_SCALE - productScale));
        }
        return mulDiv(price, qty, pow10(productScale - CASH_SCALE));
    }

    /**
     * A fee of {@code ratePpm} parts per million of {@code cashAmount}, rounded half-up to the cash
     * unit. 10 basis points = 1,000 ppm.
     */
    public static long feePpm(long cashAmount, long ratePpm) {
        return mulDiv(cashAmount, ratePpm, 1_000_000L);
    }

    /** Rounds {@code raw} down (toward negative infinity) to a multiple of {@code step}. */
    public static long floorToStep(long raw, long step) {
        return Math.floorDiv(raw, step) * step;
    }

    /** Rounds {@code raw} up (toward positive infinity) to a multiple of {@code step}. */
    public static long ceilToStep(long raw, long step) {
        return Math.multiplyExact(-Math.floorDiv(-raw, step), step);
    }

    /** Number of decimals in a decimal text such as {@code "0.00100"} once trailing zeros are removed. */
    public static int decimalsOf(String text) {
        BigDecimal d = new BigDecimal(text.trim()).stripTrailingZeros();
        return Math.max(d.scale(), 0);
    }
}
