package io.ttquant.store;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps the libraries under the stores quiet: HikariCP logs every pool start and stop, Flyway a
 * dozen lines per open (environment, database, validation, "schema is up to date") at INFO, and
 * slf4j-jdk14 routes both into java.util.logging, so they would land on the stderr of every
 * {@code ttquant data import} and {@code backtest --db}. Their loggers are set to WARNING, so their
 * warnings and errors still show. It never overrides a level the logging configuration (a
 * {@code logging.properties} naming {@code com.zaxxer.hikari.level} or {@code org.flywaydb.level})
 * or the program already set, and it touches no other logger.
 */
public final class StoreLogging {
    private static final String[] LIBRARIES = {"com.zaxxer.hikari", "org.flywaydb"};
    /** java.util.logging holds loggers weakly: a level set on one nobody references would be lost. */
    private static final List<Logger> QUIETED = new ArrayList<>();
    private static boolean done;

    private StoreLogging() {
    }

    /** Sets the libraries' loggers to WARNING unless configured otherwise; idempotent. */
    public static synchronized void quietLibraries() {
        if (done) {
            return;
        }
        done = true;
        LogManager manager = LogManager.getLogManager();
        for (String name : LIBRARIES) {
            Logger logger = Logger.getLogger(name);
            if (logger.getLevel() == null && manager.getProperty(name + ".level") == null) {
                logger.setLevel(Level.WARNING);
                QUIETED.add(logger);
            }
        }
    }
}
