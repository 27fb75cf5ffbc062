package io.ttquant.core.indicator;

/**
 * A running sum with Neumaier (improved Kahan) compensation: the low-order bits lost by each
 * addition are collected in a second accumulator, so a sliding window sum that adds every input and
 * later subtracts it again does not drift, however many updates it sees.
 *
 * <p>Error bound: about one rounding of the current total plus a term of order
 * {@code n * eps^2 * sum(|x|)}, versus {@code n * eps * sum(|x|)} for a naive sum. Must never
 * allocate; it is a plain mutable accumulator owned by one indicator.
 */
final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
    }

    double value() {
        return sum + compensation;
    }

    void reset() {
        sum = 0.0;
        compensation = 0.0;
    }
}
