package io.ttquant.app.cli;

import io.ttquant.app.ServiceStartException;
import io.ttquant.app.data.BinanceFileName;
import io.ttquant.app.data.HistoryStores;
import io.ttquant.app.data.ImportResult;
import io.ttquant.app.data.InstrumentRules;
import io.ttquant.app.data.MarketDataImporter;
import io.ttquant.app.store.StoreLogin;
import io.ttquant.core.data.BadRowPolicy;
import io.ttquant.core.data.FileFormat;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.data.MarketDataSources;
import io.ttquant.core.data.ReaderOptions;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.store.Store;
import io.ttquant.store.StoreConfig;
import io.ttquant.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ttquant data}: tools for the market-data history kept in a store. {@code data import} loads
 * Binance public-data files (klines, trades, aggTrades; zip, gzip or CSV, with or without header)
 * into DuckDB or PostgreSQL, streaming them in batches; re-importing a file replaces its rows.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Market-data history in a store (DuckDB or PostgreSQL).",
        subcommands = {DataCommand.Import.class})
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code ttquant data import FILE_OR_DIR...}: every setting and every file's format and symbol is
     * settled before the store is opened, so a bad argument changes nothing; then each file is
     * imported on its own and reported on one line.
     */
    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Import Binance public-data files (data.binance.vision klines, trades, aggTrades; .zip, .gz or .csv, "
                    + "with or without header) into a store.",
                    "Re-importing a file replaces its rows: the stored trades of its symbol over its time range are deleted first, "
                    + "bars are upserted."})
    public static final class Import implements Callable<Integer> {
        /** Where {@code data import} writes without {@code --store}. */
        public static final String DEFAULT_STORE = "duckdb:ttquant-data/ttquant.duckdb";
        private static final int MAX_REPORTED_BAD_ROWS = 5;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR",
                description = "Data files (.zip, .gz, .csv) or folders of them (read in name order).")
        List<Path> paths;

        @Option(names = "--store", defaultValue = DEFAULT_STORE, paramLabel = "STORE",
                description = "duckdb:<file> or postgres:<jdbc-url> (e.g. postgres:jdbc:postgresql://127.0.0.1:5432/ttquant). "
                        + "Default: ${DEFAULT-VALUE}.")
        String store;

        @Mixin
        StoreLogin login = new StoreLogin();

        @Option(names = "--format", paramLabel = "FORMAT",
                description = "binance-kline, binance-trades or binance-aggtrades. Default: from each file name "
                        + "(BTCUSDT-1m-..., BTCUSDT-trades-..., BTCUSDT-aggTrades-...).")
        String format;

        @Option(names = "--symbol", description = "Instrument symbol. Default: from each file name (BTCUSDT-...).")
        String symbol;

        @Option(names = "--venue", defaultValue = "binance", description = "Venue the rows are stored under. Default: ${DEFAULT-VALUE}.")
        String venue;

        @Option(names = "--interval", description = "Kline interval when neither the file name nor the file says (6-column files), e.g. 1m.")
        String interval;

        @Option(names = "--tick-size", description = "Override the instrument's tick size (e.g. 0.01).")
        String tickSize;

        @Option(names = "--step-size", description = "Override the instrument's quantity step (e.g. 0.00001).")
        String stepSize;

        @Option(names = "--on-bad-row", defaultValue = "fail",
                description = "fail (stop at the first malformed row; rows of earlier batches stay written) or skip (count and go on). "
                        + "Default: ${DEFAULT-VALUE}.")
        String onBadRow;

        @Option(names = "--batch-size", defaultValue = "50000", description = "Rows per write. Default: ${DEFAULT-VALUE}.")
        int batchSize;

        /** One file and how to read it, settled before anything is written. */
        private record Plan(Path file, FileFormat format, Instrument instrument, long intervalNanos) {
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            BadRowPolicy policy = switch (onBadRow.toLowerCase(Locale.ROOT)) {
                case "fail" -> BadRowPolicy.FAIL;
                case "skip" -> BadRowPolicy.SKIP;
                default -> throw new IllegalArgumentException("--on-bad-row must be fail or skip, got " + onBadRow);
            };
            if (batchSize < 1 || batchSize > 10_000_000) {
                throw new IllegalArgumentException("--batch-size must be 1 to 10,000,000, got " + batchSize);
            }
            String v = venue.trim().toLowerCase(Locale.ROOT);
            if (!v.matches("[a-z][a-z0-9_]{0,31}")) {
                throw new IllegalArgumentException("--venue must be a lower-case name (letters, digits, '_'), got " + venue);
            }
            List<Plan> plans = plans();
            StoreConfig config = HistoryStores.config("--store", store, login, System.getenv());
            long rows = 0;
            long skipped = 0;
            long started = System.nanoTime();
            try (Store s = HistoryStores.open(config)) {
                MarketDataImporter importer = new MarketDataImporter(s, v, batchSize, System::nanoTime);
                for (Plan plan : plans) {
                    ImportResult r = importFile(importer, plan, policy, err);
                    print(out, r);
                    rows += r.rows();
                    skipped += r.skipped();
                }
                long elapsed = System.nanoTime() - started;
                out.printf(Locale.ROOT, "imported %,d rows from %d %s in %.2f s (%,.0f rows/s)%s into %s%n", rows, plans.size(),
                        plans.size() == 1 ? "file" : "files", elapsed / 1e9, rows / (Math.max(elapsed, 1) / 1e9),
                        skipped > 0 ? ", " + String.format(Locale.ROOT, "%,d", skipped) + " bad rows skipped" : "", s.describe());
                out.flush();
            } catch (StoreException e) {
                throw new ServiceStartException("store: " + e.getMessage(), e);
            }
            return 0;
        }

        private List<Plan> plans() {
            FileFormat given = null;
            if (format != null) {
                given = FileFormat.fromName(format);
                if (given == FileFormat.CSV) {
                    throw new IllegalArgumentException("--format: data import reads binance-kline, binance-trades or binance-aggtrades");
                }
            }
            long givenInterval = interval == null ? 0 : parseInterval(interval);
            Map<String, Instrument> instruments = new HashMap<>();
            List<Plan> plans = new ArrayList<>();
            for (Path p : paths) {
                for (Path file : MarketDataSources.dataFiles(p)) {
                    String name = String.valueOf(file.getFileName());
                    BinanceFileName named = BinanceFileName.parse(name);
                    FileFormat f = given != null ? given : named.format();
                    if (f == null) {
                        throw new IllegalArgumentException("cannot tell the format of " + name
                                + " from its name (BTCUSDT-1m-..., BTCUSDT-trades-..., BTCUSDT-aggTrades-...); give --format");
                    }
                    String sym = symbol != null ? symbol : named.symbol();
                    if (sym == null) {
                        throw new IllegalArgumentException("cannot tell the symbol of " + name + " from its name; give --symbol");
                    }
                    Instrument instrument = instruments.computeIfAbsent(sym.toUpperCase(Locale.ROOT),
                            k -> InstrumentRules.resolve(k, tickSize, stepSize, null));
                    long intervalNanos = 0;
                    if (f == FileFormat.BINANCE_KLINE) {
                        intervalNanos = givenInterval != 0 ? givenInterval : named.format() == FileFormat.BINANCE_KLINE ? named.intervalNanos() : 0;
                    }
                    plans.add(new Plan(file, f, instrument, intervalNanos));
                }
            }
            return plans;
        }

        private static ImportResult importFile(MarketDataImporter importer, Plan plan, BadRowPolicy policy, PrintWriter err) {
            String name = String.valueOf(plan.file().getFileName());
            ReaderOptions options = ReaderOptions.defaults().withBadRowPolicy(policy);
            if (plan.intervalNanos() > 0) {
                options = options.withBarIntervalNanos(plan.intervalNanos());
            }
            if (policy == BadRowPolicy.SKIP) {
                long[] reported = {0};
                options = options.withSkippedRowListener((file, line, reason) -> {
                    if (reported[0]++ < MAX_REPORTED_BAD_ROWS) {
                        err.printf(Locale.ROOT, "  skipped %s line %d: %s%n", file, line, reason);
                        err.flush();
                    }
                });
            }
            try (MarketDataSource source = MarketDataSources.open(plan.file(), plan.format(), plan.instrument(), options)) {
                return importer.importSource(name, plan.instrument().symbol(), source);
            }
        }

        private static void print(PrintWriter out, ImportResult r) {
            StringBuilder line = new StringBuilder();
            line.append(String.format(Locale.ROOT, "%s: %,d %s %s", r.file(), r.rows(), r.symbol(), r.kind()));
            if (r.rows() > 0) {
                line.append(" from ").append(Instant.ofEpochSecond(0, r.firstNanos()))
                        .append(" to ").append(Instant.ofEpochSecond(0, r.lastNanos()));
            }
            if (r.replaced() > 0) {
                line.append(String.format(Locale.ROOT, ", replacing %,d stored rows", r.replaced()));
            }
            if (r.skipped() > 0) {
                line.append(String.format(Locale.ROOT, ", %,d bad rows skipped", r.skipped()));
            }
            line.append(String.format(Locale.ROOT, " (%.2f s, %,.0f rows/s)", r.elapsedNanos() / 1e9, r.rowsPerSecond()));
            out.println(line);
            out.flush();
        }

        private static long parseInterval(String text) {
            try {
                return ReaderOptions.parseIntervalNanos(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--interval: " + e.getMessage());
            }
        }
    }
}
