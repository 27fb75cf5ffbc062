package io.ttquant.app.cli;

import io.ttquant.app.marketdata.MarketDataConfig;
import io.ttquant.app.marketdata.MarketDataService;
import io.ttquant.app.store.StoreOptions;
import io.ttquant.core.data.FileFormat;
import io.ttquant.core.data.ReaderOptions;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.store.writer.RecordedStream;
import io.ttquant.store.writer.RecorderStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ttquant marketdata}: runs the market data service until Ctrl-C (or for {@code --for}):
 * Binance (production, testnet, or any Binance-compatible URL such as the local exchange
 * simulator), the synthetic market, or recorded files, published on a ZeroMQ PUB socket with
 * Prometheus metrics beside it, and recorded into a database when {@code --store} is given.
 * Settings are checked before anything starts; a bad one is refused with a one-line reason.
 */
@Command(name = "marketdata", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the market data service: Binance streams (or the simulator, the synthetic market, or a replay),",
                "exact local order books, continuous trades, published over ZeroMQ (topics md.<venue>.<SYMBOL>.<kind>)."})
public final class MarketDataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", defaultValue = "synthetic", paramLabel = "SOURCE",
            description = "binance, testnet, sim (the local exchange simulator, see --sim-port), url (see --rest-url/--ws-url), "
                    + "synthetic or replay. Default: ${DEFAULT-VALUE}.")
    String source;

    @Option(names = "--symbols", split = ",", defaultValue = "BTCUSDT,ETHUSDT", description = "Symbols. Default: ${DEFAULT-VALUE}.")
    List<String> symbols;

    @Option(names = "--sim-port", defaultValue = "8090", description = "Port of the local exchange simulator (--source sim). Default: ${DEFAULT-VALUE}.")
    int simPort;

    @Option(names = "--rest-url", description = "REST base URL (--source url), e.g. http://127.0.0.1:8090.")
    String restUrl;

    @Option(names = "--ws-url", description = "WebSocket base URL (--source url), e.g. ws://127.0.0.1:8090.")
    String wsUrl;

    @Option(names = "--trade-stream", defaultValue = "aggTrade",
            description = "Binance stream behind the trade topic: aggTrade (gaps backfilled from /api/v3/aggTrades) "
                    + "or trade (from /api/v3/historicalTrades). Default: ${DEFAULT-VALUE}.")
    String tradeStream;

    @Option(names = "--no-quotes", description = "Do not subscribe to bookTicker.")
    boolean noQuotes;

    @Option(names = "--no-depth", description = "Do not keep order books (no @depth@100ms).")
    boolean noDepth;

    @Option(names = "--no-klines", description = "Do not subscribe to kline_1m.")
    boolean noKlines;

    @Option(names = "--replay", paramLabel = "SYMBOL=FILE", description = "Recorded file or folder per symbol (--source replay), repeatable.")
    Map<String, Path> replay = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "binance-trades",
            description = "Format of the replay files: binance-trades, binance-aggtrades, binance-kline or csv. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--speed", defaultValue = "1",
            description = "Replay and synthetic pace: 1 real time, 10 ten times faster, 0 as fast as possible. Default: ${DEFAULT-VALUE}.")
    double speed;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic market. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--venue", defaultValue = "binance", description = "Venue name in the topics. Default: ${DEFAULT-VALUE}.")
    String venue;

    @Option(names = "--publish", defaultValue = "tcp://127.0.0.1:5556",
            description = "ZeroMQ PUB endpoint to bind (tcp://*:5556 for every interface). Default: ${DEFAULT-VALUE}.")
    String publish;

    @Option(names = "--hwm", defaultValue = "100000", description = "Send high-water mark per subscriber, in messages. Default: ${DEFAULT-VALUE}.")
    int highWaterMark;

    @Option(names = "--metrics-port", defaultValue = "9101", description = "Prometheus /metrics port on 127.0.0.1 (-1: none). Default: ${DEFAULT-VALUE}.")
    int metricsPort;

    @Option(names = "--silence-timeout", defaultValue = "10", description = "Seconds without a message before reconnecting. Default: ${DEFAULT-VALUE}.")
    double silenceSeconds;

    @Option(names = "--max-reconnect-backoff", defaultValue = "30",
            description = "Longest wait in seconds between reconnect attempts (exponential backoff with jitter up to it). Default: ${DEFAULT-VALUE}.")
    int maxBackoffSeconds;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long (e.g. 60s, 5m); default: until Ctrl-C.")
    String runFor;

    @Mixin
    StoreOptions store;

    @Option(names = "--book-snapshot-interval", defaultValue = "10s", paramLabel = "DURATION",
            description = "With --store: record each order book (top 20 levels) this often, 0 for never. Default: ${DEFAULT-VALUE}.")
    String bookSnapshotInterval;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MarketDataConfig config = config();
        Duration limit = runFor == null ? null : duration("--for", runFor);
        MarketDataService service = MarketDataService.start(config, SystemEpochClock.instance(), List.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "marketdata-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("market data service running");
        out.println("  source     " + service.feed().describe());
        out.println("  symbols    " + String.join(", ", service.instruments().stream().map(Instrument::symbol).toList()));
        out.println("  publishing " + (service.publishEndpoint() == null ? "in process only" : service.publishEndpoint())
                + "  topics md." + config.venue() + ".<SYMBOL>.<trade|quote|book|bar>");
        if (service.metricsUrl() != null) {
            out.println("  metrics    " + service.metricsUrl());
        }
        if (service.storeDescription() != null) {
            out.println("  recording  " + service.storeDescription());
        }
        out.println(limit == null ? "Press Ctrl-C to stop." : "Stopping after " + runFor + ".");
        out.flush();
        boolean done = limit == null ? await(stopped) : stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            Runtime.getRuntime().removeShutdownHook(hook);
            service.close();
            out.println("market data service stopped");
            if (service.recorder() != null) {
                out.println("  recorded   " + recorded(service.recorder().stats()));
            }
            out.flush();
        }
        return 0;
    }

    /** Rows written per stream, and dropped or failed ones when there were any. */
    static String recorded(RecorderStats stats) {
        StringBuilder b = new StringBuilder();
        long dropped = 0;
        long failed = 0;
        for (RecordedStream s : RecordedStream.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.label().replace('_', ' ')).append(' ').append(stats.rowsWritten(s));
            dropped += stats.droppedTotal(s);
            failed += stats.failedRows(s);
        }
        if (dropped > 0) {
            b.append("; dropped ").append(dropped);
        }
        if (failed > 0) {
            b.append("; failed ").append(failed);
        }
        return b.toString();
    }

    private static boolean await(CountDownLatch latch) {
        try {
            latch.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Duration duration(String option, String text) {
        try {
            return Duration.ofNanos(ReaderOptions.parseIntervalNanos(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": not a duration: '" + text + "' (use e.g. 30s, 5m, 1h)");
        }
    }

    MarketDataConfig config() {
        MarketDataConfig.Builder b = MarketDataConfig.builder().venue(venue).seed(seed).speed(speed)
                .quotes(!noQuotes).depth(!noDepth).klines(!noKlines)
                .publishEndpoint(publish.isBlank() || publish.equals("none") ? null : publish).sendHighWaterMark(highWaterMark)
                .metrics("127.0.0.1", metricsPort);
        if (!(silenceSeconds >= 0.1) || silenceSeconds > 3600) {
            throw new IllegalArgumentException("--silence-timeout must be between 0.1 and 3600 seconds, got " + silenceSeconds);
        }
        b.silenceTimeout(Duration.ofMillis((long) (silenceSeconds * 1000)));
        if (maxBackoffSeconds < 1 || maxBackoffSeconds > 600) {
            throw new IllegalArgumentException("--max-reconnect-backoff must be 1-600 seconds, got " + maxBackoffSeconds);
        }
        b.reconnect(Duration.ofSeconds(maxBackoffSeconds), Duration.ofSeconds(30));
        b.store(store.toConfig(System.getenv()));
        b.bookSnapshotInterval(bookSnapshotInterval.strip().equals("0") ? Duration.ZERO
                : duration("--book-snapshot-interval", bookSnapshotInterval));
        b.tradeStream(switch (tradeStream.toLowerCase(Locale.ROOT)) {
            case "aggtrade" -> MarketDataConfig.TradeStream.AGG_TRADE;
            case "trade" -> MarketDataConfig.TradeStream.TRADE;
            default -> throw new IllegalArgumentException("--trade-stream must be aggTrade or trade, got " + tradeStream);
        });
        for (String s : symbols) {
            String symbol = s.trim().toUpperCase(Locale.ROOT);
            Instrument known = Instruments.binanceSpot(symbol);
            if (known == null && !source.equalsIgnoreCase("binance") && !source.equalsIgnoreCase("testnet")
                    && !source.equalsIgnoreCase("sim") && !source.equalsIgnoreCase("url")) {
                throw new IllegalArgumentException("no built-in rules for " + symbol
                        + "; use one of BTCUSDT, ETHUSDT, BNBUSDT, SOLUSDT, ETHBTC, ADABTC (live sources read the venue's own rules)");
            }
            // Live sources replace these with the venue's own rules at start.
            b.instrument(known != null ? known : Instruments.generic(symbol));
        }
        switch (source.toLowerCase(Locale.ROOT)) {
            case "binance" -> b.source(MarketDataConfig.Source.BINANCE);
            case "testnet" -> b.source(MarketDataConfig.Source.TESTNET);
            case "sim" -> {
                if (simPort < 1 || simPort > 65535) {
                    throw new IllegalArgumentException("--sim-port must be 1-65535, got " + simPort);
                }
                b.urls("http://127.0.0.1:" + simPort, "ws://127.0.0.1:" + simPort);
            }
            case "url" -> b.urls(restUrl, wsUrl);
            case "synthetic" -> b.source(MarketDataConfig.Source.SYNTHETIC);
            case "replay" -> {
                if (replay.isEmpty()) {
                    throw new IllegalArgumentException("--source replay needs --replay SYMBOL=FILE for each symbol");
                }
                replay.forEach((symbol, file) -> b.replay(symbol.toUpperCase(Locale.ROOT), file));
                b.replayFormat(FileFormat.fromName(format));
            }
            default -> throw new IllegalArgumentException("--source must be binance, testnet, sim, url, synthetic or replay, got " + source);
        }
        return b.build();
    }
}
