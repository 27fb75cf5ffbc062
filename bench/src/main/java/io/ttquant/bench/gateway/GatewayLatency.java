package io.ttquant.bench.gateway;

import io.ttquant.app.gateway.CommandOutcome;
import io.ttquant.app.gateway.OrderCommandIntake;
import io.ttquant.app.gateway.OrderGateway;
import io.ttquant.bench.sim.LoadFlags;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Per-order latency of the gateway in process: the time {@link OrderCommandIntake#onFrame} takes for
 * one received frame, from the raw bytes through decoding, validation, the risk checks, routing to
 * the paper venue (which acknowledges or fills at once) and the encoded report handed to the sink.
 * A realistic mix on one thread (see {@link OrderMix}): a resting limit buy, its cancel, and every
 * tenth round a marketable order; each kind gets its own HdrHistogram. Prints p50, p90, p99, p99.9,
 * p99.99 and max after a warm-up (the target is p99 below 10 µs for new orders).
 *
 * <pre>java -cp bench/target/benchmarks.jar io.ttquant.bench.gateway.GatewayLatency [--orders 2000000] [--warmup 1000000]</pre>
 */
public final class GatewayLatency {
    private static final String USAGE = """
            usage: GatewayLatency [flags]
              --warmup 1000000   resting orders (each with its cancel) before measuring
              --orders 2000000   resting orders (each with its cancel) measured
            """;
    private static final long T0 = 1_760_000_000_000_000_000L;

    private final OrderGateway gateway;
    private final OrderCommandIntake intake;
    private final OrderMix mix = PaperGatewayRig.mix(0);
    private final Histogram newOrders = histogram();
    private final Histogram cancels = histogram();
    private final Histogram marketable = histogram();
    private long now = T0;
    private long id;
    private long marketableId;

    private GatewayLatency() {
        gateway = PaperGatewayRig.gateway(new PaperGatewayRig.CountingSink(), T0);
        intake = new OrderCommandIntake(gateway);
    }

    public static void main(String[] args) {
        LoadFlags f = new LoadFlags(args, USAGE, "warmup", "orders");
        int warmup = f.integer("warmup", 1_000_000);
        int orders = f.integer("orders", 2_000_000);
        GatewayLatency run = new GatewayLatency();
        run.rounds(warmup);
        run.newOrders.reset();
        run.cancels.reset();
        run.marketable.reset();
        long start = System.nanoTime();
        run.rounds(orders);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d resting orders + %d cancels + %d marketable orders in %.2f s (after %d warm-up rounds);"
                        + " refused %d, fills %d%n", run.newOrders.getTotalCount(), run.cancels.getTotalCount(),
                run.marketable.getTotalCount(), seconds, warmup, run.gateway.rejected(), run.gateway.fills());
        print("new limit order (rests, ACCEPTED)", run.newOrders);
        print("cancel (CANCELED)", run.cancels);
        print("marketable order (FILLED + position)", run.marketable);
    }

    private void rounds(int count) {
        for (int n = 0; n < count; n++) {
            long k = ++id;
            time(mix.resting(k), newOrders, CommandOutcome.ROUTED);
            time(mix.cancel(k), cancels, CommandOutcome.CANCEL_SENT);
            if (k % 10 == 0) {
                time(mix.marketable(++marketableId), marketable, CommandOutcome.ROUTED);
            }
        }
    }

    private void time(byte[] frame, Histogram into, CommandOutcome expected) {
        now += 1_000;
        long t0 = System.nanoTime();
        CommandOutcome out = intake.onFrame(frame, 0, frame.length, now);
        long t1 = System.nanoTime();
        into.recordValue(t1 - t0);
        if (out != expected) {
            throw new IllegalStateException("expected " + expected + " but the gateway answered " + out);
        }
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    }

    private static void print(String what, Histogram h) {
        System.out.printf(Locale.ROOT, "%-38s n=%-9d p50 %6.2f µs  p90 %6.2f µs  p99 %6.2f µs  p99.9 %7.2f µs  p99.99 %7.2f µs  max %8.2f µs%n",
                what, h.getTotalCount(), us(h, 50), us(h, 90), us(h, 99), us(h, 99.9), us(h, 99.99), h.getMaxValue() / 1e3);
    }

    private static double us(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e3;
    }
}
