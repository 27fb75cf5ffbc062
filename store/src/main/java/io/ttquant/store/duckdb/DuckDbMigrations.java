package io.ttquant.store.duckdb;

import io.ttquant.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A small versioned migration runner for the DuckDB store (Flyway has no DuckDB support to rely on):
 * scripts {@code V<version>__<description>.sql} found on the class path under
 * {@value #LOCATION} are applied in version order, each in its own transaction together with its
 * row in {@code schema_history(version, description, checksum, installed_on)}.
 *
 * <p>Like Flyway's validate, it refuses to open a database whose applied scripts changed since
 * (the CRC32 of the script, line endings normalised, differs from the recorded one), one that has a
 * version this program does not know (written by a newer program), or one whose applied script is
 * missing. It never edits or re-applies an applied version and never runs anything but the scripts.
 */
final class DuckDbMigrations {
    static final String LOCATION = "db/migration/duckdb";
    private static final Pattern NAME = Pattern.compile("V([0-9]{1,9})__([A-Za-z0-9_]+)\\.sql");

    /** One script: its version, a description from the file name, the SQL and its checksum. */
    record Migration(int version, String description, String script, long checksum) {
        Migration {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(script, "script");
            if (version <= 0) {
                throw new IllegalArgumentException("migration version must be positive: " + version);
            }
        }

        static Migration of(int version, String description, String script) {
            return new Migration(version, description, script, DuckDbMigrations.checksum(script));
        }

        String label() {
            return "V" + version + " (" + description + ")";
        }
    }

    private final List<Migration> migrations;

    DuckDbMigrations(List<Migration> migrations) {
        TreeMap<Integer, Migration> byVersion = new TreeMap<>();
        for (Migration m : migrations) {
            Migration before = byVersion.put(m.version(), m);
            if (before != null) {
                throw new IllegalArgumentException("two migrations have version " + m.version() + ": "
                        + before.label() + " and " + m.label());
            }
        }
        this.migrations = List.copyOf(byVersion.values());
    }

    /** The scripts under {@value #LOCATION} on the class path of this class. */
    static DuckDbMigrations fromClassPath() {
        ClassLoader loader = DuckDbMigrations.class.getClassLoader();
        CodeSource source = DuckDbMigrations.class.getProtectionDomain().getCodeSource();
        List<Migration> found;
        try {
            found = scan(loader, LOCATION, source == null ? null : source.getLocation());
        } catch (IOException | URISyntaxException e) {
            throw new StoreException("cannot read the DuckDB migration scripts under " + LOCATION + ": " + e, false, e);
        }
        if (found.isEmpty()) {
            throw new StoreException("no DuckDB migration scripts found under " + LOCATION + " on the class path", false,
                    null);
        }
        return new DuckDbMigrations(found);
    }

    List<Migration> migrations() {
        return migrations;
    }

    /** The highest version this runner knows, 0 when it has none. */
    int latestVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /**
     * Validates the applied versions and applies the pending ones, each in a transaction; returns how
     * many were applied. The connection must be in auto-commit mode (transactions are explicit SQL).
     */
    int migrate(Connection c, String database) throws SQLException {
        DuckDbTransactions.exec(c, "CREATE TABLE IF NOT EXISTS schema_history (version INTEGER PRIMARY KEY, "
                + "description VARCHAR NOT NULL, checksum BIGINT NOT NULL, installed_on TIMESTAMPTZ NOT NULL)");
        Map<Integer, Long> applied = new TreeMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, checksum FROM schema_history ORDER BY version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getLong(2));
            }
        }
        validate(applied, database);
        int count = 0;
        for (Migration m : migrations) {
            if (!applied.containsKey(m.version())) {
                apply(c, m, database);
                count++;
            }
        }
        return count;
    }

    private void validate(Map<Integer, Long> applied, String database) {
        Map<Integer, Migration> known = new TreeMap<>();
        for (Migration m : migrations) {
            known.put(m.version(), m);
        }
        for (Map.Entry<Integer, Long> e : applied.entrySet()) {
            int version = e.getKey();
            Migration m = known.get(version);
            if (m == null) {
                String why = version > latestVersion()
                        ? " is at schema version " + version + " but this program knows versions up to " + latestVersion()
                        + " (a newer TTQuant wrote it): open it with that version or use another file"
                        : " has migration V" + version + " applied but its script is missing from " + LOCATION;
                throw new StoreException(database + why, false, null);
            }
            if (m.checksum() != e.getValue()) {
                throw new StoreException(database + ": migration " + m.label() + " was changed after it was applied "
                        + "(checksum " + e.getValue() + " recorded in schema_history, " + m.checksum()
                        + " now): an applied migration must never change; restore the script and put the change "
                        + "in a new version", false, null);
            }
        }
    }

    private static void apply(Connection c, Migration m, String database) throws SQLException {
        try {
            DuckDbTransactions.inTransaction(c, tx -> {
                try (Statement st = tx.createStatement()) {
                    st.execute(m.script());
                }
                try (PreparedStatement ps = tx.prepareStatement("INSERT INTO schema_history (version, description, "
                        + "checksum, installed_on) VALUES (?, ?, ?, now())")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setLong(3, m.checksum());
                    ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new SQLException("migration " + m.label() + " of " + database + " failed: " + DuckDbErrors.describe(e), e);
        }
    }

    /** CRC32 of the script's UTF-8 bytes with CRLF/CR line ends made LF and a leading BOM dropped. */
    static long checksum(String script) {
        String s = script.startsWith("\uFEFF") ? script.substring(1) : script;
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** Parses a file name like {@code V2__trading.sql}; null when it is not a migration script. */
    static Migration parse(String fileName, String script) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        return Migration.of(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), script);
    }

    /**
     * Finds the scripts in every class path entry holding the location (a directory or a jar) and in
     * the code source given (the jar or directory of this class: a jar without directory entries,
     * as some packagers write them, does not answer {@code getResources} for a directory).
     */
    static List<Migration> scan(ClassLoader loader, String location, URL codeSource)
            throws IOException, URISyntaxException {
        TreeSet<String> names = new TreeSet<>();
        Enumeration<URL> urls = loader.getResources(location);
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            if ("file".equals(url.getProtocol())) {
                listDirectory(Path.of(url.toURI()), names);
            } else if ("jar".equals(url.getProtocol())) {
                URLConnection connection = url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                    listJar(jar, location, names);
                }
            } else {
                throw new IOException("cannot list " + url + " (only directories and jars are supported)");
            }
        }
        if (codeSource != null && "file".equals(codeSource.getProtocol())) {
            Path root = Path.of(codeSource.toURI());
            if (Files.isDirectory(root)) {
                Path dir = root.resolve(location);
                if (Files.isDirectory(dir)) {
                    listDirectory(dir, names);
                }
            } else if (Files.isRegularFile(root)) {
                try (JarFile jar = new JarFile(root.toFile())) {
                    listJar(jar, location, names);
                }
            }
        }
        List<Migration> found = new ArrayList<>();
        for (String name : names) {
            String script;
            try (InputStream in = loader.getResourceAsStream(location + "/" + name)) {
                if (in == null) {
                    throw new IOException("cannot read " + location + "/" + name);
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Migration m = parse(name, script);
            if (m == null) {
                throw new IOException(location + "/" + name + " is not named V<version>__<description>.sql");
            }
            found.add(m);
        }
        return found;
    }

    private static void listDirectory(Path dir, TreeSet<String> names) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.sql")) {
            for (Path p : files) {
                names.add(p.getFileName().toString());
            }
        }
    }

    private static void listJar(JarFile jar, String location, TreeSet<String> names) {
        String prefix = location + "/";
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0 && name.endsWith(".sql")) {
                names.add(name.substring(prefix.length()));
            }
        }
    }
}
