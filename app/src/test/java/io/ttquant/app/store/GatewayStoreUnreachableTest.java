package io.ttquant.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.GatewayConfig;
import io.ttquant.app.gateway.GatewayService;
import io.ttquant.app.gateway.GatewayServiceFixture;
import io.ttquant.core.time.SystemEpochClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that cannot be reached when the gateway starts does not stop it from trading: the
 * gateway starts, orders fill and are journaled, the export says RETRYING (state, metrics, last
 * error) and the journal keeps everything; stopping the gateway gives up the drain at its
 * deadline. Needs no database: nothing listens on the port it is pointed at.
 */
class GatewayStoreUnreachableTest {
    @TempDir
    Path dir;

    @Test
    void shouldTradeAndKeepEverythingInTheJournalWhileTheStoreIsUnreachableFromTheStart() throws Exception {
        ExportDrill drill = new ExportDrill();
        GatewayConfig config = ExportDrill.read(drill.writeConfig(dir, 0,
                "{url: 'postgres:jdbc:postgresql://127.0.0.1:1/nowhere', schema: t_unreachable, drain-ms: 300}"));
        GatewayService gateway = GatewayService.start(config, SystemEpochClock.instance());
        try {
            PaperTrader trader = drill.trader(gateway, config.instruments().get(0));
            trader.awaitTrading("probe");
            trader.trade("u-", 0, 40);
            assertThat(trader.fillsReported()).isGreaterThan(20);

            OrderJournalExporter export = gateway.exporter();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (export.state() != OrderJournalExporter.State.RETRYING && System.nanoTime() < deadline) {
                trader.drain(); // polled with a deadline: the export thread tries on its own
            }
            assertThat(export.state()).isEqualTo(OrderJournalExporter.State.RETRYING);
            assertThat(export.lastError()).contains("cannot open the store");
            assertThat(export.exportedPosition()).isZero();
            String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.metricsUrl())).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(GatewayServiceFixture.metric(scrape, "ttquant_store_export_state")).isEqualTo(1.0);
            assertThat(GatewayServiceFixture.metric(scrape, "ttquant_store_export_lag_bytes")).isPositive();
            assertThat(GatewayServiceFixture.metric(scrape, "ttquant_store_export_position")).isZero();
        } finally {
            long start = System.nanoTime();
            gateway.close();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("the drain gives up at its deadline")
                    .isLessThan(20);
            drill.close();
        }
        assertThat(JournalExpectation.of(dir.resolve("journal")).fills()).as("the journal kept the fills").hasSizeGreaterThan(20);
    }
}
