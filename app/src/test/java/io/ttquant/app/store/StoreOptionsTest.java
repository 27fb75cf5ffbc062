package io.ttquant.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --store} family of options: parsing, credentials from the environment or a file, refusals. */
class StoreOptionsTest {
    @TempDir
    Path dir;

    @Test
    void shouldParseADuckDbFileAndAnInMemoryDuckDb() {
        StoreConfig file = new StoreOptions("duckdb:data/md.duckdb", null, null, null).toConfig(Map.of());
        assertThat(file.kind()).isEqualTo(StoreKind.DUCKDB);
        assertThat(file.duckDbFile()).isEqualTo(Path.of("data/md.duckdb"));
        StoreConfig memory = new StoreOptions("duckdb::memory:", null, null, null).toConfig(Map.of());
        assertThat(memory.kind()).isEqualTo(StoreKind.DUCKDB);
        assertThat(memory.duckDbFile()).isNull();
    }

    @Test
    void shouldTakeThePostgresUserFromTheFlagThenTheEnvironmentThenDefaultAndThePasswordOnlyFromEnvOrFile() throws Exception {
        String url = "postgres:jdbc:postgresql://127.0.0.1:5432/test";
        StoreConfig defaults = new StoreOptions(url, null, null, null).toConfig(Map.of());
        assertThat(defaults.kind()).isEqualTo(StoreKind.POSTGRES);
        assertThat(defaults.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(defaults.user()).isEqualTo("postgres");
        assertThat(defaults.password()).isNull();
        assertThat(defaults.schema()).isEqualTo("public");

        StoreConfig fromEnv = new StoreOptions(url, null, null, "md_live")
                .toConfig(Map.of("TTQUANT_DB_USER", "ttq", "TTQUANT_DB_PASSWORD", "s3cret"));
        assertThat(fromEnv.user()).isEqualTo("ttq");
        assertThat(fromEnv.password()).isEqualTo("s3cret");
        assertThat(fromEnv.schema()).isEqualTo("md_live");
        assertThat(fromEnv.toString()).doesNotContain("s3cret");

        Path file = Files.writeString(dir.resolve("pw"), "  fromfile \nignored\n");
        StoreConfig fromFile = new StoreOptions(url, "alice", file, null)
                .toConfig(Map.of("TTQUANT_DB_USER", "ttq", "TTQUANT_DB_PASSWORD", "s3cret"));
        assertThat(fromFile.user()).isEqualTo("alice");
        assertThat(fromFile.password()).isEqualTo("fromfile");

        assertThat(new StoreOptions("postgresql://db:5433/x", null, null, null).toConfig(Map.of()).jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5433/x");
        assertThat(new StoreOptions("postgres:postgresql://db:5433/x", null, null, null).toConfig(Map.of()).jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5433/x");
    }

    @Test
    void shouldAnswerNullWithoutStoreAndRefuseStoreSettingsWithoutIt() {
        assertThat(new StoreOptions().toConfig(Map.of("TTQUANT_DB_USER", "x"))).isNull();
        assertThatThrownBy(() -> new StoreOptions(null, null, null, "s").toConfig(Map.of()))
                .hasMessageContaining("need --store");
    }

    @Test
    void shouldRefuseBadStoresWithOneLineReasonsAndNeverEchoAPasswordInTheUrl() throws Exception {
        assertThatThrownBy(() -> StoreUri.parse("mysql://x")).hasMessageContaining("--store must be duckdb:<file> or postgres:<jdbc-url>");
        assertThatThrownBy(() -> StoreUri.parse("duckdb:")).hasMessageContaining("needs a file");
        assertThatThrownBy(() -> StoreUri.parse("postgres:127.0.0.1:5432")).hasMessageContaining("needs a JDBC URL");
        assertThatThrownBy(() -> StoreUri.parse("postgres:jdbc:postgresql://h/db?user=u&password=hunter2"))
                .hasMessageContaining("must not carry a password").message().doesNotContain("hunter2");
        assertThatThrownBy(() -> new StoreOptions("postgres:jdbc:postgresql://h/db", null, null, "Bad-Schema").toConfig(Map.of()))
                .hasMessageContaining("--store-schema");
        assertThatThrownBy(() -> new StoreOptions("duckdb:x.duckdb", "bob", null, null).toConfig(Map.of()))
                .hasMessageContaining("are for postgres: stores");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> new StoreOptions("postgres:jdbc:postgresql://h/db", null, empty, null).toConfig(Map.of()))
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> new StoreOptions("postgres:jdbc:postgresql://h/db", null, dir.resolve("missing"), null)
                .toConfig(Map.of())).hasMessageContaining("cannot read");
    }

    @Test
    void shouldDescribeTheLocationWithoutSecrets() {
        assertThat(StoreUri.parse("duckdb:a/b.duckdb").toString()).isEqualTo("duckdb " + Path.of("a/b.duckdb"));
        assertThat(StoreUri.parse("postgres:jdbc:postgresql://h:1/db").toString()).isEqualTo("postgres jdbc:postgresql://h:1/db");
    }
}
