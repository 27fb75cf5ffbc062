package io.ttquant.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ttquant.store.StoreException;
import io.ttquant.store.duckdb.DuckDbMigrations.Migration;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration runner on an in-memory database: order, idempotence, atomicity and validation. */
class DuckDbMigrationsTest {
    private static final Migration V1 = Migration.of(1, "first", "CREATE TABLE a (x INTEGER);\nINSERT INTO a VALUES (1);");
    private static final Migration V2 = Migration.of(2, "second", "CREATE TABLE b (y INTEGER);\r\n"
            + "CREATE VIEW bv AS SELECT * FROM b JOIN a ON a.x = b.y;");

    @TempDir
    Path dir;
    private Connection db;

    @BeforeEach
    void connect() throws SQLException {
        db = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void disconnect() throws SQLException {
        db.close();
    }

    @Test
    void shouldApplyPendingMigrationsInVersionOrderEachOnce() throws SQLException {
        DuckDbMigrations migrations = new DuckDbMigrations(List.of(V2, V1));

        assertThat(migrations.migrate(db, "test db")).isEqualTo(2);
        assertThat(migrations.migrate(db, "test db")).isZero();

        assertThat(strings("SELECT version || ' ' || description || ' ' || checksum FROM schema_history ORDER BY 1"))
                .containsExactly("1 first " + V1.checksum(), "2 second " + V2.checksum());
        assertThat(strings("SELECT count(*) FROM bv")).containsExactly("0");
        assertThat(strings("SELECT count(*) FROM a")).containsExactly("1");
    }

    @Test
    void shouldApplyOnlyTheNewVersionToAMigratedDatabase() throws SQLException {
        new DuckDbMigrations(List.of(V1)).migrate(db, "test db");

        assertThat(new DuckDbMigrations(List.of(V1, V2)).migrate(db, "test db")).isOne();

        assertThat(strings("SELECT count(*) FROM a")).containsExactly("1");
        assertThat(strings("SELECT version FROM schema_history ORDER BY 1")).containsExactly("1", "2");
    }

    @Test
    void shouldRollBackAFailedMigrationAndRecordNothingOfIt() throws SQLException {
        Migration broken = Migration.of(2, "broken", "CREATE TABLE c (z INTEGER); SELECT * FROM no_such_table;");
        DuckDbMigrations migrations = new DuckDbMigrations(List.of(V1, broken));

        SQLException e = catchThrowableOfType(SQLException.class, () -> migrations.migrate(db, "test db"));

        assertThat(e.getMessage()).contains("migration V2 (broken) of test db failed").contains("no_such_table");
        assertThat(strings("SELECT version FROM schema_history")).containsExactly("1");
        assertThat(strings("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'c'")).containsExactly("0");
        assertThat(new DuckDbMigrations(List.of(V1, V2)).migrate(db, "test db")).isOne();
    }

    @Test
    void shouldRefuseADatabaseMigratedByANewerProgram() throws SQLException {
        new DuckDbMigrations(List.of(V1, V2)).migrate(db, "test db");

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> new DuckDbMigrations(List.of(V1)).migrate(db, "test db"));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("test db is at schema version 2 but this program knows versions up to 1 "
                + "(a newer TTQuant wrote it): open it with that version or use another file");
    }

    @Test
    void shouldRefuseADatabaseWhoseAppliedScriptIsMissing() throws SQLException {
        new DuckDbMigrations(List.of(V1, V2)).migrate(db, "test db");

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> new DuckDbMigrations(List.of(V2)).migrate(db, "test db"));

