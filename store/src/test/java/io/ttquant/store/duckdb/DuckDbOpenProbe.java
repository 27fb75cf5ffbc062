package io.ttquant.store.duckdb;

import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link DuckDbStoreLockTest}: opens a DuckDB store on the file named by the
 * first argument and prints one line, {@code PROBE OPENED} or {@code PROBE REFUSED retryable=<b>
 * <message>}. With "hold" as second argument it keeps the store open until its standard input
 * ends, then closes it.
 */
public final class DuckDbOpenProbe {
    private DuckDbOpenProbe() {
    }

    public static void main(String[] args) throws IOException {
        boolean hold = args.length > 1 && args[1].equals("hold");
        DuckDbStore store;
        try {
            store = DuckDbStore.open(StoreConfig.duckdb(Path.of(args[0])));
        } catch (StoreException e) {
            System.out.println("PROBE REFUSED retryable=" + e.retryable() + " " + e.getMessage().replace('\n', ' '));
            return;
        }
        System.out.println("PROBE OPENED");
        System.out.flush();
        if (hold) {
            while (System.in.read() >= 0) {
                // wait for the parent to close our input
            }
        }
        store.close();
    }
}
