package io.ttquant.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system in one JVM while it runs: the dashboard page and its status document, one
 * Prometheus endpoint with every component's series, and a restart on the same data directory
 * that recovers the gateway from its journal and syncs the strategy to its position.
 */
class EmbeddedSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private RunConfig.Builder config(Path data) {
        return RunConfig.builder().dataDir(data).metricsPort(0).httpPort(0).store(StoreConfig.duckdb(data.resolve("ttquant.duckdb")));
    }

    @Test
    void shouldServeTheDashboardItsStatusAndEveryComponentsMetricsWhileTrading() throws Exception {
        RunConfig fast = config(dir.resolve("data")).speed(30).param("fast", "2").param("slow", "5").build();
        try (EmbeddedSystem system = EmbeddedSystem.start(fast, SystemEpochClock.instance())) {
            boolean filled = RunFixture.await(DEADLINE, () -> fills(system) > 0);
            assertThat(filled).as("a fill within %s: %s", DEADLINE, system.status().toJson()).isTrue();

            RunFixture.Response page = RunFixture.get(system.dashboardUrl());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("<title>TTQuant run</title>", "fetch(\"/api/status\"", "createElementNS(ns, \"svg\")")
                    .doesNotContain("https://", "<script src", "<link", "@import", "url(");
            assertThat(page.body().replace("http://www.w3.org/2000/svg", "")).as("nothing from another site").doesNotContain("http://");

            RunFixture.Response api = RunFixture.get(system.dashboardUrl() + "api/status");
            assertThat(api.status()).isEqualTo(200);
            assertThat(api.contentType()).isEqualTo("application/json");
            JsonNode status = JSON.readTree(api.body());
            assertThat(status.path("gateway").path("ready").asBoolean()).as(api.body()).isTrue();
            assertThat(status.path("gateway").path("killSwitch").path("engaged").asBoolean()).isFalse();
            assertThat(status.path("marketData").path("events").asLong()).isPositive();
            assertThat(status.path("uptimeSeconds").asDouble()).isPositive();
            JsonNode strategy = status.path("strategies").path(0);
            assertThat(strategy.path("id").asText()).isEqualTo("ema-cross");
            assertThat(strategy.path("state").asText()).isEqualTo("ACTIVE");
            assertThat(strategy.path("fills").asLong()).isPositive();
            assertThat(strategy.path("ordersSent").asLong()).isPositive();
            assertThat(strategy.path("equity").asText()).isNotEmpty();
            assertThat(status.path("store").path("description").asText()).startsWith("DuckDB");
            assertThat(status.path("store").path("rowsWritten").path("trades").asLong()).isPositive();

            assertThat(RunFixture.post(system.dashboardUrl()).status()).as("read-only").isEqualTo(405);

            RunFixture.Response metrics = RunFixture.get(system.metricsUrl());
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("ttquant_marketdata_messages_total", "ttquant_gateway_", "ttquant_strategy_",
                    "ttquant_store_rows_written_total", "ttquant_store_export_");
        }
    }

    @Test
    void shouldRecoverTheGatewayAndContinueTheStrategysPositionAfterARestartOnTheSameDataDir() throws Exception {
        Path data = dir.resolve("data");
        GatewaySnapshot.Holding before;
        RunConfig fast = config(data).speed(30).param("fast", "2").param("slow", "5").build();
        try (EmbeddedSystem first = EmbeddedSystem.start(fast, SystemEpochClock.instance())) {
            assertThat(RunFixture.await(DEADLINE, () -> fills(first) >= 2)).as("two fills: %s", first.status().toJson()).isTrue();
            first.close();
            before = first.status().gateway().strategy("ema-cross").holdings().get(0);
            assertThat(first.summary().fills()).isGreaterThanOrEqualTo(2);
            // Something to carry over: a position, or the realized PnL of round trips (each crosses the spread).
            assertThat(before.netQtyRaw() != 0 || before.realizedRaw() != 0).as("%s", before).isTrue();
        }

        // Slow enough that the strategy does not trade before the check: its first cross needs 31 one-second bars.
        RunConfig slow = config(data).param("slow", "30").build();
        try (EmbeddedSystem second = EmbeddedSystem.start(slow, SystemEpochClock.instance())) {
            assertThat(RunFixture.await(DEADLINE, () -> state(second).equals("ACTIVE"))).as(second.status().toJson()).isTrue();
            SystemStatus status = second.status();
            EngineSnapshot.StrategyState strategy = status.engine().strategy("ema-cross");
            assertThat(status.recovery()).doesNotContain("empty journal").contains("positions");
            assertThat(strategy.ordersSent()).isZero();
            assertThat(strategy.holdings().get(0).netQtyRaw()).as(status.toJson()).isEqualTo(before.netQtyRaw());
            assertThat(strategy.realizedRaw()).as(status.toJson()).isEqualTo(before.realizedRaw());
            GatewaySnapshot.Holding recovered = status.gateway().strategy("ema-cross").holdings().get(0);
            assertThat(recovered).isEqualTo(before);
        }
    }

    private static long fills(EmbeddedSystem system) {
        GatewaySnapshot g = system.status().gateway();
        return g == null ? 0 : g.strategy("ema-cross").fills();
    }

    private static String state(EmbeddedSystem system) {
        EngineSnapshot e = system.status().engine();
        return e == null ? "" : e.strategy("ema-cross").state();
    }
}
