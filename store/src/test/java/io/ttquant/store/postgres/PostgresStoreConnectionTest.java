package io.ttquant.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreException;
import org.junit.jupiter.api.Test;

/** Opening a store the server refuses: no PostgreSQL needed (port 1 on the loopback is closed). */
class PostgresStoreConnectionTest {
    private static final String PASSWORD = "n0t-to-be-$hown";

    @Test
    void shouldReportARefusedConnectionAsRetryableWithoutThePassword() {
        StoreConfig config = StoreConfig.postgres("jdbc:postgresql://127.0.0.1:1/test?password=" + PASSWORD, "ttquant",
                PASSWORD, "t_refused");

        StoreException e = catchThrowableOfType(StoreException.class, () -> PostgresStore.open(config));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).startsWith("PostgreSQL 127.0.0.1:1/test: connecting as user ttquant failed "
                + "(SQLState 08001, retryable): Connection to 127.0.0.1:1 refused").doesNotContain(PASSWORD);
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD);
        }
    }

    @Test
    void shouldRefuseAUrlThatIsNotPostgres() {
        StoreException e = catchThrowableOfType(StoreException.class, () -> PostgresStore.open(
                StoreConfig.postgres("jdbc:mysql://127.0.0.1/test", "u", "p", "t_x")));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("not a PostgreSQL JDBC URL");
    }

    @Test
    void shouldDescribeTheServerWithoutTheUrlParameters() {
        assertThat(PgEndpoint.parse("jdbc:postgresql://db.example:6543/market?password=secret&ssl=true"))
                .hasToString("db.example:6543/market");
        assertThat(PgEndpoint.parse("jdbc:postgresql://a:1,b:2/x").toString()).isEqualTo("a:1,b:2/x");
    }
}
