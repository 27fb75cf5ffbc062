package io.ttquant.app.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ttquant.core.backtest.BacktestConfig;
import io.ttquant.core.backtest.BacktestEngine;
import io.ttquant.core.backtest.BacktestResult;
import io.ttquant.core.backtest.StrategyResult;
import io.ttquant.core.data.FileFormat;
import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.data.MarketDataSources;
import io.ttquant.core.exchange.ExchangeConfig;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.Fill;
import io.ttquant.core.order.Order;
import io.ttquant.core.order.OrderStatus;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.portfolio.Portfolio;
import io.ttquant.core.portfolio.Position;
import io.ttquant.core.strategy.StrategyCatalog;
import io.ttquant.core.strategy.StrategyParams;
import io.ttquant.transport.proto.PositionUpdate;
import io.ttquant.transport.proto.StateSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backtest-versus-live parity through the whole pipeline (issue 7): the same strategy over the same
 * recorded market data (a) in the backtester and (b) through the live services — the market data
 * service replaying the file, the strategy service, the gateway service with the paper venue, all
 * over ZeroMQ on 127.0.0.1, each a service object in this JVM ({@link LivePipeline}) — sends the
 * same orders (client id, side, type, quantity, price, time, outcome), gets the same fills
 * (order, quantity, price, fee, time) and ends with the same portfolio (balances, fees, position,
 * cost basis, realized PnL, equity). Both sides use the paper venue's fill models exactly as the
 * gateway reads them from its YAML; the live run is driven in lock-step with the replay on one
 * event-time clock ({@link LockStepPublisher}). Every wait polls with a deadline.
 */
class PipelineParityTest {
    static final String SYMBOL = "BTCUSDT";
    static final String QUOTE = "USDT";
    /** Quantities at 8 decimals, as Binance's kline volumes and the gateway's and engine's defaults have them. */
    static final int QTY_SCALE = 8;
    static final long MARKET_BUFFER_PPM = 20_000;
    /** The paper venue's fill models (gateway YAML): fees, slippage and a latency, so that time matters. */
    private static final String PAPER = "{fee-bps: 10, slippage-bps: 1, latency-ms: 5}";
    private static final String CASH = "100000";
    private static final long NO_PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** The real recording: a month of Binance spot BTCUSDT 5-minute klines (see the data folder's README). */
    private static final String REAL_KLINES = "binance/klines/BTCUSDT-5m-spot-2021-04-20_2021-05-20.csv";

    @TempDir
    Path dir;

    @Test
    void shouldSendTheBacktestsOrdersAndBookItsFillsWhenAGeneratedRecordingIsReplayedThroughTheLivePipeline() throws Exception {
        Path file = KlineRecording.write(dir.resolve("BTCUSDT-5m-generated.csv"), 500, 1_700_000_100_000L - 1_700_000_100_000L % 300_000,
                300_000);
        assertParity(file, FileFormat.BINANCE_KLINE, Map.of("fast", "5", "slow", "20", "qty", "0.01"), 10);
    }

    @Test
    void shouldSendTheBacktestsOrdersAndBookItsFillsWhenRealBinanceKlinesAreReplayedThroughTheLivePipeline() throws Exception {
        String data = System.getenv("TTQUANT_DATA");
        assumeTrue(data != null && !data.isBlank(), "TTQUANT_DATA is not set: the real Binance recording is not available, "
                + "so only the generated recording is replayed");
        Path file = Path.of(data).resolve(REAL_KLINES);
        assertThat(file).as("TTQUANT_DATA names the sample data folder, which holds " + REAL_KLINES).isRegularFile();
        assertParity(file, FileFormat.BINANCE_KLINE, Map.of("fast", "10", "slow", "30", "qty", "0.01"), 50);
    }

    private void assertParity(Path file, FileFormat format, Map<String, String> params, int minFills) throws Exception {
        Instrument btc = Instruments.binanceSpot(SYMBOL).withQtyScale(QTY_SCALE);
        long first = firstEventTime(file, format, btc);
        Path live = Files.createDirectories(dir.resolve("live"));
        try (LivePipeline pipeline = new LivePipeline(live, first - TimeUnit.MINUTES.toNanos(1), PAPER, "ema-cross", params, CASH)) {
            ExchangeConfig paper = pipeline.gateway.config().paper();
            BacktestResult backtest = new BacktestEngine(BacktestConfig.builder()
                    .instrument(btc)
                    .source(MarketDataSources.open(file, format, btc))
                    .exchange(paper)
                    .strategy(LivePipeline.STRATEGY, "ema-cross", new StrategyCatalog().create("ema-cross", new StrategyParams(params)))
                    .balance(QUOTE, Fixed.parse(CASH, Fixed.CASH_SCALE))
                    .valuationAsset(QUOTE)
                    .marketBufferPpm(MARKET_BUFFER_PPM)
                    .build()).run();
            StrategyResult expected = backtest.strategies().get(0);
            assertThat(expected.fills()).as("the backtest must trade often for the comparison to mean something")
                    .hasSizeGreaterThanOrEqualTo(minFills);

            pipeline.replay(btc, file, format);
            awaitReplay(pipeline, backtest.events());

            LiveBooks books = pipeline.engine.inspect(e -> LiveBooks.of(e.host(LivePipeline.STRATEGY).allOrders(),
                    e.portfolio(LivePipeline.STRATEGY), e.host(LivePipeline.STRATEGY).instrument(SYMBOL),
                    e.positionMismatches(LivePipeline.STRATEGY), e.unknownReports(LivePipeline.STRATEGY))).get(10, TimeUnit.SECONDS);
            awaitTapFills(pipeline, books.filledQty);

            assertThat(books.orders).as("orders: client id, side, type, time in force, quantity, price, time, outcome")
                    .isEqualTo(describeOrders(expected.orders()));
            assertThat(pipeline.tap.firstSequence()).as("the execution listener saw the strategy's reports from the first").isEqualTo(1);
            assertThat(pipeline.tap.fills()).as("fills: order, quantity, price, fee, time").isEqualTo(describeFills(expected.fills()));

            Portfolio want = expected.portfolio();
            Position wp = want.position(btc);
            assertThat(books.balances).isEqualTo(List.of(want.balance(QUOTE), want.balance(btc.baseAsset())));
            assertThat(books.fees).isEqualTo(want.feesPaid(QUOTE));
            assertThat(books.position).isEqualTo(List.of(wp.netQty(), wp.costBasis(), wp.realizedPnl()));
            assertThat(books.equity).isEqualTo(want.equity());
            assertThat(books.mismatches).as("position updates that disagreed with the engine, reports of unknown orders").isZero();

            StateSnapshot atGateway = pipeline.gateway.stateSnapshot(LivePipeline.STRATEGY, Long.MAX_VALUE).get(10, TimeUnit.SECONDS);
            long gatewayNet = 0;
            for (PositionUpdate p : atGateway.getPositionsList()) {
                gatewayNet += p.getSymbol().equals(SYMBOL) ? p.getNetQty() : 0;
            }
            assertThat(gatewayNet).as("the gateway's position").isEqualTo(wp.netQty());
            assertThat(pipeline.gateway.status().get(10, TimeUnit.SECONDS).rejected()).as("orders the gateway refused").isZero();
        }
    }

    /** Waits for the lock-step to deliver every event (no progress for a minute fails), polling the execution listener meanwhile. */
    private static void awaitReplay(LivePipeline pipeline, long events) {
        long lastProgress = System.nanoTime();
        long seen = -1;
        while (pipeline.lockStep.delivered() < events) {
            Throwable failure = pipeline.lockStep.failure();
            if (failure != null) {
                throw new AssertionError("the live run stopped after " + pipeline.lockStep.delivered() + " of " + events
                        + " events: " + failure.getMessage(), failure);
            }
            long now = System.nanoTime();
            if (pipeline.lockStep.delivered() != seen) {
                seen = pipeline.lockStep.delivered();
                lastProgress = now;
            } else if (now - lastProgress > NO_PROGRESS_NANOS) {
                throw new AssertionError("the live run made no progress for a minute at event " + seen + " of " + events);
            }
            if (pipeline.tap.poll() == 0) {
                LockSupport.parkNanos(1_000_000);
            }
        }
        assertThat(pipeline.lockStep.failure()).isNull();
    }

    /** Takes the execution listener's backlog until it holds as much filled quantity as the engine booked. */
    private static void awaitTapFills(LivePipeline pipeline, long filledQty) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (tapQty(pipeline.tap) < filledQty && System.nanoTime() < deadline) {
            if (pipeline.tap.poll() == 0) {
                LockSupport.parkNanos(1_000_000);
            }
        }
        pipeline.tap.poll();
    }

