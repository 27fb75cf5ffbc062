package io.ttquant.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.analytics.PerformanceReport;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricTableTest {
    @Test
    void shouldListEveryScalarMetricOfThePerformanceReport() {
        long metrics = Arrays.stream(PerformanceReport.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType().isPrimitive())
                .map(Method::getName)
                .count();
        ReportModel model = new ReportModel(ReportFixture.result(ReportFixture.winningRun("s1", "sma")),
                ReportFixture.winningRun("s1", "sma"), ReportFixture.info(Map.of()), true);

        List<MetricTable.Row> rows = MetricTable.rows(model);

        assertThat(rows.stream().filter(r -> !r.group().startsWith("Account")).count()).isEqualTo(metrics);
        assertThat(rows).allSatisfy(r -> assertThat(r.definition()).isNotBlank());
    }

    @Test
    void shouldShowUndefinedAmountsWithoutACurrency() {
        ReportModel model = new ReportModel(ReportFixture.result(ReportFixture.winningRun("s1", "sma")),
                ReportFixture.winningRun("s1", "sma"), ReportFixture.info(Map.of()), true);

        MetricTable.Row averageLoss = MetricTable.rows(model).stream().filter(r -> r.name().equals("Average loss")).findFirst().orElseThrow();

        assertThat(averageLoss.value()).isEqualTo("—");
    }
}
