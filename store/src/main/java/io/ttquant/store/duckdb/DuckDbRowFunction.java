package io.ttquant.store.duckdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionBuilder;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;

/**
 * A DuckDB table function (driver 2.0's Java table functions) that hands the rows of one Java batch
 * to an {@code INSERT ... SELECT ... FROM <name>()}: DuckDB asks for a vector (2,048 rows) at a
 * time and {@link #fill} writes it column by column straight into DuckDB's vectors. This is how
 * the store writes in bulk: measured, it costs about a fifth of the appender's per-row calls (see
 * {@link DuckDbMarketWriter}), and the statement around it can convert, deduplicate and upsert in
 * SQL (bars, orders, fills, positions) where the appender could only append.
 *
 * <p>The batch is published with {@link #insert} for the one statement it runs and captured when
 * DuckDB initialises that statement's scan, so a prepared statement may be executed again with
 * another batch and a stray call of the function from another connection sees no rows. One thread
 * at a time (the store's write lock) runs {@link #insert}; DuckDB may call {@link #apply} on its
 * own threads, one call after another ({@code setMaxThreads(1)} keeps the batch's row order).
 * It never keeps a batch after its statement ends.
 */
abstract class DuckDbRowFunction<T> implements DuckDBTableFunction<Object, DuckDbRowFunction.Cursor<T>, Object> {
    /** One output column of the function. */
    record Column(String name, DuckDBColumnType type) {
        Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /** Where one statement's scan is: its batch, how many rows it has and the next one to hand over. */
    static final class Cursor<T> {
        private final T rows;
        private final int size;
        /** Advanced by DuckDB's threads one call after another. */
        private volatile int next;

        Cursor(T rows, int size) {
            this.rows = rows;
            this.size = size;
        }
    }

    private static final Object NO_BIND_DATA = new Object();

    private final String name;
    private final List<Column> columns;
    /** The batch of the statement {@link #insert} runs, as a cursor at row 0; null between statements. */
    private volatile Cursor<T> pending;

    DuckDbRowFunction(String name, List<Column> columns) {
        this.name = Objects.requireNonNull(name, "name");
        this.columns = List.copyOf(columns);
    }

    /** The function's name in SQL. */
    final String name() {
        return name;
    }

    /** Makes the function known to the connection's database (for every connection of it). */
    final void register(DuckDBConnection c) throws SQLException {
        try (DuckDBTableFunctionBuilder b = DuckDBFunctions.tableFunction()) {
            b.withName(name).withFunction(this).register(c);
        }
    }

    /**
     * Executes {@code statement}, which selects from this function, over rows [0, size) of
     * {@code rows}; returns the rows it changed.
     */
    final long insert(PreparedStatement statement, T rows, int size) throws SQLException {
        pending = new Cursor<>(Objects.requireNonNull(rows, "rows"), size);
        try {
            return statement.executeLargeUpdate();
        } finally {
            pending = null;
        }
    }

    /** Writes rows [from, from + count) of the batch into positions [0, count) of the chunk's vectors. */
    abstract void fill(T rows, int from, int count, DuckDBDataChunkWriter out);

    @Override
    public final Object bind(DuckDBTableFunctionBindInfo info) {
        for (Column c : columns) {
            info.addResultColumn(c.name(), c.type());
        }
        // bound once when a statement is prepared: the batch is taken at init, per execution
        return NO_BIND_DATA;
    }

    @Override
    public final Cursor<T> init(DuckDBTableFunctionInitInfo info) {
        info.setMaxThreads(1);
        Cursor<T> p = pending;
        // a cursor of its own per scan: a stray scan elsewhere never moves the insert's
        return p == null ? new Cursor<>(null, 0) : new Cursor<>(p.rows, p.size);
    }

    @Override
    public final long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
        Cursor<T> c = info.getInitData();
        int from = c.next;
        int count = Math.min((int) out.capacity(), c.size - from);
        if (count <= 0) {
            return 0;
        }
        fill(c.rows, from, count, out);
        c.next = from + count;
        return count;
    }
}
