package io.ttquant.binance.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link VenueRateLimits}: usage headers, local refusals before a limit, window roll-over, Retry-After gates. */
class VenueRateLimitsTest {
    private static final long S = 1_000_000_000L;
    private static final long MINUTE_MS = 60_000L;
    private static final long T0 = 1_700_000_040_000L; // 40 s into a minute, 0 s into a 10 s window

    private static Map<String, List<String>> headers(String... nameValue) {
        Map<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], List.of(nameValue[i + 1]));
        }
        return m;
    }

    @Test
    void shouldReadUsageHeadersOfAnyIntervalWhateverTheirCase() {
        VenueRateLimits l = new VenueRateLimits(List.of());
        l.onAnswer(headers("x-mbx-used-weight-1m", "42", "X-MBX-USED-WEIGHT-1S", "3", "X-Mbx-Order-Count-10s", "7",
                "X-MBX-ORDER-COUNT-1D", "1234", "X-MBX-USED-WEIGHT-1H", "900", "Content-Type", "application/json",
                "X-MBX-USED-WEIGHT-", "5", "X-MBX-USED-WEIGHT-1X", "6", "X-MBX-ORDER-COUNT-10S-extra", "8"), T0);
        assertThat(l.usedWeight1m()).isEqualTo(42);
        assertThat(l.lastReported(RateLimit.Kind.REQUEST_WEIGHT, 1_000)).isEqualTo(3);
        assertThat(l.lastReported(RateLimit.Kind.REQUEST_WEIGHT, 3_600_000)).isEqualTo(900);
        assertThat(l.orderCount10s()).isEqualTo(7);
        assertThat(l.orderCount1d()).isEqualTo(1234);
        assertThat(l.limit(RateLimit.Kind.REQUEST_WEIGHT, MINUTE_MS)).as("tracked, limit unknown").isEqualTo(-1);
    }

    @Test
    void shouldRefuseARequestWhoseWeightWouldExceedTheLimitAndCountTheRefusal() {
        VenueRateLimits l = new VenueRateLimits(List.of(new RateLimit(RateLimit.Kind.REQUEST_WEIGHT, MINUTE_MS, 50)));
        assertThat(l.tryAcquire(20, false, 0, T0)).isNull();
        assertThat(l.tryAcquire(20, false, 0, T0 + 1)).isNull();
        assertThat(l.tryAcquire(20, false, 0, T0 + 2)).isEqualTo(LocalRefusal.WEIGHT_LIMIT);
        assertThat(l.tryAcquire(10, false, 0, T0 + 3)).as("exactly at the limit is allowed").isNull();
        assertThat(l.tryAcquire(1, false, 0, T0 + 4)).isEqualTo(LocalRefusal.WEIGHT_LIMIT);
        assertThat(l.refusals(LocalRefusal.WEIGHT_LIMIT)).isEqualTo(2);
        assertThat(l.estimate(RateLimit.Kind.REQUEST_WEIGHT, MINUTE_MS, T0 + 5)).isEqualTo(50);
        long nextMinute = (T0 / MINUTE_MS + 1) * MINUTE_MS;
        assertThat(l.tryAcquire(20, false, 0, nextMinute - 1)).as("same window until the boundary").isEqualTo(LocalRefusal.WEIGHT_LIMIT);
        assertThat(l.tryAcquire(20, false, 0, nextMinute)).as("a new window starts from zero").isNull();
        assertThat(l.estimate(RateLimit.Kind.REQUEST_WEIGHT, MINUTE_MS, nextMinute)).isEqualTo(20);
    }

    @Test
    void shouldRaiseTheEstimateToWhatBinanceReportsForTheCurrentWindowOnly() {
        VenueRateLimits l = new VenueRateLimits(List.of(new RateLimit(RateLimit.Kind.REQUEST_WEIGHT, MINUTE_MS, 100)));
        assertThat(l.tryAcquire(4, false, 0, T0)).isNull();
        l.onAnswer(headers("X-MBX-USED-WEIGHT-1M", "97"), T0); // another process on the same IP used 93
        assertThat(l.estimate(RateLimit.Kind.REQUEST_WEIGHT, MINUTE_MS, T0)).isEqualTo(97);
        assertThat(l.tryAcquire(4, false, 0, T0 + 10)).isEqualTo(LocalRefusal.WEIGHT_LIMIT);
        assertThat(l.tryAcquire(3, false, 0, T0 + 10)).isNull();
        long nextMinute = (T0 / MINUTE_MS + 1) * MINUTE_MS;
        assertThat(l.tryAcquire(1, false, 0, nextMinute + 5)).isNull();
        l.onAnswer(headers("X-MBX-USED-WEIGHT-1M", "100"), T0 + 20); // sent in the old minute, answered in the new one
        assertThat(l.usedWeight1m()).isEqualTo(100);
        assertThat(l.estimate(RateLimit.Kind.REQUEST_WEIGHT, MINUTE_MS, nextMinute + 6)).as("not applied to the new window").isEqualTo(1);
        l.onAnswer(headers("X-MBX-USED-WEIGHT-1M", "3"), nextMinute + 5);
        assertThat(l.estimate(RateLimit.Kind.REQUEST_WEIGHT, MINUTE_MS, nextMinute + 6)).isEqualTo(3);
    }

    @Test
    void shouldCountOnlyNewOrdersAgainstOrderLimits() {
        VenueRateLimits l = new VenueRateLimits(List.of(new RateLimit(RateLimit.Kind.ORDERS, 10_000, 2),
                new RateLimit(RateLimit.Kind.ORDERS, 86_400_000L, 100)));
        assertThat(l.tryAcquire(1, true, 0, T0)).isNull();
        assertThat(l.tryAcquire(4, false, 0, T0)).isNull();
        assertThat(l.tryAcquire(1, true, 0, T0 + 1)).isNull();
        assertThat(l.tryAcquire(1, true, 0, T0 + 2)).isEqualTo(LocalRefusal.ORDER_LIMIT);
        assertThat(l.tryAcquire(1, false, 0, T0 + 2)).as("a cancel is no new order").isNull();
        assertThat(l.orderWindowEndMillis(T0 + 2)).isEqualTo(T0 + 10_000);
        assertThat(l.tryAcquire(1, true, 0, T0 + 10_000)).isNull();
        assertThat(l.estimate(RateLimit.Kind.ORDERS, 86_400_000L, T0 + 10_000)).isEqualTo(3);
    }

    @Test
    void shouldRefuseEverythingDuringARetryAfterWindowAndOnlyNewOrdersDuringAnOrderBlock() {
        VenueRateLimits l = new VenueRateLimits(RateLimit.BINANCE_SPOT_DEFAULTS);
        assertThat(l.blockAllUntil(30 * S)).isEqualTo(30 * S);
        assertThat(l.blockAllUntil(10 * S)).as("only ever extended").isEqualTo(30 * S);
        assertThat(l.tryAcquire(1, false, 30 * S - 1, T0)).isEqualTo(LocalRefusal.BACKING_OFF);
        assertThat(l.isBackingOff(30 * S - 1)).isTrue();
        assertThat(l.tryAcquire(1, false, 30 * S, T0)).isNull();
        l.blockOrdersUntil(40 * S);
        assertThat(l.tryAcquire(1, true, 35 * S, T0)).isEqualTo(LocalRefusal.ORDERS_BACKING_OFF);
        assertThat(l.tryAcquire(4, false, 35 * S, T0)).isNull();
        assertThat(l.tryAcquire(1, true, 40 * S, T0)).isNull();
        assertThat(l.refusals(LocalRefusal.BACKING_OFF)).isEqualTo(1);
        assertThat(l.refusals(LocalRefusal.ORDERS_BACKING_OFF)).isEqualTo(1);
        assertThat(l.refusals()).isEqualTo(2);
    }

    @Test
    void shouldReadExchangeInfoIntervalsAndHeaderSuffixes() {
        assertThat(RateLimit.intervalMillis("MINUTE", 5)).isEqualTo(300_000);
        assertThat(RateLimit.intervalMillis("SECOND", 10)).isEqualTo(10_000);
        assertThat(RateLimit.intervalMillis("DAY", 1)).isEqualTo(86_400_000);
        assertThat(RateLimit.intervalMillis("MONTH", 1)).isEqualTo(-1);
        assertThat(VenueRateLimits.headerInterval("X-MBX-USED-WEIGHT-1M", 18)).isEqualTo(60_000);
        assertThat(VenueRateLimits.headerInterval("x-mbx-order-count-10s", 18)).isEqualTo(10_000);
        assertThat(VenueRateLimits.headerInterval("X-MBX-USED-WEIGHT-M", 18)).isEqualTo(-1);
        assertThat(VenueRateLimits.headerInterval("X-MBX-USED-WEIGHT-0M", 18)).isEqualTo(-1);
    }
}
