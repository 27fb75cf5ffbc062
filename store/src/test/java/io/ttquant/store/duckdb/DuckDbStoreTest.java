package io.ttquant.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreContract;
import io.ttquant.store.StoreException;
import io.ttquant.store.StoreKind;
import io.ttquant.store.Stores;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;
import io.ttquant.store.trading.TradingBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB store on a file of its own per test: the {@link StoreContract} every store keeps,
 * plus what only this store has: its own migrations and the symbol ids of V4, the decimal views,
 * the stored order of quotes of one microsecond, a batch that fails after its first vectors went
 * in, retention kept for ever, the in-memory database, closing, one store per file and files that
 * are not databases. The file lock between processes and reading while writing have tests of their
 * own ({@link DuckDbStoreLockTest}, {@link DuckDbStoreConcurrencyTest}).
 */
class DuckDbStoreTest extends StoreContract {
    @TempDir
    Path dir;
    private Path file;
    private DuckDbStore store;

    @BeforeEach
    void openStore() {
        file = dir.resolve("data").resolve("ttquant.duckdb");
        store = DuckDbStore.open(StoreConfig.duckdb(file));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    protected Store store() {
        return store;
    }

    @Override
    protected Connection connect() throws SQLException {
        return store.newReaderConnection();
    }

    @Override
    protected String epochMicros(String column) {
        return "epoch_us(" + column + ")";
    }

    @Override
    protected String location() {
        return file.toString();
    }

    @Override
    protected int tradesToReadBack() {
        return 200_000;
    }

    @Override
    protected void assertRefusedByTheDatabase(StoreException e) {
        assertThat(e.getMessage()).contains("writing 4 trading rows").contains("Constraint Error");
    }

    @Test
    void shouldCreateTheFileWithEveryTableAndViewAndReopenWithoutMigratingAgain() throws SQLException {
        assertThat(file).exists();
        assertThat(store.kind()).isEqualTo(StoreKind.DUCKDB);
        assertThat(strings("SELECT table_name FROM duckdb_tables() ORDER BY 1")).containsExactly("book_snapshots",
                "export_progress", "fills", "market_bars", "market_quotes_data", "market_symbols", "market_trades_data",
                "orders", "positions", "schema_history");
        assertThat(strings("SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1")).containsExactly(
                "fills_v", "market_bars_v", "market_quotes", "market_quotes_v", "market_trades", "market_trades_v",
                "orders_v", "positions_v");
        List<String> history = strings("SELECT version || ' ' || description || ' ' || checksum || ' ' || installed_on "
                + "FROM schema_history ORDER BY version");
        assertThat(history).hasSize(4);
        assertThat(history.get(0)).startsWith("1 market data ");
        assertThat(history.get(1)).startsWith("2 trading ");
        assertThat(history.get(2)).startsWith("3 decimal views ");
        assertThat(history.get(3)).startsWith("4 symbol ids ");

        store.close();
        store = DuckDbStore.open(StoreConfig.duckdb(file));

        assertThat(strings("SELECT version || ' ' || description || ' ' || checksum || ' ' || installed_on "
                + "FROM schema_history ORDER BY version")).isEqualTo(history);
        assertThat(store.count("market_trades")).isZero();
    }

    @Test
    void shouldRefuseToOpenAFileWhoseAppliedMigrationWasChanged() throws SQLException {
        sql("UPDATE schema_history SET checksum = checksum + 1 WHERE version = 2");
        store.close();

        StoreException e = catchThrowableOfType(StoreException.class, () -> DuckDbStore.open(StoreConfig.duckdb(file)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(file.toString()).contains("migration V2 (trading) was changed after it was "
                + "applied");
        // the refusal released the file: putting the checksum back opens it again
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement st = c.createStatement()) {
            st.execute("UPDATE schema_history SET checksum = checksum - 1 WHERE version = 2");
        }
        store = DuckDbStore.open(StoreConfig.duckdb(file));
        assertThat(store.count("schema_history")).isEqualTo(4);
    }

    @Test
    void shouldDescribeWhereTheDataIsAndHowLongItIsKept() {
        assertThat(store.describe()).matches("DuckDB \\d+\\.\\d+\\.\\d+.* file .*ttquant\\.duckdb \\(retention 30 days\\)");
        assertThat(store.describe()).contains(file.toAbsolutePath().toString());
        try (Store memory = Stores.open(StoreConfig.duckdb(null).withRetention(0, 0))) {
            assertThat(memory.describe()).matches("DuckDB .* in memory \\(market data kept for ever\\)");
        }
    }

    @Test
    void shouldReadQuotesOfTheSameMicrosecondInTheOrderTheyWereStored() {
        QuoteBatch batch = new QuoteBatch(8);
        batch.add(VENUE, BTC, T0 + 1_000, 0, 99, 7, 102, 8);
        for (int i = 0; i < 4; i++) {
            batch.add(VENUE, BTC, T0 + 5_000, 0, 200 + i, 1, 300 + i, 1);
        }
        store.writeQuotes(batch);

        assertThat(readQuotes()).containsExactly("1000/1000 99x7 102x8", "5000/5000 200x1 300x1",
                "5000/5000 201x1 301x1", "5000/5000 202x1 302x1", "5000/5000 203x1 303x1");
    }

    @Test
    void shouldShowDecimalValuesInTheViewsForPeople() throws SQLException {
        TradeBatch batch = new TradeBatch(1);
        add(batch, VENUE, BTC, T0, 0, 1, 5_600_012L, 150, Side.SELL);
        store.writeTrades(batch);
        store.writeTrading(new TradingBatch().addFill(fill(7, T0, "USDT")));

        assertThat(strings("SELECT price || ' ' || qty || ' ' || aggressor FROM market_trades_v"))
                .containsExactly("56000.12000000 0.00150000 S");
        // the trades are stored by symbol id; the view of the logical schema shows venue and symbol
        assertThat(strings("SELECT venue || ' ' || symbol || ' ' || trade_id FROM market_trades"))
                .containsExactly("BINANCE BTCUSDT 1");
        assertThat(strings("SELECT price || ' ' || fee FROM fills_v")).containsExactly("56000.12000000 0.00001200");
    }

    @Test
    void shouldForgetASymbolFirstWrittenByABatchThatRolledBack() throws SQLException {
        sql("CREATE UNIQUE INDEX unique_trade_id ON market_trades_data (trade_id)");
        TradeBatch batch = new TradeBatch(2);
        add(batch, VENUE, ETH, T0, 0, 1, 100, 1, Side.BUY);
        add(batch, VENUE, ETH, T0, 0, 1, 100, 1, Side.BUY);
        assertThatThrownBy(() -> store.writeTrades(batch)).isInstanceOf(StoreException.class);
        assertThat(strings("SELECT symbol FROM market_symbols")).isEmpty();

        batch.clear();
        add(batch, VENUE, ETH, T0, 0, 2, 100, 1, Side.BUY);
        store.writeTrades(batch);

        assertThat(strings("SELECT venue || ' ' || symbol FROM market_symbols")).containsExactly("BINANCE ETHUSDT");
        try (MarketDataSource source = store.readTrades(VENUE, ETH, T0, T0 + DAY)) {
            assertThat(source.advance()).isTrue();
            assertThat(((TradeTick) source.current()).tradeId()).isEqualTo(2);
            assertThat(source.advance()).isFalse();
        }
    }

    @Test
    void shouldWriteNothingOfABatchThatFailsAfterTheFirstVectorsWentIn() throws SQLException {
        // a key only this test has: row 5,000 repeats a trade id, after two vectors of 2,048 rows went in
        sql("CREATE UNIQUE INDEX unique_trade_id ON market_trades_data (trade_id)");
        TradeBatch batch = new TradeBatch(6_000);
        for (int i = 0; i < 6_000; i++) {
            add(batch, VENUE, BTC, T0 + i * 1_000L, 0, i == 5_000 ? 1 : i, 100, 1, Side.BUY);
        }

        StoreException e = catchThrowableOfType(StoreException.class, () -> store.writeTrades(batch));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("writing 6000 trades");
        assertThat(store.count("market_trades")).isZero();
        batch.clear();
        add(batch, VENUE, BTC, T0, 0, 1, 100, 1, Side.BUY);
        store.writeTrades(batch);
        assertThat(store.count("market_trades")).isOne();
    }

    @Test
    void shouldKeepMarketDataForEverWhenRetentionIsZero() {
        store.close();
        store = DuckDbStore.open(StoreConfig.duckdb(file).withRetention(0, 0));
        writeOneOfEach(T0);

        assertThat(store.applyRetention(T0 + 10_000 * DAY)).isZero();

        assertThat(store.count("market_trades")).isEqualTo(1);
    }

    @Test
    void shouldKeepEverythingInMemoryWhenNoFileIsGiven() {
        try (Store memory = Stores.open(StoreConfig.duckdb(null))) {
            TradeBatch batch = new TradeBatch(2);
            add(batch, VENUE, BTC, T0, 0, 1, 100, 1, Side.BUY);
            add(batch, VENUE, BTC, T0 + 1_000, 0, 2, 101, 1, Side.SELL);
            memory.writeTrades(batch);
            try (MarketDataSource source = memory.readTrades(VENUE, BTC, T0, T0 + DAY)) {
                assertThat(source.advance()).isTrue();
                assertThat(source.advance()).isTrue();
                assertThat(((TradeTick) source.current()).price()).isEqualTo(101);
                assertThat(source.advance()).isFalse();
            }
            assertThat(memory.count("market_trades")).isEqualTo(2);
        }
        // another in-memory store is another database
        try (Store memory = Stores.open(StoreConfig.duckdb(null))) {
            assertThat(memory.count("market_trades")).isZero();
        }
    }

    @Test
    void shouldEndOpenReadersAndRefuseEverythingOnceClosed() {
        TradeBatch batch = new TradeBatch(1);
        add(batch, VENUE, BTC, T0, 0, 1, 100, 1, Side.BUY);
        store.writeTrades(batch);
        MarketDataSource open = store.readTrades(VENUE, BTC, T0, T0 + DAY);

        store.close();
        store.close();

        assertThat(open.advance()).isFalse();
        StoreException e = catchThrowableOfType(StoreException.class, () -> store.writeTrades(batch));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("is closed");
        assertThatThrownBy(() -> store.readTrades(VENUE, BTC, T0, T0 + DAY)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.count("market_trades")).isInstanceOf(StoreException.class);
        // the file is free again
        store = DuckDbStore.open(StoreConfig.duckdb(file));
        assertThat(store.count("market_trades")).isOne();
    }

    @Test
    void shouldRefuseASecondStoreOnTheSameFileInThisProcess() {
        StoreException e = catchThrowableOfType(StoreException.class,
                () -> DuckDbStore.open(StoreConfig.duckdb(dir.resolve("data/../data/ttquant.duckdb"))));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("is already open in this process");
        assertThat(store.count("market_trades")).isZero();
    }

    @Test
    void shouldRefuseAFileThatIsNotADuckDbDatabaseAsNotRetryable() throws java.io.IOException {
        Path notes = java.nio.file.Files.writeString(dir.resolve("notes.duckdb"), "not a database");

        for (int attempt = 0; attempt < 2; attempt++) {
            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> DuckDbStore.open(StoreConfig.duckdb(notes)));
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("opening the store on DuckDB file " + notes)
                    .contains("not a valid DuckDB database");
        }
        StoreException e = catchThrowableOfType(StoreException.class, () -> DuckDbStore.open(StoreConfig.duckdb(dir)));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("is a directory");
    }
}
