package io.ttquant.app.cli;

import io.ttquant.app.run.EmbeddedSystem;
import io.ttquant.app.run.RunConfig;
import io.ttquant.app.store.StoreOptions;
import io.ttquant.app.store.StoreUri;
import io.ttquant.core.time.SystemEpochClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code ttquant run}: the whole system in one JVM ({@link EmbeddedSystem}): market data (the
 * seeded synthetic market by default, the local exchange simulator or live Binance), the paper
 * gateway with its journal, the {@code ema-cross} strategy, the embedded DuckDB store, Prometheus
 * metrics and the web dashboard. Prints a banner saying where each is, runs until Ctrl-C (or for
 * {@code --for}), stops in the order that loses nothing and prints a summary. Every option is
 * checked before anything starts; a bad one is one line and exit code 2. The demo backtest is
 * {@code ttquant backtest} without {@code --data}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole TTQuant system in one JVM: market data, the paper gateway, the ema-cross strategy,",
                "the embedded store, Prometheus metrics and the web dashboard. Ctrl-C (or --for) stops it and prints a summary.",
                "The demo backtest is 'ttquant backtest'."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--feed", defaultValue = "synthetic", paramLabel = "FEED",
            description = "Market data: synthetic (the seeded synthetic market), sim (the local exchange simulator, started in this "
                    + "JVM unless --sim-url names a running one) or binance (live Binance market data; orders stay on the paper "
                    + "venue). Default: ${DEFAULT-VALUE}.")
    String feed;

    @Option(names = "--symbol", defaultValue = "BTCUSDT", description = "Instrument traded. Default: ${DEFAULT-VALUE}.")
    String symbol;

    @Option(names = "--speed", defaultValue = "1",
            description = "Synthetic market pace: 1 real time, 10 ten times faster. Default: ${DEFAULT-VALUE}.")
    double speed;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic market (and the simulator's flow). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--sim-url", paramLabel = "URL", description = "With --feed sim: a running exchange simulator, e.g. http://127.0.0.1:8090.")
    String simUrl;

    @Option(names = "--strategy", defaultValue = RunConfig.DEFAULT_STRATEGY,
            description = "Built-in strategy (see 'ttquant strategies'). Default: ${DEFAULT-VALUE}.")
    String strategy;

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "Strategy parameter, repeatable. ema-cross defaults here: fast=3, slow=10, qty=0.1 (on 1s bars: it trades within a minute).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--bar-interval", defaultValue = RunConfig.DEFAULT_BAR_INTERVAL, paramLabel = "DURATION",
            description = "Bars for the strategy, built from the trades. Default: ${DEFAULT-VALUE}.")
    String barInterval;

    @Option(names = "--cash", defaultValue = "100000", description = "The strategy's starting cash in the quote asset. Default: ${DEFAULT-VALUE}.")
    String cash;

    @Option(names = "--data-dir", defaultValue = RunConfig.DEFAULT_DATA_DIR, paramLabel = "DIR",
            description = "Where the journal and the DuckDB file live. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--store", paramLabel = "STORE",
            description = "The store: duckdb:<file> or postgres:<jdbc-url>. Default: duckdb:<data-dir>/ttquant.duckdb.")
    String store;

    @Option(names = "--store-user", paramLabel = "USER",
            description = "PostgreSQL user (default: env " + StoreOptions.USER_ENV + ", else " + StoreOptions.DEFAULT_USER + ").")
    String storeUser;

    @Option(names = "--store-password-file", paramLabel = "FILE",
            description = "File holding the PostgreSQL password (default: env " + StoreOptions.PASSWORD_ENV + ", else none).")
    Path storePasswordFile;

    @Option(names = "--store-schema", paramLabel = "SCHEMA", description = "PostgreSQL schema. Default: " + StoreOptions.DEFAULT_SCHEMA + ".")
    String storeSchema;

    @Option(names = "--no-store", description = "Store nothing: market data is not recorded, orders and fills stay in the journal.")
    boolean noStore;

    @Option(names = "--metrics-port", defaultValue = "" + RunConfig.DEFAULT_METRICS_PORT,
            description = "Prometheus /metrics port on 127.0.0.1 (0: a free one, -1: none). Default: ${DEFAULT-VALUE}.")
    int metricsPort;

    @Option(names = "--http-port", defaultValue = "" + RunConfig.DEFAULT_HTTP_PORT,
            description = "Dashboard port on 127.0.0.1 (0: a free one, -1: none). Default: ${DEFAULT-VALUE}.")
    int httpPort;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long (e.g. 60s, 5m); default: until Ctrl-C.")
    String runFor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunConfig config = config();
        EmbeddedSystem system = EmbeddedSystem.start(config, SystemEpochClock.instance());
        AtomicBoolean done = new AtomicBoolean();
        // Ctrl-C asks this thread to stop the system (exit 0); any other shutdown (SIGTERM, a second Ctrl-C) runs the hook.
        CountDownLatch stopAsked = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(system, done, out), "ttquant-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        SignalHandler previous = onInterrupt(stopAsked);
        try {
            for (String line : system.banner()) {
                out.println(line);
            }
            out.println(config.runFor() == null ? "Press Ctrl-C to stop (it stops in order and loses nothing)."
                    : "Stopping after " + runFor + " (or at Ctrl-C).");
            out.flush();
            await(stopAsked, config.runFor());
            stop(system, done, out);
        } finally {
            if (previous != null) {
                Signal.handle(new Signal("INT"), previous);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is stopping: the hook waits for the stop above and prints nothing twice.
            }
        }
        return 0;
    }

    /**
     * Counts {@code latch} down at the first Ctrl-C and gives the next one back to the JVM's own
     * handler (which runs the shutdown hook); returns that handler, or null when INT cannot be handled here.
     */
    private static SignalHandler onInterrupt(CountDownLatch latch) {
        Signal interrupt = new Signal("INT");
        SignalHandler[] jvm = new SignalHandler[1];
        try {
            jvm[0] = Signal.handle(interrupt, s -> {
                latch.countDown();
                if (jvm[0] != null) {
                    Signal.handle(interrupt, jvm[0]);
                }
            });
            return jvm[0];
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Stops the system and prints the summary, once: a second caller (the hook) waits until the first is done. */
    private static void stop(EmbeddedSystem system, AtomicBoolean done, PrintWriter out) {
        synchronized (done) {
            if (done.get()) {
                return;
            }
            out.println("stopping: market data, strategy engine, gateway (journal), store export, recorder, store ...");
            out.flush();
            system.close();
            for (String line : system.summaryLines()) {
                out.println(line);
            }
            out.flush();
            done.set(true);
        }
    }

    /** Waits for Ctrl-C, at most {@code limit} (null: no limit). */
    private static void await(CountDownLatch latch, Duration limit) {
        try {
            if (limit == null) {
                latch.await();
            } else {
                latch.await(limit.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The settings these options describe, checked; package-private for tests. */
    RunConfig config() {
        if (noStore && (store != null || storeUser != null || storePasswordFile != null || storeSchema != null)) {
            throw new IllegalArgumentException("--no-store cannot be combined with --store or its options");
        }
        RunConfig.Builder b = RunConfig.builder().feed(feed).symbol(symbol).speed(speed).seed(seed).simUrl(simUrl).strategy(strategy)
                .barInterval(barInterval).cash(cash).dataDir(dataDir).metricsPort(metricsPort).httpPort(httpPort)
                .runFor(runFor == null ? null : MarketDataCommand.duration("--for", runFor));
        for (Map.Entry<String, String> p : params.entrySet()) {
            b.param(p.getKey(), p.getValue());
        }
        if (!noStore) {
            String spec = store != null ? store : "duckdb:" + dataDir.resolve("ttquant.duckdb");
            b.store(StoreOptions.resolve(StoreUri.parse(spec), storeUser, storePasswordFile, storeSchema, System.getenv()));
        }
        return b.build();
    }
}
