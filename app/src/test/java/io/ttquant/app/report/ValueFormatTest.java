package io.ttquant.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueFormatTest {
    @Test
    void shouldWriteIsoUtcTimeTruncatedToTheMillisecond() {
        long t = ReportFixture.nanos("2021-04-20T20:42:00Z") + 123_999_999L;

        assertThat(ValueFormat.isoTime(t)).isEqualTo("2021-04-20T20:42:00.123Z");
        assertThat(ValueFormat.isoTime(0)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(ValueFormat.isoTime(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(ValueFormat.isoTime(ReportFixture.nanos("2024-02-29T23:59:59.999999Z"))).isEqualTo("2024-02-29T23:59:59.999Z");
    }

    @Test
    void shouldAgreeWithTheJdkIsoFormatOverManyTimes() {
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < 100_000; i++) {
            long t = rnd.nextLong() % 4_000_000_000_000_000_000L;
            java.time.Instant instant = ValueFormat.instant(t).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            String jdk = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(instant);
            assertThat(ValueFormat.isoTime(t)).isEqualTo(jdk);
        }
    }

    @Test
    void shouldFormatExactCashWithoutTrailingZeros() {
        assertThat(ValueFormat.cash(1_008_990_000_000L)).isEqualTo("10089.9");
        assertThat(ValueFormat.cash(-1L)).isEqualTo("-0.00000001");
        assertThat(ValueFormat.cash(0L)).isEqualTo("0");
        assertThat(ValueFormat.cash(Long.MAX_VALUE)).isEqualTo("92233720368.54775807");
    }

    @Test
    void shouldWriteDoublesAsPlainDecimalsWithoutExponent() {
        assertThat(ValueFormat.plain(1e-7, 10)).isEqualTo("0.0000001");
        assertThat(ValueFormat.plain(1e20, 8)).isEqualTo("100000000000000000000");
        assertThat(ValueFormat.plain(0.1 + 0.2, 8)).isEqualTo("0.3");
        assertThat(ValueFormat.plain(-0.0, 8)).isEqualTo("0");
        assertThat(ValueFormat.plain(2.0, 8)).isEqualTo("2");
        assertThat(ValueFormat.plain(-12.5, 8)).isEqualTo("-12.5");
        assertThat(ValueFormat.plain(0.123456789, 4)).isEqualTo("0.1235");
        assertThat(ValueFormat.plain(0.00001, 4)).isEqualTo("0");
        assertThat(ValueFormat.plainOrEmpty(Double.NaN, 8)).isEmpty();
        assertThatThrownBy(() -> ValueFormat.plain(Double.POSITIVE_INFINITY, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteJsonNumbersThatReadBackAsTheSameDouble() {
        for (double v : new double[] {0.0, 1.0, -2.5, 0.1 + 0.2, 1e-12, 6.02e23, Double.MIN_VALUE, Double.MAX_VALUE, 123456.789}) {
            String text = ValueFormat.jsonNumber(v);
            assertThat(MiniJson.parse(text)).as(text).isNotNull();
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(v);
        }
    }

    @Test
    void shouldGroupThousandsInTheIntegerPartOnly() {
        assertThat(ValueFormat.grouped("-1234567.891011")).isEqualTo("-1,234,567.891011");
        assertThat(ValueFormat.grouped("999")).isEqualTo("999");
        assertThat(ValueFormat.grouped("1000")).isEqualTo("1,000");
    }

    @Test
    void shouldShowUndefinedAsDashAndUnboundedAsInfinity() {
        assertThat(ValueFormat.human(Double.NaN, 2)).isEqualTo("—");
        assertThat(ValueFormat.human(Double.POSITIVE_INFINITY, 2)).isEqualTo("∞");
        assertThat(ValueFormat.percent(0.1234)).isEqualTo("12.34 %");
        assertThat(ValueFormat.percent(-0.00899, 1)).isEqualTo("-0.9 %");
        assertThat(ValueFormat.percent(Double.NaN)).isEqualTo("—");
    }

    @Test
    void shouldFormatDurationsForPeople() {
        long s = 1_000_000_000L;
        assertThat(ValueFormat.duration(3 * 86_400 * s + 4 * 3_600 * s + 5 * 60 * s)).isEqualTo("3d 4h 05m");
        assertThat(ValueFormat.duration(45 * s)).isEqualTo("45s");
        assertThat(ValueFormat.duration(1_500_000L)).isEqualTo("1ms");
        assertThat(ValueFormat.seconds(90_500_000_000L)).isEqualTo("90.5");
    }
}
