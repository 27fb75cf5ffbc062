package io.ttquant.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.app.gateway.journal.JournalWorkloads;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.core.time.Clock;
import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter into the real embedded store (DuckDB, the default for a single machine): a journal
 * of seeded gateway activity exported in two runs (a restart between them, from the saved
 * progress) ends as exactly the journal's orders, fills and positions in the DuckDB file.
 */
class OrderJournalExporterDuckDbTest {
    @TempDir
    Path root;

    @Test
    void shouldHoldExactlyTheJournalsOrdersFillsAndPositionsInDuckDbAfterARestart() throws Exception {
        Path dir = root.resolve("journal");
        Path file = root.resolve("ttquant.duckdb");
        AtomicLong now = new AtomicLong(1_700_000_000_000_000_000L);
        Clock clock = now::get;
        OrderJournalExporter.Settings settings = OrderJournalExporter.Settings.defaults("gateway-journal:paper")
                .withBatch(300, 50_000_000L);
        JournalWorkloads w = new JournalWorkloads(31);
        long saved = 0;
        for (int run = 0; run < 2; run++) {
            OrderJournalExporter e = new OrderJournalExporter(settings, dir, () -> Stores.open(StoreConfig.duckdb(file)), clock,
                    nanos -> now.addAndGet(nanos));
            OrderJournal j = OrderJournalExporterTest.followed(dir, e);
            w.write(j, 1_500);
            for (int i = 0; i < 100_000 && !(e.exportedPosition() == j.durablePosition() && e.pendingRecords() == 0); i++) {
                e.doWork();
                assertThat(e.state()).as("%s", e.lastError()).isNotEqualTo(OrderJournalExporter.State.FAILED);
                now.addAndGet(20_000_000L);
            }
            assertThat(e.exportedPosition()).isEqualTo(j.durablePosition());
            assertThat(e.startProgress()).isEqualTo(run == 0 ? -1 : saved);
            saved = e.exportedPosition();
            e.close(); // closes the store
            j.close();
        }
        StoreContent expected = JournalExpectation.of(dir);
        StoreContent actual;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            actual = StoreContent.read(c, "main.");
        }
        assertThat(expected.fills()).hasSizeGreaterThan(300);
        assertThat(actual.orders()).isEqualTo(expected.orders());
        assertThat(actual.fills()).isEqualTo(expected.fills());
        assertThat(actual.positions()).isEqualTo(expected.positions());
        try (Store s = Stores.open(StoreConfig.duckdb(file))) {
            assertThat(s.progress("gateway-journal:paper")).hasValue(saved);
        }
    }
}