    private static long tapQty(ExecutionTap tap) {
        long qty = 0;
        for (String f : tap.fills()) {
            qty += Long.parseLong(f.split(" ")[2]);
        }
        return qty;
    }

    private static long firstEventTime(Path file, FileFormat format, Instrument instrument) {
        MarketDataSource source = MarketDataSources.open(file, format, instrument);
        try {
            assertThat(source.advance()).as("the recording holds events").isTrue();
            return source.current().timeNanos();
        } finally {
            source.close();
        }
    }

    /** One fill as both sides describe it. */
    static String fill(String clientOrderId, long qty, long price, long fee, long timeNanos) {
        return clientOrderId + " qty " + qty + " price " + price + " fee " + fee + " at " + timeNanos;
    }

    private static List<String> describeFills(List<Fill> fills) {
        List<String> out = new ArrayList<>();
        for (Fill f : fills) {
            out.add(fill(f.clientOrderId(), f.qty(), f.price(), f.fee(), f.timeNanos()));
        }
        return out;
    }

    /**
     * Orders as both sides describe them. An order still working at the end of the data is "OPEN":
     * the backtest expires it (END_OF_DATA), the live pipeline keeps it working.
     */
    static List<String> describeOrders(List<Order> orders) {
        List<String> out = new ArrayList<>();
        for (Order o : orders) {
            boolean open = !o.status().isTerminal() || o.status() == OrderStatus.EXPIRED && o.reason() == RejectReason.END_OF_DATA;
            out.add(o.clientOrderId() + " " + o.side() + " " + o.type() + " " + o.timeInForce() + " qty " + o.quantity() + " price "
                    + o.price() + " at " + o.createdNanos() + " " + (open ? "OPEN" : o.status()) + " filled " + o.filledQty()
                    + " notional " + o.filledNotional() + " fee " + o.feesPaid());
        }
        return out;
    }

    /** What the live engine booked for the strategy, copied on its thread. */
    private record LiveBooks(List<String> orders, long filledQty, List<Long> balances, long fees, List<Long> position, long equity,
                             long mismatches) {
        static LiveBooks of(List<Order> orders, Portfolio p, Instrument traded, long mismatches, long unknownReports) {
            long filled = 0;
            for (Order o : orders) {
                filled += o.filledQty();
            }
            Position position = p.position(traded);
            return new LiveBooks(describeOrders(orders), filled, List.of(p.balance(QUOTE), p.balance(traded.baseAsset())),
                    p.feesPaid(QUOTE), List.of(position.netQty(), position.costBasis(), position.realizedPnl()), p.equity(),
                    mismatches + unknownReports);
        }
    }
}
