package io.ttquant.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.store.StoreException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which JDBC failures a retry can fix, and what the resulting messages show. */
class PgErrorsTest {
    private final PgErrors errors = new PgErrors("db:5432/prod", "hunter2");

    @Test
    void shouldRetryConnectionFailuresShutdownsSerializationFailuresAndDeadlocks() {
        for (String state : new String[] {"08000", "08001", "08003", "08006", "57P01", "57P02", "57P03", "40001",
                "40P01", "53300"}) {
            assertThat(errors.map("writing", new SQLException("x", state)).retryable()).as(state).isTrue();
        }
    }

    @Test
    void shouldNotRetryConstraintSyntaxOrDataErrors() {
        for (String state : new String[] {"23505", "23502", "42P01", "42601", "22021", "22P02", null}) {
            assertThat(errors.map("writing", new SQLException("x", state)).retryable()).as(state).isFalse();
        }
    }

    @Test
    void shouldRetryAPoolTimeoutAndAConnectionFailureWrappedInARuntimeException() {
        assertThat(errors.map("writing", new SQLTransientConnectionException("Connection is not available, "
                + "request timed out after 10000ms")).retryable()).isTrue();
        assertThat(errors.map("connecting", new RuntimeException("Failed to initialize pool",
                new SQLException("Connection refused", "08001"))).retryable()).isTrue();
    }

    @Test
    void shouldNameTheOperationTheServerAndTheSqlState() {
        StoreException e = errors.map("writing 3 trades", new SQLException("duplicate key", "23505"));
        assertThat(e.getMessage()).isEqualTo("PostgreSQL db:5432/prod: writing 3 trades failed (SQLState 23505, "
                + "not retryable): duplicate key");
    }

    @Test
    void shouldScrubThePasswordFromMessagesAndCauses() {
        StoreException e = errors.map("connecting", new SQLException("bad password hunter2 for user", "28P01"));
        assertThat(e.getMessage()).doesNotContain("hunter2").contains("***");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void shouldPassAStoreExceptionThrough() {
        StoreException original = new StoreException("refused", false, null);
        assertThat(errors.map("writing", original)).isSameAs(original);
    }
}
