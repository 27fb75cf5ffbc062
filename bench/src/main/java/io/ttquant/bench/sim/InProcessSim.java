package io.ttquant.bench.sim;

import io.ttquant.core.instrument.Instruments;
import io.ttquant.sim.market.SimConfig;
import io.ttquant.sim.market.SimExchange;
import io.ttquant.sim.server.SimServer;
import io.ttquant.sim.server.SimServerConfig;

import java.util.Map;

/**
 * Starts a simulator in this JVM for a load tool: one account with balances far beyond what a run
 * can spend, and rate limits far above what loopback can reach, so that the figure measured is the
 * server's throughput and never its limiter's refusals.
 */
public final class InProcessSim {
    static final String API_KEY = "bench-api-key";
    static final String SECRET = "bench-api-secret";

    /** Every symbol with built-in rules, and a start price at least 200 ticks above zero. */
    static final String[][] SYMBOLS = {
        {"BTCUSDT", "60000.00"}, {"ETHUSDT", "3000.00"}, {"BNBUSDT", "600.00"},
        {"SOLUSDT", "150.00"}, {"ETHBTC", "0.05000"}, {"ADABTC", "0.00000800"},
    };

    private static final int UNLIMITED = 1_000_000_000;

    private InProcessSim() {
    }

    /** {@code flowIntensity}: synthetic actions per second per symbol, 0 for a still market. */
    public static SimServer start(double flowIntensity, int ioThreads) {
        SimConfig.Builder market = SimConfig.builder().seed(42).flowIntensity(flowIntensity)
                .account(API_KEY, SECRET, Map.of("USDT", "1000000000", "BTC", "100000", "ETH", "1000000",
                        "BNB", "1000000", "SOL", "1000000", "ADA", "1000000000"));
        for (String[] s : SYMBOLS) {
            market.symbol(Instruments.binanceSpot(s[0]), s[1]);
        }
        SimServerConfig transport = SimServerConfig.builder()
                .weightPerMinute(UNLIMITED).ordersPer10s(UNLIMITED).ordersPerDay(UNLIMITED)
                .wsMaxIncomingPerSecond(1_000).maxOutboundBytesPerConnection(256 << 20)
                .ioThreads(ioThreads).build();
        return new SimServer(new SimExchange(market.build()), transport).start(0);
    }
}
