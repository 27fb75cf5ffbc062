package io.ttquant.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MonthlyReturnsTest {
    @Test
    void shouldCompoundMonthEndEquityIntoMonthAndYearReturns() {
        long[] t = {
            ReportFixture.nanos("2021-01-01T00:00:00Z"), ReportFixture.nanos("2021-01-31T23:00:00Z"),
            ReportFixture.nanos("2021-02-15T00:00:00Z"), ReportFixture.nanos("2021-03-31T23:59:59Z"),
            ReportFixture.nanos("2022-01-10T00:00:00Z")};
        double[] e = {100, 110, 99, 108.9, 217.8};

        MonthlyReturns m = MonthlyReturns.of(t, e, t.length, 100);

        double[] y2021 = m.byYear().get(2021);
        assertThat(y2021[0]).isCloseTo(0.10, within(1e-12));
        assertThat(y2021[1]).isCloseTo(-0.10, within(1e-12));
        assertThat(y2021[2]).isCloseTo(0.10, within(1e-12));
        assertThat(y2021[3]).isNaN();
        assertThat(y2021[12]).isCloseTo(0.089, within(1e-12));
        double[] y2022 = m.byYear().get(2022);
        assertThat(y2022[0]).as("a gap spans to the previous month-end").isCloseTo(1.0, within(1e-12));
        assertThat(y2022[12]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void shouldHaveNoRowsWithoutSamples() {
        assertThat(MonthlyReturns.of(new long[0], new double[0], 0, 100).isEmpty()).isTrue();
    }
}
