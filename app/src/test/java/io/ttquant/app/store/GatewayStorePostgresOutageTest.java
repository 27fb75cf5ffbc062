package io.ttquant.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.GatewayConfig;
import io.ttquant.app.gateway.GatewayService;
import io.ttquant.app.gateway.GatewayServiceFixture;
import io.ttquant.app.gateway.journal.JournalReader;
import io.ttquant.app.gateway.journal.JournalVisitor;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.store.PgTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outage drill against a real PostgreSQL: a paper gateway trades (orders and fills
 * flowing) with its journal exported to a schema of this test; PostgreSQL is stopped for
 * {@value #OUTAGE_SECONDS} s in the middle of the run while orders keep coming (the gateway keeps
 * trading, the export retries, the journal keeps everything), then started again; afterwards the
 * orders, fills and positions tables hold exactly what the journal holds: every order and fill
 * once (compared row by row, and counted for duplicates), the positions the journal's replay
 * computes, and the export progress at the journal's end.
 *
 * <p>It stops and starts the cluster with {@code pg_ctlcluster} (root; see {@link PgOutage}), in a
 * finally block that waits until {@code pg_isready} answers; without root or PostgreSQL it is
 * skipped saying why, unless CI is set. It takes about a minute.
 */
@Tag("postgres-outage")
class GatewayStorePostgresOutageTest {
    /** How long PostgreSQL is down, as the issue asks. */
    static final int OUTAGE_SECONDS = 30;
    /** One order this often while PostgreSQL is down (about 600 of them). */
    private static final long ORDER_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    @TempDir
    Path dir;

    @Test
    void shouldHoldEveryOrderAndFillExactlyOnceAfterPostgresWasDownForThirtySecondsMidRun() throws Exception {
        PgTestSupport.requirePostgres();
        String[] why = new String[1];
        PgOutage outage = PgOutage.find(why);
        PgTestSupport.skipUnless(outage == null ? "cannot stop and start PostgreSQL here: " + why[0] : null);
        String schema = PgTestSupport.newSchema("outage");
        ExportDrill drill = new ExportDrill();
        GatewayConfig config = ExportDrill.read(drill.writeConfig(dir, 0, "{url: 'postgres:" + PgTestSupport.URL + "', user: "
                + PgTestSupport.USER + ", schema: " + schema + ", batch-records: 200, batch-ms: 50}"));
        GatewayService gateway = GatewayService.start(config, SystemEpochClock.instance());
        boolean stopped = false;
        try {
            PaperTrader trader = drill.trader(gateway, config.instruments().get(0));
            OrderJournalExporter export = gateway.exporter();
            assertThat(export).isNotNull();

            trader.awaitTrading("probe");
            trader.trade("a-", 0, 100);
            awaitExported(export, trader);
            assertThat(PgExportTestDb.progress(schema, export.settings().source())).isEqualTo(export.exportedPosition());
            long exportedBefore = export.exportedPosition();
            long fillsBefore = trader.fillsReported();

            // PostgreSQL goes away for OUTAGE_SECONDS while orders keep coming.
            int duringOutage = 0;
            boolean sawRetrying = false;
            outage.stop();
            stopped = true;
            try {
                long start = System.nanoTime();
                long next = start;
                while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(OUTAGE_SECONDS)) {
                    trader.publishQuote();
                    if (System.nanoTime() >= next) {
                        trader.send(trader.mix("b-", duringOutage++));
                        next += ORDER_EVERY_NANOS;
                        if (duringOutage % 5 == 0) {
                            trader.publishTrade();
                        }
                    }
                    trader.drain();
                    sawRetrying |= export.state() == OrderJournalExporter.State.RETRYING;
                }
                assertThat(trader.await("b-" + (duringOutage - 1), PaperTrader.DEADLINE_NANOS)).as("the gateway trades on").isNotNull();
                assertThat(gateway.isRunning()).isTrue();
                assertThat(sawRetrying).as("the export noticed the outage and retries").isTrue();
                assertThat(export.state()).isEqualTo(OrderJournalExporter.State.RETRYING);
                assertThat(export.lagBytes()).as("the journal holds what the store cannot take").isPositive();
                assertThat(export.exportedPosition()).isLessThan(export.durablePosition());
                String scrape = scrape(gateway);
                assertThat(GatewayServiceFixture.metric(scrape, "ttquant_store_export_state")).isEqualTo(1.0);
                assertThat(GatewayServiceFixture.metric(scrape, "ttquant_store_export_lag_bytes")).isPositive();
                assertThat(GatewayServiceFixture.metric(scrape, "ttquant_store_journal_bytes")).isPositive();
                assertThat(GatewayServiceFixture.metric(scrape, "ttquant_store_export_write_errors_total", "kind", "retryable"))
                        .isPositive();
            } finally {
                outage.start(); // always, and ready before anything else
                stopped = false;
            }
            assertThat(trader.fillsReported()).as("fills happened during the outage").isGreaterThan(fillsBefore + 100);

            trader.trade("c-", 0, 100);
            awaitExported(export, trader);
            assertThat(export.state()).isEqualTo(OrderJournalExporter.State.OK);
            assertThat(export.exportedPosition()).isGreaterThan(exportedBefore);
            System.out.printf("outage drill: %d orders before, %d during %d s without PostgreSQL, 100 after; %d export retries, "
                            + "%d batches, %d order rows, %d fill rows%n", 100, duringOutage, OUTAGE_SECONDS, export.retryableErrors(),
                    export.batches(), export.orderRows(), export.fillRows());
        } finally {
            if (stopped) {
                outage.start();
            }
            gateway.close(); // journals SHUTDOWN, closes the journal, drains the export
            drill.close();
        }
        try {
            StoreContent expected = JournalExpectation.of(dir.resolve("journal"));
            StoreContent actual = PgExportTestDb.content(schema);
            assertThat(expected.orders()).hasSizeGreaterThan(700);
            assertThat(expected.fills()).hasSizeGreaterThan(400);
            assertThat(actual.orders()).isEqualTo(expected.orders());
            assertThat(actual.fills()).isEqualTo(expected.fills());
            assertThat(actual.positions()).isEqualTo(expected.positions());
            assertThat(PgExportTestDb.duplicates(schema, "fills", "venue, symbol, trade_id")).isZero();
            assertThat(PgExportTestDb.duplicates(schema, "orders", "venue, order_id")).isZero();
            long end = JournalReader.replay(dir.resolve("journal"), new JournalVisitor() { }).endPosition();
            assertThat(PgExportTestDb.progress(schema, OrderJournalExporter.Settings.sourceFor("paper")))
                    .as("the export reached the journal's end, its SHUTDOWN included").isEqualTo(end);
        } finally {
            PgTestSupport.dropSchema(schema);
        }
    }

    /** Waits (publishing quotes) until the export has committed everything the journal made durable. */
    private static void awaitExported(OrderJournalExporter export, PaperTrader trader) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            trader.drain();
            if (export.state() == OrderJournalExporter.State.OK && export.pendingRecords() == 0
                    && export.exportedPosition() == export.durablePosition() && export.exportedPosition() > 0) {
                return;
            }
        }
        throw new AssertionError("the export did not catch up: " + export.describe());
    }

    private static String scrape(GatewayService gateway) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.metricsUrl())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
