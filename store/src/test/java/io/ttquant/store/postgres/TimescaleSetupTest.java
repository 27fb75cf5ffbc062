package io.ttquant.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.store.postgres.TimescaleSetup.Hypertable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The TimescaleDB statements (the extension is not installable on the test machines, so the SQL is
 * checked here and its execution is left to servers that have it).
 */
class TimescaleSetupTest {
    private final TimescaleSetup setup = new TimescaleSetup("t_x", "public", 7, 30);

    @Test
    void shouldMakeHypertablesOfTimeSeriesTablesButNotOfOrders() {
        assertThat(TimescaleSetup.HYPERTABLES).extracting(Hypertable::name).containsExactly("market_trades",
                "market_quotes", "book_snapshots", "market_bars", "fills", "positions");
        assertThat(setup.createHypertable(table("market_bars"))).isEqualTo("SELECT \"public\".create_hypertable("
                + "'\"t_x\".market_bars', 'open_time', chunk_time_interval => INTERVAL '30 days', "
                + "if_not_exists => TRUE, migrate_data => TRUE)");
        assertThat(setup.createHypertable(table("market_trades"))).contains("'\"t_x\".market_trades', 'time'")
                .contains("INTERVAL '1 day'");
    }

    @Test
    void shouldCompressAndExpireOnlyMarketData() {
        assertThat(setup.enableCompression(table("market_trades"))).isEqualTo("ALTER TABLE \"t_x\".market_trades SET "
                + "(timescaledb.compress, timescaledb.compress_segmentby = 'venue, symbol', "
                + "timescaledb.compress_orderby = 'time')");
        assertThat(setup.policies(table("market_quotes"))).containsExactly(
                "SELECT \"public\".remove_compression_policy('\"t_x\".market_quotes', if_exists => TRUE)",
                "SELECT \"public\".add_compression_policy('\"t_x\".market_quotes', compress_after => INTERVAL '7 days')",
                "SELECT \"public\".remove_retention_policy('\"t_x\".market_quotes', if_exists => TRUE)",
                "SELECT \"public\".add_retention_policy('\"t_x\".market_quotes', drop_after => INTERVAL '30 days')");
        assertThat(setup.policies(table("fills"))).isEmpty();
        assertThat(setup.policies(table("positions"))).isEmpty();
    }

    @Test
    void shouldKeepTheUniqueKeyOfBarsInsideTheCompressionSettings() {
        // compressed chunks can only enforce a unique key its segmentby and orderby columns cover
        assertThat(setup.enableCompression(table("market_bars")))
                .contains("compress_segmentby = 'venue, symbol'").contains("compress_orderby = 'interval_s, open_time'");
    }

    @Test
    void shouldDropThePoliciesWhenTheirDaysAreZero() {
        List<String> sql = new TimescaleSetup("t_x", "public", 0, 0).policies(table("market_trades"));
        assertThat(sql).hasSize(2).allMatch(s -> s.contains("remove_"));
    }

    @Test
    void shouldAggregateOneMinuteBarsFromTradesAndRefreshThem() {
        assertThat(setup.createAggregate()).startsWith("CREATE MATERIALIZED VIEW \"t_x\".market_bars_1m_from_trades "
                        + "WITH (timescaledb.continuous) AS SELECT venue, symbol, "
                        + "\"public\".time_bucket(INTERVAL '1 minute', time) AS open_time")
                .contains("\"public\".first(price, time) AS open", "max(price) AS high", "min(price) AS low",
                        "\"public\".last(price, time) AS close", "sum(qty) AS volume")
                .contains("FROM \"t_x\".market_trades").endsWith("WITH NO DATA");
        assertThat(setup.aggregatePolicy()).contains("add_continuous_aggregate_policy('\"t_x\"."
                + "market_bars_1m_from_trades'").contains("schedule_interval => INTERVAL '1 minute'")
                .contains("if_not_exists => TRUE");
    }

    @Test
    void shouldNeverInstallTheExtensionIntoTheStoreSchema() {
        assertThat(TimescaleSetup.createExtension()).isEqualTo("CREATE EXTENSION IF NOT EXISTS timescaledb SCHEMA public");
    }

    private static Hypertable table(String name) {
        return TimescaleSetup.HYPERTABLES.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
