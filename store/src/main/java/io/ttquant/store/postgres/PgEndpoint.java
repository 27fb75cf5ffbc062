package io.ttquant.store.postgres;

import io.ttquant.store.StoreException;
import java.util.Properties;

/**
 * Where a PostgreSQL JDBC URL points, for messages and the description: hosts, ports and database
 * as the driver parses them. Never keeps or shows the URL's query parameters (a password may be
 * among them).
 *
 * @param hosts "host:port", several separated by commas for a multi-host URL
 */
record PgEndpoint(String hosts, String database) {

    static PgEndpoint parse(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new StoreException("not a PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/database)", false,
                    null);
        }
        Properties p = org.postgresql.Driver.parseURL(jdbcUrl, null);
        if (p == null) {
            throw new StoreException("cannot parse the PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/"
                    + "database)", false, null);
        }
        String[] hosts = p.getProperty("PGHOST", "localhost").split(",");
        String[] ports = p.getProperty("PGPORT", "5432").split(",");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hosts.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(hosts[i]).append(':').append(ports[Math.min(i, ports.length - 1)]);
        }
        return new PgEndpoint(sb.toString(), p.getProperty("PGDBNAME", ""));
    }

    @Override
    public String toString() {
        return hosts + "/" + database;
    }
}
