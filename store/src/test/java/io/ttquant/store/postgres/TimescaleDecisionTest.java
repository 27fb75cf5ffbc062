package io.ttquant.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ttquant.store.StoreConfig.Timescale;
import io.ttquant.store.StoreException;
import org.junit.jupiter.api.Test;

/** The TimescaleDB policy (AUTO, ON, OFF) against what the server offers. */
class TimescaleDecisionTest {

    @Test
    void shouldUseTimescaleWhenAutoAndAvailable() {
        TimescaleDecision d = TimescaleDecision.decide(Timescale.AUTO, "2.15.0");
        assertThat(d.use()).isTrue();
        assertThat(d.reason()).isEqualTo("TimescaleDB 2.15.0 available");
    }

    @Test
    void shouldUsePlainTablesWhenAutoAndNotAvailable() {
        TimescaleDecision d = TimescaleDecision.decide(Timescale.AUTO, null);
        assertThat(d.use()).isFalse();
        assertThat(d.reason()).isEqualTo("TimescaleDB not available");
    }

    @Test
    void shouldUseTimescaleWhenRequiredAndAvailable() {
        assertThat(TimescaleDecision.decide(Timescale.ON, "2.15.0").use()).isTrue();
    }

    @Test
    void shouldRefuseToOpenWhenRequiredAndNotAvailable() {
        StoreException e = catchThrowableOfType(StoreException.class,
                () -> TimescaleDecision.decide(Timescale.ON, null));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("TimescaleDB is required").contains("pg_available_extensions")
                .contains("AUTO or OFF");
    }

    @Test
    void shouldNeverUseTimescaleWhenOff() {
        assertThat(TimescaleDecision.decide(Timescale.OFF, "2.15.0").use()).isFalse();
        assertThat(TimescaleDecision.decide(Timescale.OFF, "2.15.0").reason()).contains("switched off");
        assertThat(TimescaleDecision.decide(Timescale.OFF, null).use()).isFalse();
    }

    @Test
    void shouldFallBackToPlainTablesWhenAutoCannotEnableTheExtension() {
        TimescaleDecision d = TimescaleDecision.decide(Timescale.AUTO, "2.15.0")
                .enableFailed(Timescale.AUTO, "timescaledb must be in shared_preload_libraries");
        assertThat(d.use()).isFalse();
        assertThat(d.reason()).contains("could not be enabled").contains("shared_preload_libraries");
    }

    @Test
    void shouldRefuseToOpenWhenRequiredAndTheExtensionCannotBeEnabled() {
        StoreException e = catchThrowableOfType(StoreException.class, () -> TimescaleDecision
                .decide(Timescale.ON, "2.15.0").enableFailed(Timescale.ON, "permission denied"));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("could not be enabled: permission denied");
    }
}