        assertThat(e.getMessage()).contains("migration V1 applied but its script is missing");
    }

    @Test
    void shouldRefuseAScriptChangedAfterItWasApplied() throws SQLException {
        new DuckDbMigrations(List.of(V1)).migrate(db, "test db");
        Migration edited = Migration.of(1, "first", V1.script().replace("INTEGER", "BIGINT"));

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> new DuckDbMigrations(List.of(edited, V2)).migrate(db, "test db"));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith("test db: migration V1 (first) was changed after it was applied (checksum "
                + V1.checksum() + " recorded in schema_history, " + edited.checksum() + " now)");
        assertThat(strings("SELECT version FROM schema_history")).containsExactly("1");
    }

    @Test
    void shouldIgnoreLineEndingsAndAByteOrderMarkInTheChecksum() {
        assertThat(DuckDbMigrations.checksum("a\r\nb\rc\n")).isEqualTo(DuckDbMigrations.checksum("a\nb\nc\n"));
        assertThat(DuckDbMigrations.checksum("\uFEFFa\n")).isEqualTo(DuckDbMigrations.checksum("a\n"));
        assertThat(DuckDbMigrations.checksum("a\n")).isNotEqualTo(DuckDbMigrations.checksum("a \n"));
    }

    @Test
    void shouldParseVersionAndDescriptionFromTheFileName() {
        Migration m = DuckDbMigrations.parse("V12__book_snapshots.sql", "SELECT 1");
        assertThat(m.version()).isEqualTo(12);
        assertThat(m.description()).isEqualTo("book snapshots");
        assertThat(DuckDbMigrations.parse("README.md", "")).isNull();
        assertThat(DuckDbMigrations.parse("V1_single_underscore.sql", "")).isNull();
        assertThat(DuckDbMigrations.parse("v1__lower.sql", "")).isNull();
    }

    @Test
    void shouldRefuseTwoScriptsWithTheSameVersion() {
        assertThatThrownBy(() -> new DuckDbMigrations(List.of(V1, Migration.of(1, "again", "SELECT 1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two migrations have version 1");
    }

    @Test
    void shouldFindTheBundledScriptsInVersionOrder() {
        DuckDbMigrations bundled = DuckDbMigrations.fromClassPath();

        assertThat(bundled.migrations()).extracting(Migration::label)
                .containsExactly("V1 (market data)", "V2 (trading)", "V3 (decimal views)", "V4 (symbol ids)");
        assertThat(bundled.latestVersion()).isEqualTo(4);
    }

    @Test
    void shouldMoveTradesAndQuotesStoredBeforeSymbolIdsIntoTheirTablesAndShowThemUnchanged() throws SQLException {
        List<Migration> bundled = DuckDbMigrations.fromClassPath().migrations();
        new DuckDbMigrations(bundled.subList(0, 3)).migrate(db, "test db");
        exec("INSERT INTO market_trades VALUES ('BINANCE', 'ETHUSDT', make_timestamptz(2000), 7, 300, 1, 2, 4, 'S', NULL), "
                + "('BINANCE', 'BTCUSDT', make_timestamptz(1000), 2, 100, 3, 2, 5, 'B', make_timestamptz(1500)), "
                + "('BINANCE', 'BTCUSDT', make_timestamptz(1000), 1, 101, 4, 2, 5, NULL, NULL)");
        // three quotes of one microsecond: their stored order must survive the move
        exec("INSERT INTO market_quotes VALUES ('OKX', 'BTCUSDT', make_timestamptz(5), 3, 1, 4, 1, 2, 5, NULL), "
                + "('OKX', 'BTCUSDT', make_timestamptz(5), 1, 1, 2, 1, 2, 5, NULL), "
                + "('OKX', 'BTCUSDT', make_timestamptz(5), 2, 1, 3, 1, 2, 5, make_timestamptz(9))");
        List<String> trades = strings("SELECT concat_ws(' ', venue, symbol, epoch_us(time), trade_id, price, qty, "
                + "price_scale, qty_scale, aggressor, epoch_us(recv_time)) FROM market_trades ORDER BY ALL");

        assertThat(new DuckDbMigrations(bundled).migrate(db, "test db")).isOne();

        assertThat(strings("SELECT concat_ws(' ', id, venue, symbol) FROM market_symbols ORDER BY id"))
                .containsExactly("1 BINANCE BTCUSDT", "2 BINANCE ETHUSDT", "3 OKX BTCUSDT");
        assertThat(strings("SELECT concat_ws(' ', venue, symbol, epoch_us(time), trade_id, price, qty, price_scale, "
                + "qty_scale, aggressor, epoch_us(recv_time)) FROM market_trades ORDER BY ALL")).isEqualTo(trades);
        assertThat(strings("SELECT price || ' ' || aggressor FROM market_trades_v WHERE trade_id = 7"))
                .containsExactly("3.00000000 S");
        assertThat(strings("SELECT bid_price || ' ' || coalesce(epoch_us(recv_time), 0) FROM market_quotes_data "
                + "ORDER BY time, rowid")).containsExactly("3 0", "1 0", "2 9");
        assertThat(strings("SELECT count(*) FROM market_quotes WHERE venue = 'OKX'")).containsExactly("3");
    }

    @Test
    void shouldFindScriptsInsideAJarWithOrWithoutDirectoryEntries() throws Exception {
        Path withDirectories = jar("with.jar", true);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {withDirectories.toUri().toURL()}, null)) {
            List<Migration> found = DuckDbMigrations.scan(loader, DuckDbMigrations.LOCATION, null);

            assertThat(found).extracting(Migration::label).containsExactly("V1 (one)", "V2 (two)");
            assertThat(found.get(1).script()).isEqualTo("SELECT 2");
        }
        Path without = jar("without.jar", false);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {without.toUri().toURL()}, null)) {
            assertThat(DuckDbMigrations.scan(loader, DuckDbMigrations.LOCATION, null)).isEmpty();
            assertThat(DuckDbMigrations.scan(loader, DuckDbMigrations.LOCATION, without.toUri().toURL()))
                    .extracting(Migration::label).containsExactly("V1 (one)", "V2 (two)");
        }
    }

    private Path jar(String name, boolean directoryEntries) throws java.io.IOException {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (directoryEntries) {
                for (String d : new String[] {"db/", "db/migration/", "db/migration/duckdb/",
                    "db/migration/duckdb/nested/", "db/migration/other/"}) {
                    out.putNextEntry(new JarEntry(d));
                    out.closeEntry();
                }
            }
            put(out, "db/migration/duckdb/V2__two.sql", "SELECT 2");
            put(out, "db/migration/duckdb/V1__one.sql", "SELECT 1");
            put(out, "db/migration/duckdb/nested/V9__not_this.sql", "SELECT 9");
            put(out, "db/migration/other/V3__nor_this.sql", "SELECT 3");
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, String text) throws java.io.IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
