package io.ttquant.bench;

import io.ttquant.core.backtest.BacktestConfig;
import io.ttquant.core.backtest.BacktestEngine;
import io.ttquant.core.backtest.BacktestResult;
import io.ttquant.core.data.BarArraySource;
import io.ttquant.core.data.FileFormat;
import io.ttquant.core.data.MarketDataSources;
import io.ttquant.core.data.SyntheticMarketData;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.strategy.example.EmaCrossStrategy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-engine throughput: each invocation is a complete backtest run, reported per event (bar or
 * tick) so the score reads directly as events per second. Run with
 * {@code ./ttquant bench BacktestBenchmarks -prof gc} to see allocation per event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class BacktestBenchmarks {
    static final int BARS = 1_000_000;
    static final int TICKS = 1_000_000;
    static final long MINUTE = 60_000_000_000L;

    static Instrument btc() {
        return Instrument.builder("BTCUSDT").tickSize("0.01").stepSize("0.00001").minNotional("5").build();
    }

    static ExchangeConfig exchange() {
        return ExchangeConfig.builder().makerFeePpm(1000).takerFeePpm(1000).build();
    }

    /** ema-cross over bars held in memory: the engine alone, no parsing. */
    @State(Scope.Benchmark)
    public static class InMemoryBars {
        /** Equity sampling interval: 3600 s is the default; 60 s records a sample on every one-minute bar. */
        @Param({"60", "3600"})
        long sampleSeconds;
        Instrument instrument = btc();
        BarArraySource source;

        @Setup(Level.Trial)
        public void load() {
            SyntheticMarketData data = SyntheticMarketData.builder(instrument).seed(11).count(BARS)
                    .intervalNanos(MINUTE).startPrice("30000").build();
            source = BarArraySource.capture(data, BARS);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public long emaCrossEngineOnly(InMemoryBars s) {
        s.source.rewind();
        BacktestResult r = new BacktestEngine(BacktestConfig.builder().instrument(s.instrument).source(s.source)
                .exchange(exchange()).strategy("ema", "ema-cross", new EmaCrossStrategy(10, 30, "0.1", ""))
                .sampleInterval(s.sampleSeconds * 1_000_000_000L)
                .balance("USDT", 100_000_00000000L).build()).run();
        return r.strategies().get(0).finalEquity();
    }

    /** A Binance kline CSV on disk (12 columns, no header) parsed and backtested end to end. */
    @State(Scope.Benchmark)
    public static class KlineFile {
        Instrument instrument = btc();
        Path file;

        @Setup(Level.Trial)
        public void write() throws IOException {
            file = Files.createTempFile("ttquant-bench-klines", ".csv");
            SyntheticMarketData data = SyntheticMarketData.builder(instrument).seed(5).count(BARS)
                    .intervalNanos(MINUTE).startPrice("30000").build();
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
                KlineCsv.write(data, instrument, w);
            }
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public long emaCrossFromKlineCsv(KlineFile s) {
        BacktestResult r = new BacktestEngine(BacktestConfig.builder().instrument(s.instrument)
                .source(MarketDataSources.open(s.file, FileFormat.BINANCE_KLINE, s.instrument))
                .exchange(exchange()).strategy("ema", "ema-cross", new EmaCrossStrategy(10, 30, "0.1", ""))
                .balance("USDT", 100_000_00000000L).build()).run();
        return r.strategies().get(0).finalEquity();
    }

    /** Trade ticks through matching, a strategy that rests limit orders on every tick, and its portfolio. */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public long tradeTicksThroughMatching() {
        Instrument instrument = btc();
        SyntheticMarketData data = SyntheticMarketData.builder(instrument).seed(9).count(TICKS)
                .kind(SyntheticMarketData.Kind.TRADES).startPrice("30000").build();
        BacktestResult r = new BacktestEngine(BacktestConfig.builder().instrument(instrument).source(data)
                .exchange(exchange()).strategy("quoter", "tick-quoter", new TickQuoter(20))
                .balance("USDT", 100_000_00000000L).build()).run();
        return r.strategies().get(0).fills().size();
    }

    /** Bars through the engine with a strategy that computes EMAs and never trades: the per-event path alone. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public long barsWithoutOrders(InMemoryBars s) {
        s.source.rewind();
        BacktestResult r = new BacktestEngine(BacktestConfig.builder().instrument(s.instrument).source(s.source)
                .exchange(exchange()).strategy("watch", "ema-watcher", new EmaWatcher())
                .sampleInterval(s.sampleSeconds * 1_000_000_000L)
                .balance("USDT", 100_000_00000000L).build()).run();
        return r.events();
    }
}
