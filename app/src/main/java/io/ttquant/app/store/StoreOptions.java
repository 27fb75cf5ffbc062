package io.ttquant.app.store;

import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The store options shared by the commands that write to a database ({@code marketdata},
 * {@code gateway}); add them with picocli's {@code @Mixin}:
 * {@code --store duckdb:<file> | postgres:<jdbc-url>}, {@code --store-user} (else env
 * {@value #USER_ENV}, else {@value #DEFAULT_USER}), {@code --store-password-file} (else env
 * {@value #PASSWORD_ENV}, else none: trust or peer authentication), {@code --store-schema}
 * (PostgreSQL, default {@value #DEFAULT_SCHEMA}); the last three are {@link StoreLogin}, which
 * commands with a {@code --store} of their own ({@code data import}) mix in alone.
 *
 * <p>A password is never an option value (it would show in the process list and shell history)
 * and never appears in a message. {@link #toConfig(Map)} checks everything once and answers null
 * when no store was asked for. Config files can reuse {@link #resolve} with their own values.
 */
public final class StoreOptions {
    public static final String USER_ENV = "TTQUANT_DB_USER";
    public static final String PASSWORD_ENV = "TTQUANT_DB_PASSWORD";
    public static final String DEFAULT_USER = "postgres";
    public static final String DEFAULT_SCHEMA = "public";

    @Option(names = "--store", paramLabel = "STORE",
            description = "Record into a database: duckdb:<file> (embedded) or postgres:<jdbc-url> "
                    + "(e.g. postgres:jdbc:postgresql://127.0.0.1:5432/ttquant). Default: no recording.")
    String store;

    @Mixin
    StoreLogin login = new StoreLogin();

    public StoreOptions() {
    }

    /** Options set in code (tests, config files); any may be null. */
    public StoreOptions(String store, String user, Path passwordFile, String schema) {
        this.store = store;
        this.login = new StoreLogin(user, passwordFile, schema);
    }

    /** Whether {@code --store} was given. */
    public boolean enabled() {
        return store != null && !store.isBlank();
    }

    /** The store to open, or null when {@code --store} was not given; {@code env} is usually {@code System.getenv()}. */
    public StoreConfig toConfig(Map<String, String> env) {
        if (!enabled()) {
            if (login.given()) {
                throw new IllegalArgumentException("--store-user, --store-password-file and --store-schema need --store");
            }
            return null;
        }
        return login.resolve(StoreUri.parse(store), env);
    }

    /**
     * The store configuration for {@code uri} with the user, password and schema resolved by the
     * rules above. The DuckDB store has no user, password or schema: giving one is refused.
     */
    public static StoreConfig resolve(StoreUri uri, String user, Path passwordFile, String schema, Map<String, String> env) {
        if (uri.kind() == StoreKind.DUCKDB) {
            if (user != null || passwordFile != null || schema != null) {
                throw new IllegalArgumentException("--store-user, --store-password-file and --store-schema are for postgres: stores");
            }
            return uri.toConfig(null, null, null);
        }
        String u = user != null ? user : env.getOrDefault(USER_ENV, DEFAULT_USER);
        if (u.isBlank()) {
            throw new IllegalArgumentException("--store-user: empty");
        }
        String password = passwordFile != null ? readPassword(passwordFile) : env.get(PASSWORD_ENV);
        return uri.toConfig(u, password, schema != null ? schema : DEFAULT_SCHEMA);
    }

    /** The first line of the file, without surrounding blanks; its content never goes into a message. */
    public static String readPassword(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--store-password-file: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        int newline = text.indexOf('\n');
        String line = (newline < 0 ? text : text.substring(0, newline)).strip();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("--store-password-file: " + file + " is empty");
        }
        return line;
    }
}
