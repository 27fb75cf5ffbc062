package io.ttquant.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.store.StoreException;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which DuckDB failures a retry can fix, told apart by the error type leading the message. */
class DuckDbErrorsTest {
    private final DuckDbErrors errors = new DuckDbErrors("DuckDB file /data/t.duckdb");

    @Test
    void shouldCallIoErrorsLocksConflictsAndMemoryRetryable() {
        assertThat(retryable("IO Error: No space left on device")).isTrue();
        assertThat(retryable("IO Error: Could not set lock on file \"/x\": Conflicting lock is held in java (PID 7)"))
                .isTrue();
        assertThat(retryable("TransactionContext Error: Catalog write-write conflict on create with \"t\"")).isTrue();
        assertThat(retryable("Out of Memory Error: could not allocate block of size 256.0 KiB")).isTrue();
        assertThat(retryable("Appender error, catalog: '', schema: 'main', table: 't', message: IO Error: disk full"))
                .isTrue();
        assertThat(DuckDbErrors.isRetryable(new SQLException("wrapped", new IOException("Broken pipe")))).isTrue();
    }

    @Test
    void shouldCallConstraintSchemaAndFatalErrorsNotRetryable() {
        assertThat(retryable("Constraint Error: Duplicate key \"venue: b\" violates primary key constraint")).isFalse();
        assertThat(retryable("Catalog Error: Table with name nosuch does not exist!")).isFalse();
        assertThat(retryable("Binder Error: Referenced column \"x\" not found")).isFalse();
        assertThat(retryable("Conversion Error: Could not convert string 'a' to INT32")).isFalse();
        assertThat(retryable("Parser Error: syntax error at or near \"SELEC\"")).isFalse();
        assertThat(retryable("FATAL Error: Failed: database has been invalidated because of a previous fatal error. "
                + "The database must be restarted prior to being used again. Original error: \"IO Error: x\""))
                .isFalse();
        assertThat(retryable("Connection was closed")).isFalse();
        assertThat(retryable("IO Error: The file \"/x.duckdb\" exists, but it is not a valid DuckDB database file!"))
                .isFalse();
        assertThat(retryable("IO Error: Trying to read a database file with version number 99, but we can only read "
                + "version 64")).isFalse();
    }

    @Test
    void shouldNameTheOperationAndTheDatabaseAndKeepOnlyTheFirstLineOfTheCause() {
        StoreException e = errors.map("writing 3 trades",
                new SQLException("Catalog Error: Table with name nosuch does not exist!\nDid you mean \"t\"?\n\nLINE 1"));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("writing 3 trades on DuckDB file /data/t.duckdb failed: Catalog Error: "
                + "Table with name nosuch does not exist!");
        assertThat(errors.map("x", new SQLException("IO Error: disk full")).getMessage())
                .isEqualTo("x on DuckDB file /data/t.duckdb failed, retryable: IO Error: disk full");
        StoreException original = new StoreException("as is", false, null);
        assertThat(errors.map("x", original)).isSameAs(original);
    }

    @Test
    void shouldRecogniseAFileLockedByAnotherProcess() {
        assertThat(DuckDbErrors.isLockConflict(new SQLException("IO Error: Could not set lock on file \"/x\": "
                + "Conflicting lock is held in /usr/bin/java (PID 42). See also https://duckdb.org/docs"))).isTrue();
        assertThat(DuckDbErrors.isLockConflict(new SQLException("IO Error: disk full"))).isFalse();
    }

    private static boolean retryable(String message) {
        return DuckDbErrors.isRetryable(new SQLException(message));
    }
}
