package io.ttquant.app.store;

import io.ttquant.store.StoreConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The PostgreSQL login options of every command that opens a store, added with picocli's
 * {@code @Mixin}: {@code --store-user}, {@code --store-password-file} and {@code --store-schema},
 * resolved with the rules of {@link StoreOptions#resolve} (environment fallbacks, defaults, DuckDB
 * refusing them). Holds the values only; the password is read from its file when resolved and is
 * never a value here.
 */
public final class StoreLogin {
    @Option(names = "--store-user", paramLabel = "USER",
            description = "PostgreSQL user (default: env " + StoreOptions.USER_ENV + ", else " + StoreOptions.DEFAULT_USER + ").")
    String user;

    @Option(names = "--store-password-file", paramLabel = "FILE",
            description = "File holding the PostgreSQL password (default: env " + StoreOptions.PASSWORD_ENV + ", else none).")
    Path passwordFile;

    @Option(names = "--store-schema", paramLabel = "SCHEMA",
            description = "PostgreSQL schema (created when missing). Default: " + StoreOptions.DEFAULT_SCHEMA + ".")
    String schema;

    public StoreLogin() {
    }

    /** Options set in code (tests, config files); any may be null. */
    public StoreLogin(String user, Path passwordFile, String schema) {
        this.user = user;
        this.passwordFile = passwordFile;
        this.schema = schema;
    }

    /** Whether any of the options was given. */
    public boolean given() {
        return user != null || passwordFile != null || schema != null;
    }

    /** The configuration of the store at {@code uri} with these options ({@link StoreOptions#resolve}). */
    public StoreConfig resolve(StoreUri uri, Map<String, String> env) {
        return StoreOptions.resolve(uri, user, passwordFile, schema, env);
    }
}
