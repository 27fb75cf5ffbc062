package io.ttquant.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.GatewayProcess;
import io.ttquant.app.gateway.journal.JournalReader;
import io.ttquant.app.gateway.journal.JournalVisitor;
import io.ttquant.app.gateway.journal.ReplayResult;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.PgTestSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash drill for the export: {@code ttquant gateway --store postgres:...} runs in a
 * child JVM trading on paper, exporting to a schema of this test, and is killed with SIGKILL in
 * the middle of it (orders in flight, a batch half collected). A new child on the same journal
 * and store replays the journal from the saved progress; after it stops, the orders, fills and
 * positions tables hold exactly what the journal holds (nothing missing, nothing twice) and the
 * progress is the journal's end. Skipped without PostgreSQL, saying why, unless CI is set.
 */
class GatewayStoreKillRestartPostgresTest {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Orders sent without waiting for their answer just before the kill. */
    private static final int IN_FLIGHT = 25;

    @TempDir
    Path dir;

    @Test
    void shouldExportEveryOrderAndFillExactlyOnceAfterTheGatewayIsKilledMidRunAndRestarted() throws Exception {
        PgTestSupport.requirePostgres();
        String schema = PgTestSupport.newSchema("kill");
        String source = OrderJournalExporter.Settings.sourceFor("paper");
        ExportDrill drill = new ExportDrill();
        // Batches of 50 records: the kill finds some exported, the rest still to come.
        Path yaml = drill.writeConfig(dir, -1, "{batch-records: 50, batch-ms: 60000}");
        Instrument btc = ExportDrill.read(yaml).instruments().get(0);
        List<String> args = List.of("gateway", "--config", yaml.toString(), "--store", "postgres:" + PgTestSupport.URL,
                "--store-user", PgTestSupport.USER, "--store-schema", schema);
        Map<String, String> env = new HashMap<>();
        if (PgTestSupport.PASSWORD != null) {
            env.put(StoreOptions.PASSWORD_ENV, PgTestSupport.PASSWORD);
        }
        Path journal = dir.resolve("journal");
        List<GatewayProcess> children = new ArrayList<>();
        try {
            GatewayProcess first = new GatewayProcess(args, env, drill.zmq, DEADLINE_NANOS);
            children.add(first);
            PaperTrader trader = new PaperTrader(btc, drill.marketData, first.push, first.sub);
            trader.awaitTrading("probe");
            trader.trade("k-", 0, 300);
            for (int k = 300; k < 300 + IN_FLIGHT; k++) {
                trader.publishQuote();
                trader.send(trader.mix("k-", k));
            }
            first.process.destroyForcibly(); // SIGKILL, mid-run
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            long atKill = PgExportTestDb.progress(schema, source);
            ReplayResult journaled = JournalReader.replay(journal, new JournalVisitor() { });
            assertThat(journaled.ok()).as("%s", journaled.error()).isTrue();
            assertThat(atKill).as("some was exported before the kill").isPositive();
            assertThat(atKill).isLessThanOrEqualTo(journaled.endPosition());
            System.out.printf("kill drill: exported up to %d of %d journal bytes when killed (%d left to replay)%n", atKill,
                    journaled.endPosition(), journaled.endPosition() - atKill);

            GatewayProcess second = new GatewayProcess(args, env, drill.zmq, DEADLINE_NANOS);
            children.add(second);
            PaperTrader again = new PaperTrader(btc, drill.marketData, second.push, second.sub);
            again.awaitTrading("probe-after");
            again.trade("r-", 0, 40);
            second.process.destroy(); // SIGTERM: a clean stop journals SHUTDOWN and drains the export
            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(PgExportTestDb.progress(schema, source)).isGreaterThan(journaled.endPosition());
        } finally {
            for (GatewayProcess p : children) {
                if (p.process.isAlive()) {
                    p.process.destroyForcibly();
                }
                drill.zmq.destroySocket(p.push);
                drill.zmq.destroySocket(p.sub);
            }
            drill.close();
        }
        try {
            StoreContent expected = JournalExpectation.of(journal);
            StoreContent actual = PgExportTestDb.content(schema);
            assertThat(expected.orders()).hasSizeGreaterThan(300);
            assertThat(expected.fills()).hasSizeGreaterThan(200);
            assertThat(actual.orders()).isEqualTo(expected.orders());
            assertThat(actual.fills()).isEqualTo(expected.fills());
            assertThat(actual.positions()).isEqualTo(expected.positions());
            assertThat(PgExportTestDb.duplicates(schema, "fills", "venue, symbol, trade_id")).isZero();
            long end = JournalReader.replay(journal, new JournalVisitor() { }).endPosition();
            assertThat(PgExportTestDb.progress(schema, source)).as("exported to the journal's end").isEqualTo(end);
        } finally {
            PgTestSupport.dropSchema(schema);
        }
    }
}
