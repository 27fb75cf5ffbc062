package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitsTest {
    private static final long T0 = 1_700_000_000_000L - 1_700_000_000_000L % 60_000L;

    @Test
    void shouldAnswer429WithSecondsToTheNextMinutePastTheWeightLimit() {
        RateLimits r = new RateLimits(10, 100, 1000, 3);
        assertThat(r.chargeWeight("ip", 10, T0 + 15_000)).isNull();
        RestError e = r.chargeWeight("ip", 1, T0 + 15_000);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.code()).isEqualTo(-1003);
        assertThat(e.retryAfterSeconds()).isEqualTo(45);
        assertThat(e.msg()).contains("current limit is 10 request weight per 1 MINUTE");
        assertThat(r.usedWeight("ip", T0 + 15_000)).isEqualTo(11);
        assertThat(r.chargeWeight("ip", 1, T0 + 60_000)).isNull();
        assertThat(r.usedWeight("ip", T0 + 60_000)).isEqualTo(1);
    }

    @Test
    void shouldBanAnIpThatKeepsGoingAfter429sAndEscalate() {
        RateLimits r = new RateLimits(1, 100, 1000, 2);
        r.chargeWeight("ip", 1, T0);
        assertThat(r.chargeWeight("ip", 1, T0).httpStatus()).isEqualTo(429);
        assertThat(r.chargeWeight("ip", 1, T0).httpStatus()).isEqualTo(429);
        RestError ban = r.chargeWeight("ip", 1, T0);
        assertThat(ban.httpStatus()).isEqualTo(418);
        assertThat(ban.retryAfterSeconds()).isEqualTo(120);
        assertThat(ban.msg()).contains("IP banned until " + (T0 + 120_000));
        assertThat(r.chargeWeight("ip", 1, T0 + 119_000).httpStatus()).isEqualTo(418);
        assertThat(r.chargeWeight("other", 1, T0)).isNull();
        assertThat(r.chargeWeight("ip", 1, T0 + 120_000)).isNull();
        r.chargeWeight("ip", 1, T0 + 120_000);
        r.chargeWeight("ip", 1, T0 + 120_000);
        assertThat(r.chargeWeight("ip", 1, T0 + 120_000).retryAfterSeconds()).isEqualTo(240);
    }

    @Test
    void shouldCountOrdersPerTenSecondsAndPerDay() {
        RateLimits r = new RateLimits(1000, 2, 3, 10);
        assertThat(r.countOrder("k", T0)).isNull();
        assertThat(r.countOrder("k", T0 + 1)).isNull();
        RestError e = r.countOrder("k", T0 + 2);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.code()).isEqualTo(-1015);
        assertThat(e.retryAfterSeconds()).isEqualTo(RestError.NO_RETRY_AFTER);
        assertThat(e.msg()).isEqualTo("Too many new orders; current limit is 2 orders per 10 SECOND.");
        assertThat(r.orderCount10s("k", T0 + 2)).isEqualTo(3);
        assertThat(r.countOrder("k", T0 + 10_000).msg()).contains("per 1 DAY");
        assertThat(r.orderCount10s("k", T0 + 20_000)).isZero();
        assertThat(r.orderCountDay("k", T0 + 20_000)).isEqualTo(4);
    }
}
