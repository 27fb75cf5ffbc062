package io.ttquant.app.strategy;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.portfolio.Portfolio;
import java.util.Locale;

/**
 * The strategy engine's Prometheus metrics ({@code ttquant_strategy_*}), per strategy: realized and
 * unrealized PnL, equity, drawdown (now and the deepest), position per symbol, fills, round trips
 * and their win rate, orders and cancels sent, rejections by reason, callbacks (slow ones and ones
 * that threw), the callback latency histogram, position mismatches with the gateway, and the
 * strategy's state (one series per state, 1 for the current one).
 *
 * <p>{@link #sampleIfDue} runs on the engine's thread, at most once per {@link #SAMPLE_INTERVAL_NANOS},
 * and copies the engine's numbers into plain arrays published by a volatile write; the scrape thread
 * reads them after a volatile read and never touches the engine. The latency histograms are read
 * racily from the engine's single-writer buckets, as a monitoring histogram may. Money is in the
 * strategy's valuation asset (its first instrument's quote asset). Nothing secret is a label.
 */
public final class StrategyMetrics {
    /** Gauges are refreshed at most this often. */
    public static final long SAMPLE_INTERVAL_NANOS = 1_000_000_000L;
    private static final RejectReason[] REASONS = RejectReason.values();
    private static final StrategyEngine.State[] STATES = StrategyEngine.State.values();

    private final StrategyEngine engine;
    private final StrategySlot[] slots;
    private final String[] ids;
    private long lastSample = Long.MIN_VALUE;

    // Written by the engine thread in sample(), read by the scrape thread after reading 'published'.
    private final double[] realized;
    private final double[] unrealized;
    private final double[] equity;
    private final double[] drawdown;
    private final double[] maxDrawdown;
    private final double[][] position;
    private final long[] fills;
    private final long[] roundTrips;
    private final long[] wins;
    private final long[] ordersSent;
    private final long[] cancelsSent;
    private final long[][] rejects;
    private final long[] callbacks;
    private final long[] slowCallbacks;
    private final long[] callbackErrors;
    private final long[] mismatches;
    private final long[] unknownReports;
    private final int[] state;
    private long executionEvents;
    private volatile long published;

    public StrategyMetrics(PrometheusRegistry registry, StrategyEngine engine) {
        this.engine = engine;
        this.slots = engine.slots();
        int n = slots.length;
        this.ids = new String[n];
        for (int s = 0; s < n; s++) {
            ids[s] = slots[s].id();
        }
        realized = new double[n];
        unrealized = new double[n];
        equity = new double[n];
        drawdown = new double[n];
        maxDrawdown = new double[n];
        position = new double[n][];
        for (int s = 0; s < n; s++) {
            position[s] = new double[slots[s].instruments.length];
        }
        fills = new long[n];
        roundTrips = new long[n];
        wins = new long[n];
        ordersSent = new long[n];
        cancelsSent = new long[n];
        rejects = new long[n][REASONS.length];
        callbacks = new long[n];
        slowCallbacks = new long[n];
        callbackErrors = new long[n];
        mismatches = new long[n];
        unknownReports = new long[n];
        state = new int[n];
        register(registry);
    }

    private interface Values {
        double at(int strategy);
    }

