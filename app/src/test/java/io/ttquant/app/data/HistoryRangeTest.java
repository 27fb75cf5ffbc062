package io.ttquant.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryRangeTest {
    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void shouldReadDatesAsWholeUtcDaysWithTheToDayIncluded() {
        HistoryRange r = HistoryRange.parse("2024-01-01", "2024-01-31");

        assertThat(r.fromNanos()).isEqualTo(nanos("2024-01-01T00:00:00Z"));
        assertThat(r.toNanos()).isEqualTo(nanos("2024-02-01T00:00:00Z"));
    }

    @Test
    void shouldReadDateTimesAsUtcUnlessAnOffsetIsGiven() {
        assertThat(HistoryRange.parse("2024-01-01T12:00", null).fromNanos()).isEqualTo(nanos("2024-01-01T12:00:00Z"));
        assertThat(HistoryRange.parse("2024-01-01 12:00:30.250", null).fromNanos()).isEqualTo(nanos("2024-01-01T12:00:30.250Z"));
        assertThat(HistoryRange.parse(null, "2024-01-01T12:00:00Z").toNanos()).isEqualTo(nanos("2024-01-01T12:00:00Z"));
        assertThat(HistoryRange.parse(null, "2024-01-01T12:00+02:00").toNanos()).isEqualTo(nanos("2024-01-01T10:00:00Z"));
    }

    @Test
    void shouldSpanTheWholeHistoryWithoutBounds() {
        HistoryRange r = HistoryRange.parse(null, null);

        assertThat(r.unbounded()).isTrue();
        assertThat(r.describe()).isEqualTo("over the whole history");
        assertThat(r.toNanos() % 1_000).isZero();
    }

    @Test
    void shouldRefuseAnEmptyRangeOrABadTime() {
        assertThatThrownBy(() -> HistoryRange.parse("2024-02-01", "2024-01-01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the time range is empty");
        assertThatThrownBy(() -> HistoryRange.parse("yesterday", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--from must be an ISO date");
        assertThatThrownBy(() -> HistoryRange.parse(null, "1960-01-01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--to is out of range");
    }
}
