package io.ttquant.app.data;

import io.ttquant.app.ServiceStartException;
import io.ttquant.app.store.StoreLogin;
import io.ttquant.app.store.StoreOptions;
import io.ttquant.app.store.StoreUri;
import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreException;
import io.ttquant.store.StoreKind;
import io.ttquant.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the store that {@code data import} and {@code backtest --db} work on, from the same options
 * as the recording commands ({@link StoreOptions#resolve}); creates the folder of a DuckDB file, and
 * turns a store that cannot be opened into one clear line ({@link ServiceStartException}). Only
 * opens; it never reads or writes data.
 */
public final class HistoryStores {
    private HistoryStores() {
    }

    /** The configuration for {@code uri} and the optional PostgreSQL settings; bad values throw IllegalArgumentException. */
    public static StoreConfig config(String option, String uri, String user, Path passwordFile, String schema,
                                     Map<String, String> env) {
        return config(option, uri, new StoreLogin(user, passwordFile, schema), env);
    }

    /** The configuration for {@code uri} (given with {@code option}) and the login options; bad values throw IllegalArgumentException. */
    public static StoreConfig config(String option, String uri, StoreLogin login, Map<String, String> env) {
        StoreUri parsed;
        try {
            parsed = StoreUri.parse(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("--store", option));
        }
        return login.resolve(parsed, env);
    }

    /** Opens (and migrates) the store. */
    public static Store open(StoreConfig config) {
        if (config.kind() == StoreKind.DUCKDB && config.duckDbFile() != null) {
            Path parent = config.duckDbFile().toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                try {
                    Files.createDirectories(parent);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create directory " + parent + ": " + e.getMessage(), e);
                }
            }
        }
        try {
            return Stores.open(config);
        } catch (StoreException e) {
            throw new ServiceStartException("cannot open the store (" + config + "): " + e.getMessage(), e);
        }
    }
}
