package io.ttquant.bench.pipeline;

import io.ttquant.app.strategy.StrategyEngine;
import io.ttquant.app.strategy.StrategyEngineConfig;
import io.ttquant.app.strategy.StrategyService;
import io.ttquant.bench.sim.LoadFlags;
import io.ttquant.core.time.SystemEpochClock;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The strategy engine process of the tick-to-trade benchmark ({@code --mode zmq}), a child JVM: the
 * {@link StrategyService} ({@code ttquant strategy}'s service) running {@link TickToTradeStrategy}
 * on trades from the market data PUB, sending to the gateway's PULL, booking from its PUB, synced
 * through its state endpoint. The callback budget is raised to a second: on a busy machine the OS
 * may deschedule a callback, and a quarantined strategy would end the run. Prints {@code READY} once the strategy trades; on {@code stop}
 * (standard input) waits up to two seconds for the fills of the orders it sent, writes the trade
 * ids and fill times to {@code --out} and prints {@code DONE}.
 */
public final class PipelineEngineProcess {
    private static final String USAGE = """
            usage: PipelineEngineProcess --orders E --executions E --state E --marketdata E --out FILE [--capacity N]
                                         [--idle spin|park]
            """;

    private PipelineEngineProcess() {
    }

    public static void main(String[] args) throws Exception {
        LoadFlags f = new LoadFlags(args, USAGE, "orders", "executions", "state", "marketdata", "out", "capacity", "idle");
        Path out = Path.of(f.string("out", "engine.times"));
        String idle = f.string("idle", "park");
        String id = PipelineSetup.STRATEGY;
        StopSignal stop = StopSignal.onStandardInput();
        StrategyEngineConfig config = StrategyEngineConfig.builder()
                .ordersEndpoint("--orders", f.string("orders", null))
                .executionsEndpoint("--executions", f.string("executions", null))
                .stateEndpoint("--state", f.string("state", null))
                .marketDataEndpoint("--marketdata", f.string("marketdata", null))
                .marketDataVenue("venue", PipelineSetup.VENUE)
                .marketDataKinds("kinds", List.of("trade"))
                .qtyScale("qty-scale", "8")
                .metricsPort("metrics", "-1")
                .idle("--idle", idle)
                .idleParkMicros("idle-park-us", "1")
                // A callback the OS descheduled must not quarantine the benchmark's strategy (budgets are not measured here).
                .callbackBudgetMicros("budget", "1000000")
                .callbackHardLimitMillis("hard-limit", "60000")
                .strategy("strategy", id)
                .strategyClass("strategy", id, TickToTradeStrategy.class.getName())
                .strategyParam("strategy", id, "qty", PipelineSetup.QTY)
                .strategyParam("strategy", id, "capacity", String.valueOf(f.integer("capacity", 2_000_000)))
                .strategySymbol("strategy", id, PipelineSetup.BTC.symbol())
                .strategyCash("strategy", id, "USDT", "100000000")
                .strategyCash("strategy", id, "BTC", "100")
                .build();
        try (StrategyService service = StrategyService.start(config, SystemEpochClock.instance(), System::nanoTime)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (service.inspect(e -> e.state(id)).get(5, TimeUnit.SECONDS) != StrategyEngine.State.ACTIVE) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the strategy did not sync with the gateway within 30 s");
                }
                LockSupport.parkNanos(1_000_000);
            }
            System.out.println("READY");
            System.out.flush();
            while (!stop.raised()) {
                LockSupport.parkNanos(10_000_000);
            }
            long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < drain && service.inspect(e -> unfilled(strategy(e, id))).get(5, TimeUnit.SECONDS) > 0) {
                LockSupport.parkNanos(1_000_000);
            }
            long[][] times = service.inspect(e -> {
                TickToTradeStrategy s = strategy(e, id);
                long[][] left = s.leftOrders();
                return new long[][] {left[0], left[1], {s.refused(), e.unknownReports(id)}};
            }).get(5, TimeUnit.SECONDS);
            TimesFile.write(out, times[0].length, times[0], times[1]);
            System.out.println("DONE sent=" + times[0].length + " refused=" + times[2][0] + " unfilled="
                    + Arrays.stream(times[1]).filter(t -> t == 0).count() + " unknown-reports=" + times[2][1]);
            System.out.flush();
        }
    }

    private static TickToTradeStrategy strategy(StrategyEngine e, String id) {
        return (TickToTradeStrategy) e.host(id).strategy();
    }

    private static long unfilled(TickToTradeStrategy s) {
        long n = 0;
        long[] fills = s.fillNanosBySent();
        for (int i = 0; i < s.sent(); i++) {
            n += fills[i] == 0 ? 1 : 0;
        }
        return n;
    }
}