    private void gauge(PrometheusRegistry registry, String name, String help, Values values) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("strategy").callback(cb -> {
            if (published != 0) {
                for (int s = 0; s < ids.length; s++) {
                    cb.call(values.at(s), ids[s]);
                }
            }
        }).register(registry);
    }

    private void counter(PrometheusRegistry registry, String name, String help, Values values) {
        CounterWithCallback.builder().name(name).help(help).labelNames("strategy").callback(cb -> {
            if (published != 0) {
                for (int s = 0; s < ids.length; s++) {
                    cb.call(values.at(s), ids[s]);
                }
            }
        }).register(registry);
    }

    private void register(PrometheusRegistry registry) {
        gauge(registry, "ttquant_strategy_realized_pnl", "Realized PnL before fees, in the valuation asset", s -> realized[s]);
        gauge(registry, "ttquant_strategy_unrealized_pnl", "Unrealized PnL at the last mark, in the valuation asset", s -> unrealized[s]);
        gauge(registry, "ttquant_strategy_equity", "Equity of the strategy's cash account at the last marks, in the valuation asset",
                s -> equity[s]);
        gauge(registry, "ttquant_strategy_drawdown_ratio", "Current fall of equity from its peak, as a fraction of the peak",
                s -> drawdown[s]);
        gauge(registry, "ttquant_strategy_max_drawdown", "Deepest fall of equity from a peak since start, in the valuation asset",
                s -> maxDrawdown[s]);
        gauge(registry, "ttquant_strategy_win_rate", "Winning round trips (realized PnL less fees above 0) over all round trips; 0 "
                + "before the first", s -> roundTrips[s] == 0 ? 0 : (double) wins[s] / roundTrips[s]);
        counter(registry, "ttquant_strategy_fills", "Fills booked", s -> fills[s]);
        counter(registry, "ttquant_strategy_trades", "Round trips closed (a position back to flat or across it)", s -> roundTrips[s]);
        counter(registry, "ttquant_strategy_orders_sent", "New orders sent to the gateway", s -> ordersSent[s]);
        counter(registry, "ttquant_strategy_cancels_sent", "Cancels sent to the gateway", s -> cancelsSent[s]);
        counter(registry, "ttquant_strategy_callbacks", "Strategy callbacks called", s -> callbacks[s]);
        counter(registry, "ttquant_strategy_slow_callbacks", "Callbacks longer than the budget", s -> slowCallbacks[s]);
        counter(registry, "ttquant_strategy_callback_errors", "Callbacks that threw", s -> callbackErrors[s]);
        counter(registry, "ttquant_strategy_position_mismatches", "Position updates from the gateway that differed from the engine's "
                + "position", s -> mismatches[s]);
        counter(registry, "ttquant_strategy_unknown_reports", "Execution reports for orders the strategy does not know",
                s -> unknownReports[s]);
        GaugeWithCallback.builder().name("ttquant_strategy_position").help("Net position in base units, by strategy and symbol")
                .labelNames("strategy", "symbol").callback(cb -> {
                    if (published != 0) {
                        for (int s = 0; s < ids.length; s++) {
                            for (int i = 0; i < position[s].length; i++) {
                                cb.call(position[s][i], ids[s], slots[s].instruments[i].symbol());
                            }
                        }
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_strategy_rejects").help("Orders rejected, by strategy and reason (the engine's "
                + "own checks and the gateway's)").labelNames("strategy", "reason").callback(cb -> {
                    if (published != 0) {
                        for (int s = 0; s < ids.length; s++) {
                            for (RejectReason r : REASONS) {
                                if (rejects[s][r.ordinal()] != 0) {
                                    cb.call(rejects[s][r.ordinal()], ids[s], r.name().toLowerCase(Locale.ROOT));
                                }
                            }
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_strategy_state").help("The strategy's state: 1 for the current one (syncing, "
                + "active, quarantined, stopped)").labelNames("strategy", "state").callback(cb -> {
                    if (published != 0) {
                        for (int s = 0; s < ids.length; s++) {
                            for (StrategyEngine.State st : STATES) {
                                cb.call(state[s] == st.ordinal() ? 1 : 0, ids[s], st.name().toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_strategy_execution_events").help("Execution events received from the gateway")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(executionEvents);
                    }
                }).register(registry);
        registry.register(new LatencyCollector());
    }

    /** Samples now if the last sample is at least {@link #SAMPLE_INTERVAL_NANOS} old (engine thread). True when it sampled. */
    public boolean sampleIfDue(long nowNanos) {
        if (lastSample != Long.MIN_VALUE && nowNanos - lastSample < SAMPLE_INTERVAL_NANOS) {
            return false;
        }
        sample(nowNanos);
        return true;
    }

    /** Copies the engine's numbers for the scrape (engine thread only). */
    public void sample(long nowNanos) {
        lastSample = nowNanos;
        for (int s = 0; s < slots.length; s++) {
            StrategySlot slot = slots[s];
            Portfolio p = slot.portfolio;
            slot.updateDrawdown();
            realized[s] = Fixed.toDouble(p.realizedPnl(), Fixed.CASH_SCALE);
            unrealized[s] = Fixed.toDouble(p.unrealizedPnl(), Fixed.CASH_SCALE);
            long eq = p.equity();
            equity[s] = Fixed.toDouble(eq, Fixed.CASH_SCALE);
            drawdown[s] = slot.peakEquity > 0 ? (double) (slot.peakEquity - eq) / slot.peakEquity : 0;
            maxDrawdown[s] = Fixed.toDouble(slot.maxDrawdown, Fixed.CASH_SCALE);
            for (int i = 0; i < slot.instruments.length; i++) {
                Instrument ins = slot.instruments[i];
                position[s][i] = Fixed.toDouble(p.position(ins).netQty(), ins.qtyScale());
            }
            fills[s] = slot.fills;
            roundTrips[s] = slot.roundTrips;
            wins[s] = slot.winningRoundTrips;
            ordersSent[s] = slot.venue.ordersSent();
            cancelsSent[s] = slot.venue.cancelsSent();
            System.arraycopy(slot.rejects, 0, rejects[s], 0, REASONS.length);
            callbacks[s] = slot.callbacks;
            slowCallbacks[s] = slot.slowCallbacks;
            callbackErrors[s] = slot.callbackErrors;
            mismatches[s] = slot.positionMismatches;
            unknownReports[s] = slot.unknownReports;
            state[s] = slot.state.ordinal();
        }
        executionEvents = engine.executionEvents();
        published = nowNanos == 0 ? 1 : nowNanos;
    }

    /** {@code ttquant_strategy_callback_latency_seconds{strategy}}: one classic histogram per strategy. */
    private final class LatencyCollector implements Collector {
        private final double[] bounds;

        LatencyCollector() {
            bounds = new double[CallbackLatency.BOUNDS_NANOS.length + 1];
            for (int i = 0; i < CallbackLatency.BOUNDS_NANOS.length; i++) {
                bounds[i] = CallbackLatency.BOUNDS_NANOS[i] / 1e9;
            }
            bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
        }

        @Override
        public MetricSnapshot collect() {
            HistogramSnapshot.Builder b = HistogramSnapshot.builder().name("ttquant_strategy_callback_latency_seconds")
                    .unit(Unit.SECONDS).help("Time each strategy callback took, by strategy");
            for (int s = 0; s < slots.length; s++) {
                CallbackLatency l = slots[s].latency;
                b.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, l.counts()))
                        .sum(l.sumNanos() / 1e9).labels(Labels.of("strategy", ids[s])).build());
            }
            return b.build();
        }

        @Override
        public String getPrometheusName() {
            return "ttquant_strategy_callback_latency_seconds";
        }
    }
}
