package io.ttquant.sim.market;

import io.ttquant.core.num.Fixed;

import java.math.BigInteger;

/**
 * Directed rounding of price x quantity to the cash scale (10^-8), for the two places where the
 * direction matters: money that changes hands in a trade is rounded down ({@link #floor}), money
 * locked for a resting buy is rounded up ({@link #ceil}). With these two rules a buy's lock always
 * covers its fills, whatever the scales: ceil(P*R) - ceil(P*(R-q)) >= floor(p*q) for p <= P.
 * For every Binance USDT pair (price scale + quantity scale <= 8) both are exact.
 *
 * <p>Inputs are non-negative; overflow throws (through {@code *Exact} or {@code longValueExact}).
 */
final class Notional {
    private Notional() {
    }

    static long floor(long price, int priceScale, long qty, int qtyScale) {
        int k = priceScale + qtyScale - Fixed.CASH_SCALE;
        if (k <= 0) {
            return Math.multiplyExact(Math.multiplyExact(price, qty), Fixed.pow10(-k));
        }
        long d = Fixed.pow10(k);
        long hi = Math.multiplyHigh(price, qty);
        long lo = price * qty;
        if (hi == 0 && lo >= 0) {
            return lo / d;
        }
        return BigInteger.valueOf(price).multiply(BigInteger.valueOf(qty)).divide(BigInteger.valueOf(d)).longValueExact();
    }

    static long ceil(long price, int priceScale, long qty, int qtyScale) {
        int k = priceScale + qtyScale - Fixed.CASH_SCALE;
        if (k <= 0) {
            return Math.multiplyExact(Math.multiplyExact(price, qty), Fixed.pow10(-k));
        }
        long d = Fixed.pow10(k);
        long hi = Math.multiplyHigh(price, qty);
        long lo = price * qty;
        if (hi == 0 && lo >= 0) {
            return lo / d + (lo % d == 0 ? 0 : 1);
        }
        BigInteger[] qr = BigInteger.valueOf(price).multiply(BigInteger.valueOf(qty)).divideAndRemainder(BigInteger.valueOf(d));
        return qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
    }

    /**
     * The largest multiple of {@code step} whose {@link #floor} notional at {@code price} is at
     * most {@code quote}. {@code price > 0}.
     */
    static long maxQtyForQuote(long price, int priceScale, int qtyScale, long step, long quote) {
        if (quote <= 0) {
            return 0;
        }
        int k = priceScale + qtyScale - Fixed.CASH_SCALE;
        long q;
        if (k <= 0) {
            long unit = Math.multiplyExact(price, Fixed.pow10(-k));
            q = quote / unit;
        } else {
            // floor(p*q / 10^k) <= quote  <=>  p*q <= (quote+1)*10^k - 1
            long d = Fixed.pow10(k);
            long hi = Math.multiplyHigh(quote + 1, d);
            long lo = (quote + 1) * d;
            if (quote < Long.MAX_VALUE && hi == 0 && lo >= 0) {
                q = (lo - 1) / price;
            } else {
                BigInteger b = BigInteger.valueOf(quote).add(BigInteger.ONE).multiply(BigInteger.valueOf(d))
                        .subtract(BigInteger.ONE).divide(BigInteger.valueOf(price));
                q = b.bitLength() > 62 ? Long.MAX_VALUE / 2 : b.longValue();
            }
        }
        return q - q % step;
    }
}
