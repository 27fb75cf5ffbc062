package io.ttquant.bench.gateway;

import io.ttquant.app.gateway.OrderCommandIntake;
import io.ttquant.app.gateway.OrderGateway;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The order gateway's hot path in process, on one thread, from received frame to encoded report
 * (see {@link PaperGatewayRig} for the limits and the market):
 * <ul>
 *   <li>{@code newAndCancel}: a limit buy resting away from the market, decoded in place,
 *       validated, risk-checked, routed to the paper venue and acknowledged (an ACCEPTED report
 *       encoded), then its cancel the same way (a CANCELED report), so the state stays bounded.
 *       {@code -prof gc} shows the allocation per operation: about 0 B/op is the claim;</li>
 *   <li>{@code marketableOrder}: a market IOC order filled at once against the quote (FILLED report
 *       and position update), buys and sells by turns. Each fill allocates core's {@code Fill} in
 *       the matching engine, which {@code -prof gc} shows.</li>
 * </ul>
 * Run with {@code ./ttquant bench GatewayBenchmarks -prof gc}; the score is nanoseconds per
 * operation. Time is injected (1 µs per command), never read from the wall clock.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@State(Scope.Thread)
public class GatewayBenchmarks {
    private static final long T0 = 1_760_000_000_000_000_000L;

    private PaperGatewayRig.CountingSink sink;
    private OrderGateway gateway;
    private OrderCommandIntake intake;
    private OrderMix mix;
    private long id;
    private long now;

    @Setup(Level.Trial)
    public void setUp() {
        sink = new PaperGatewayRig.CountingSink();
        gateway = PaperGatewayRig.gateway(sink, T0);
        intake = new OrderCommandIntake(gateway);
        mix = PaperGatewayRig.mix(0);
        now = T0;
    }

    @TearDown(Level.Trial)
    public void check() {
        if (gateway.rejected() != 0 || gateway.risk().openOrders() != 0) {
            throw new IllegalStateException("the benchmark's orders were refused or left open: rejected " + gateway.rejected()
                    + ", open " + gateway.risk().openOrders());
        }
    }

    @Benchmark
    public long newAndCancel() {
        long n = ++id;
        byte[] order = mix.resting(n);
        now += 1_000;
        intake.onFrame(order, 0, order.length, now);
        byte[] cancel = mix.cancel(n);
        now += 1_000;
        intake.onFrame(cancel, 0, cancel.length, now);
        return sink.bytes;
    }

    @Benchmark
    public long marketableOrder() {
        byte[] order = mix.marketable(++id);
        now += 1_000;
        intake.onFrame(order, 0, order.length, now);
        return sink.bytes;
    }
}
