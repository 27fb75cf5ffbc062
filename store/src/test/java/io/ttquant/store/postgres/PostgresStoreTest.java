package io.ttquant.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ttquant.store.PgTestSupport;
import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreContract;
import io.ttquant.store.StoreException;
import io.ttquant.store.trading.TradingBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL store against a real server, in a schema of its own (dropped after): the
 * {@link StoreContract} every store keeps, plus what only this store has: Flyway migrations and
 * indexes, the retention job interval, a row the server refuses after the batch was sent, the
 * description without the password and the TimescaleDB choice. Skipped when PostgreSQL is not
 * reachable (failed under CI).
 */
class PostgresStoreTest extends StoreContract {
    private static String schema;
    private static PostgresStore store;

    @BeforeAll
    static void openStore() {
        PgTestSupport.requirePostgres();
        schema = PgTestSupport.newSchema("PostgresStoreTest");
        store = PostgresStore.open(PgTestSupport.config(schema).withTimescale(StoreConfig.Timescale.OFF));
    }

    @AfterAll
    static void dropSchema() {
        if (store != null) {
            store.close();
        }
        PgTestSupport.dropSchema(schema);
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        sql("TRUNCATE market_trades, market_quotes, market_bars, book_snapshots, orders, fills, positions, "
                + "export_progress");
    }

    @Override
    protected Store store() {
        return store;
    }

    @Override
    protected Connection connect() throws SQLException {
        Connection c = PgTestSupport.connect();
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO \"" + schema + "\"");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    protected String epochMicros(String column) {
        return "CAST(EXTRACT(EPOCH FROM " + column + ") * 1000000 AS BIGINT)";
    }

    @Override
    protected String location() {
        return schema;
    }

    @Override
    protected void assertRefusedByTheDatabase(StoreException e) {
        assertThat(e.getMessage()).contains("writing a trading batch of 4 rows").contains("SQLState 23505");
    }

    @Override
    protected int tradesToReadBack() {
        return PgCursorSource.FETCH_SIZE * 2 + 5_123;
    }

    @Test
    void shouldCreateEveryTableIndexAndViewAndReopenWithoutMigratingAgain() throws SQLException {
        assertThat(strings("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_type = 'BASE TABLE' ORDER BY 1", schema)).containsExactly("book_snapshots",
                "export_progress", "fills", "flyway_schema_history", "market_bars", "market_quotes", "market_trades",
                "orders", "positions");
        assertThat(strings("SELECT indexname FROM pg_indexes WHERE schemaname = ? ORDER BY 1", schema)).contains(
                "market_trades_venue_symbol_time_idx", "market_quotes_venue_symbol_time_idx",
                "book_snapshots_venue_symbol_time_idx", "market_bars_key", "orders_key",
                "orders_venue_symbol_created_idx", "fills_key", "fills_venue_symbol_time_idx", "positions_key",
                "export_progress_key");
        assertThat(strings("SELECT table_name FROM information_schema.views WHERE table_schema = ? ORDER BY 1",
                schema)).containsExactly("fills_v", "market_bars_v", "market_quotes_v", "market_trades_v", "orders_v",
                        "positions_v");
        List<String> history = strings("SELECT version || ' ' || success FROM \"" + schema
                + "\".flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        assertThat(history).containsExactly("1 true", "2 true", "3 true");

        try (PostgresStore again = PostgresStore.open(PgTestSupport.config(schema)
                .withTimescale(StoreConfig.Timescale.OFF))) {
            assertThat(again.count("market_trades")).isZero();
        }
        assertThat(strings("SELECT version || ' ' || success FROM \"" + schema
                + "\".flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"))
                .isEqualTo(history);
    }

    @Test
    void shouldRollBackTheWholeBatchWhenTheServerRefusesTextSentAfterTheOrders() {
        store.writeTrading(new TradingBatch().progress("journal", 100));
        // PostgreSQL text cannot hold a NUL character: the fill fails after the orders were sent
        TradingBatch bad = new TradingBatch().addOrder(order(5, "NEW", 0, T0)).addFill(fill(1, T0, "US\u0000DT"))
                .addPosition(position(T0, 1, 1)).progress("journal", 200);

        StoreException e = catchThrowableOfType(StoreException.class, () -> store.writeTrading(bad));

        assertThat(e.retryable()).isFalse();
        assertThat(store.count("orders")).isZero();
        assertThat(store.count("fills")).isZero();
        assertThat(store.count("positions")).isZero();
        assertThat(store.progress("journal")).isEqualTo(OptionalLong.of(100));
        store.writeTrading(new TradingBatch().addOrder(order(5, "NEW", 0, T0)).progress("journal", 200));
        assertThat(store.progress("journal")).isEqualTo(OptionalLong.of(200));
    }

    @Test
    void shouldAskForTheRetentionJobOnPlainTables() {
        assertThat(store.usesTimescale()).isFalse();
        assertThat(store.retentionJobInterval()).isEqualTo(PostgresStore.RETENTION_JOB_INTERVAL);
    }

    @Test
    void shouldDescribeItselfWithoutThePassword() {
        String password = "s3cret-Pa55word";
        StoreConfig config = StoreConfig.postgres(PgTestSupport.URL, PgTestSupport.USER, password, schema)
                .withTimescale(StoreConfig.Timescale.OFF);
        // trust authentication never asks for the password; a server that does would refuse this one
        try (PostgresStore withPassword = PostgresStore.open(config)) {
            assertThat(withPassword.describe()).doesNotContain(password).startsWith("PostgreSQL ")
                    .contains(" schema " + schema + " (")
                    .endsWith("plain tables, retention job every 1 h deletes market data older than 30 days)");
            assertThat(withPassword.toString()).doesNotContain(password);
            assertThat(config.toString()).doesNotContain(password);
            assertThat(withPassword.max()).isEqualTo(10);
            assertThat(withPassword.active()).isZero();
        } catch (StoreException e) {
            assertThat(e.getMessage()).doesNotContain(password);
        }
        assertThat(store.describe()).contains("TimescaleDB off by configuration")
                .contains("at " + PgEndpoint.parse(PgTestSupport.URL));
    }

    @Test
    void shouldRefuseToOpenWhenTimescaleIsRequiredButNotAvailable() throws SQLException {
        Assumptions.assumeTrue(strings("SELECT name FROM pg_available_extensions WHERE name = 'timescaledb'")
                .isEmpty(), "this server offers TimescaleDB");
        String other = PgTestSupport.newSchema("timescale_on");
        try {
            StoreException e = catchThrowableOfType(StoreException.class, () -> PostgresStore.open(
                    PgTestSupport.config(other).withTimescale(StoreConfig.Timescale.ON)));
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("TimescaleDB is required").contains("not available");
        } finally {
            PgTestSupport.dropSchema(other);
        }
    }

    @Test
    void shouldFallBackToPlainTablesWhenTimescaleIsNotAvailable() throws SQLException {
        Assumptions.assumeTrue(strings("SELECT name FROM pg_available_extensions WHERE name = 'timescaledb'")
                .isEmpty(), "this server offers TimescaleDB");
        try (PostgresStore auto = PostgresStore.open(PgTestSupport.config(schema))) {
            assertThat(auto.usesTimescale()).isFalse();
            assertThat(auto.describe()).contains("(TimescaleDB not available: plain tables, retention job every 1 h "
                    + "deletes market data older than 30 days)");
        }
    }

    /** The first column of a query with one parameter. */
    private List<String> strings(String query, String parameter) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, parameter);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
