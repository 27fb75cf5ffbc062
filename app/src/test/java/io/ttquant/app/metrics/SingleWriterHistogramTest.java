package io.ttquant.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SingleWriterHistogramTest {
    @Test
    void shouldExposeCumulativeBucketsCountAndSumInSeconds() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        SingleWriterHistogram h = new SingleWriterHistogram("test_latency_seconds", "a test", 0.000_001, 0.001);
        registry.register(h);
        h.record(500);        // 0.5 us: first bucket
        h.record(1_000);      // exactly 1 us: still the first (le is inclusive)
        h.record(2_000);      // 2 us: second
        h.record(5_000_000);  // 5 ms: +Inf
        h.record(-7);         // a clock step backwards counts as 0
        assertThat(h.count()).isEqualTo(5);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("# TYPE test_latency_seconds histogram")
                .contains("test_latency_seconds_bucket{le=\"1.0E-6\"} 3")
                .contains("test_latency_seconds_bucket{le=\"0.001\"} 4")
                .contains("test_latency_seconds_bucket{le=\"+Inf\"} 5")
                .contains("test_latency_seconds_count 5")
                .contains("test_latency_seconds_sum 0.0050035");
    }

    @Test
    void shouldRefuseANameWithoutTheUnitOrBoundsOutOfOrder() {
        assertThatThrownBy(() -> new SingleWriterHistogram("test_latency", "x", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SingleWriterHistogram("a_seconds", "x", 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
