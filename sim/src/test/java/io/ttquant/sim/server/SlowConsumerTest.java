package io.ttquant.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.sim.market.SimConfig;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A client that stops reading is disconnected once its backlog passes the bound; the engine never waits for it. */
class SlowConsumerTest {
    @Test
    void shouldDropAClientThatStopsReadingWithoutStallingOthers() throws Exception {
        SimServerConfig config = SimServerConfig.builder().maxOutboundBytesPerConnection(4096).build();
        SimConfig market = SimConfig.builder().seed(5).flowIntensity(400).build();
        String streams = "/stream?streams=btcusdt@depth20@100ms/ethusdt@depth20@100ms/btcusdt@depth@100ms/ethusdt@depth@100ms"
                + "/btcusdt@trade/ethusdt@trade/btcusdt@bookTicker/ethusdt@bookTicker/btcusdt@aggTrade/ethusdt@aggTrade";
        try (SimServerFixture f = new SimServerFixture(market, config);
             RawWebSocket stalled = new RawWebSocket(f.server.port(), streams, 1024)) {
            // a low-rate stream: the healthy client's backlog stays far below the tiny bound even on a loaded machine
            SimServerFixture.Ws healthy = f.ws("/ws/btcusdt@kline_1m");
            await(() -> f.server.stats().slowConsumerDisconnects() >= 1, 30_000);
            assertThat(stalled.readUntilClosed(10_000)).as("the stalled connection is closed").isTrue();
            healthy.messages.clear();
            assertThat(healthy.next()).contains("\"e\":\"kline\"");
            assertThat(healthy.closed).isNotDone();
            healthy.abort();
        }
    }

    /** Waits until {@code condition} holds, failing after {@code timeoutMillis}. */
    static void await(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached within %s ms", timeoutMillis).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
