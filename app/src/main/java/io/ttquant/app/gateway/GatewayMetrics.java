package io.ttquant.app.gateway;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ttquant.app.gateway.journal.OrderJournal;
import io.ttquant.app.metrics.SingleWriterHistogram;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.num.Fixed;
import io.ttquant.core.order.RejectReason;
import io.ttquant.core.portfolio.Position;
import io.ttquant.core.risk.RiskEngine;
import io.ttquant.transport.SequenceGapDetector;
import io.ttquant.transport.codec.DecodeOutcome;
import io.ttquant.transport.codec.MarketDataDecoder;
import java.util.List;
import java.util.Locale;

/**
 * The gateway's Prometheus metrics ({@code ttquant_gateway_*}). As the {@link OrderGateway}'s
 * {@link GatewayObserver} it counts commands received, orders accepted (routed), rejections by
 * strategy and reason, fills by strategy and symbol, and times order-to-ack and order-to-fill; every
 * labelled series is bound at construction (one per strategy, symbol and {@link RejectReason}, plus
 * the strategy label {@value GatewayConfig#UNKNOWN_STRATEGY} for commands from strategies the
 * gateway does not serve), so an observation never allocates.
 *
 * <p>The state gauges (open orders, positions and their notional, risk state, daily PnL, kill
 * switch, venue weight and unknown orders, intake and market data counts, whether the gateway is
 * ready to trade, and the order journal's records, bytes and syncs) are sampled by
 * {@link #sampleIfDue} on the gateway thread, at most once per {@link #SAMPLE_INTERVAL_NANOS}, into
 * plain arrays published by a volatile write; the scrape thread reads them after a volatile read
 * and never touches the gateway. A scrape may see a sample at most one interval old.
 *
 * <p>Observations and sampling belong to the gateway thread only; the admin counters may be
 * incremented from the admin endpoint's threads (Prometheus counters are thread-safe). Nothing
 * secret is ever a label or a value.
 */
public final class GatewayMetrics implements GatewayObserver {
    /** Gauges are refreshed at most this often. */
    public static final long SAMPLE_INTERVAL_NANOS = 1_000_000_000L;

    private static final double[] LATENCY_BUCKETS = {
        0.000_001, 0.000_005, 0.000_01, 0.000_05, 0.000_1, 0.000_5, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 60, 300};
    private static final RejectReason[] REASONS = RejectReason.values();
    private static final DecodeOutcome[] OUTCOMES = DecodeOutcome.values();

    private final String[] strategies;
    private final Instrument[] instruments;
    private final int unknown;
    private final CounterDataPoint[] received;
    private final CounterDataPoint[] accepted;
    private final CounterDataPoint[][] rejected;
    private final CounterDataPoint[][] fills;
    private final SingleWriterHistogram orderToAck;
    private final SingleWriterHistogram orderToFill;
    private final CounterDataPoint adminUnauthorized;
    private final Counter adminCommands;

    // Sources of the sampled gauges, set once by attach() on the gateway thread.
    private OrderGateway gateway;
    private OrderCommandIntake intake;
    private MarketDataDecoder decoder;
    private SequenceGapDetector gaps;
    private OrderJournal journal;
    private long lastSampleNanos = Long.MIN_VALUE;

    // Written by the gateway thread in sampleIfDue(), read by the scrape thread after reading 'published'.
    private final long[] openOrders;
    private final long[] riskState;
    private final long[] dailyPnl;
    private final long[][] positionQty;
    private final long[][] positionNotional;
    private final long[] decodeOutcomes = new long[OUTCOMES.length];
    private long killSwitch;
    private long venueWeight;
    private long venueUnknown;
    private long intakeFrames;
    private long intakeMalformed;
    private long marketDataGaps;
    private long ready;
    private long journalRecords;
    private long journalBytes;
    private long journalSyncs;
    private long journalSyncNanos;
    private long journalSyncMaxNanos;
    private volatile long published;

    /**
     * Registers every series in {@code registry}.
     *
     * @param strategies  the strategy names in risk-engine id order
     * @param instruments the instruments the gateway trades, as configured (the same objects)
     */
    public GatewayMetrics(PrometheusRegistry registry, List<String> strategies, List<Instrument> instruments) {
        this.strategies = strategies.toArray(new String[0]);
        this.instruments = instruments.toArray(new Instrument[0]);
        this.unknown = this.strategies.length;
        int ns = this.strategies.length;
        int ni = this.instruments.length;

        Counter receivedCounter = Counter.builder().name("ttquant_gateway_orders_received_total")
                .help("Order commands received (new, cancel, replace), before any check, by strategy")
                .labelNames("strategy").withoutExemplars().register(registry);
        Counter acceptedCounter = Counter.builder().name("ttquant_gateway_orders_accepted_total")
                .help("New orders that passed validation and risk and were routed to the venue, by strategy")
                .labelNames("strategy").withoutExemplars().register(registry);
        Counter rejectedCounter = Counter.builder().name("ttquant_gateway_orders_rejected_total")
                .help("Commands refused by the gateway or its risk engine, by strategy and reason")
                .labelNames("strategy", "reason").withoutExemplars().register(registry);
        Counter fillCounter = Counter.builder().name("ttquant_gateway_fills_total")
                .help("Fills reported by the venue, by strategy and symbol")
                .labelNames("strategy", "symbol").withoutExemplars().register(registry);
        received = new CounterDataPoint[ns + 1];
        accepted = new CounterDataPoint[ns + 1];
        rejected = new CounterDataPoint[ns + 1][REASONS.length];
        fills = new CounterDataPoint[ns][ni];
        for (int s = 0; s <= ns; s++) {
            String label = strategyLabel(s);
            received[s] = receivedCounter.labelValues(label);
            accepted[s] = acceptedCounter.labelValues(label);
            for (RejectReason r : REASONS) {
                rejected[s][r.ordinal()] = rejectedCounter.labelValues(label, reasonLabel(r));
            }
            for (int i = 0; s < ns && i < ni; i++) {
                fills[s][i] = fillCounter.labelValues(label, this.instruments[i].symbol());
            }
        }
        orderToAck = new SingleWriterHistogram("ttquant_gateway_order_to_ack_seconds",
                "Time from the gateway receiving a new order to the venue acknowledging it", LATENCY_BUCKETS);
        registry.register(orderToAck);
        orderToFill = new SingleWriterHistogram("ttquant_gateway_order_to_fill_seconds",
                "Time from the gateway receiving a new order to its first fill", LATENCY_BUCKETS);
        registry.register(orderToFill);
        adminUnauthorized = Counter.builder().name("ttquant_gateway_admin_unauthorized_total")
                .help("Admin requests refused for a missing or wrong token").register(registry).labelValues();
        adminCommands = Counter.builder().name("ttquant_gateway_admin_commands_total")
                .help("Admin commands carried out, by command").labelNames("command").register(registry);
        for (String c : new String[] {"engage", "release", "status"}) {
            adminCommands.labelValues(c);
        }

        openOrders = new long[ns];
        riskState = new long[ns];
        dailyPnl = new long[ns];
        positionQty = new long[ns][ni];
        positionNotional = new long[ns][ni];
        registerGauges(registry);
    }

    private void registerGauges(PrometheusRegistry registry) {
        GaugeWithCallback.builder().name("ttquant_gateway_open_orders")
                .help("Orders open at the venue, by strategy (as the risk engine books them)").labelNames("strategy")
                .callback(cb -> {
                    if (published != 0) {
                        for (int s = 0; s < openOrders.length; s++) {
                            cb.call(openOrders[s], strategies[s]);
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_gateway_position")
                .help("Net position in base units, by strategy and symbol").labelNames("strategy", "symbol")
                .callback(cb -> {
                    if (published != 0) {
                        for (int s = 0; s < positionQty.length; s++) {
                            for (int i = 0; i < instruments.length; i++) {
                                cb.call(Fixed.toDouble(positionQty[s][i], instruments[i].qtyScale()), strategies[s],
                                        instruments[i].symbol());
                            }
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_gateway_account_position")
                .help("Net position of the account in base units, by symbol: the exact sum over the strategies")
                .labelNames("symbol")
                .callback(cb -> {
                    if (published != 0) {
                        for (int i = 0; i < instruments.length; i++) {
                            long sum = 0;
                            for (long[] strategy : positionQty) {
                                sum = Math.addExact(sum, strategy[i]);
                            }
                            cb.call(Fixed.toDouble(sum, instruments[i].qtyScale()), instruments[i].symbol());
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_gateway_position_notional")
                .help("Signed market value of the position at the last price, in the quote asset, by strategy and symbol")
                .labelNames("strategy", "symbol")
                .callback(cb -> {
                    if (published != 0) {
                        for (int s = 0; s < positionNotional.length; s++) {
                            for (int i = 0; i < instruments.length; i++) {
                                cb.call(Fixed.toDouble(positionNotional[s][i], Fixed.CASH_SCALE), strategies[s],
                                        instruments[i].symbol());
                            }
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_gateway_risk_state")
                .help("Effective trading state by strategy: 0 ACTIVE, 1 REDUCE_ONLY, 2 HALTED").labelNames("strategy")
                .callback(cb -> {
                    if (published != 0) {
                        for (int s = 0; s < riskState.length; s++) {
                            cb.call(riskState[s], strategies[s]);
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_gateway_daily_pnl")
                .help("Realised (after fees) plus unrealised PnL since the last UTC midnight, quote asset, by strategy")
                .labelNames("strategy")
                .callback(cb -> {
                    if (published != 0) {
                        for (int s = 0; s < dailyPnl.length; s++) {
                            cb.call(Fixed.toDouble(dailyPnl[s], Fixed.CASH_SCALE), strategies[s]);
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_gateway_kill_switch")
                .help("1 while the global kill switch is engaged, else 0")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(killSwitch);
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_gateway_venue_weight_used")
                .help("Request weight used in the venue's current window (0 for the paper venue, which has none)")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(venueWeight);
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_gateway_venue_unknown_orders")
                .help("Orders whose state the venue does not know yet (being resolved by query)")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(venueUnknown);
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_gateway_ready")
                .help("1 while the gateway accepts new orders; 0 while it reconciles after a restart or refuses to trade "
                        + "(journal unreadable or failed, reconciliation failed): GET /admin/status says why")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(ready);
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_gateway_journal_records_total")
                .help("Records appended to the order journal since start")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(journalRecords);
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_gateway_journal_bytes_total")
                .help("Bytes appended to the order journal since start")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(journalBytes);
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_gateway_journal_syncs_total")
                .help("Order journal syncs (fsync) since start")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(journalSyncs);
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_gateway_journal_sync_seconds_total")
                .help("Time spent in order journal syncs since start")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(journalSyncNanos / 1e9);
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ttquant_gateway_journal_sync_max_seconds")
                .help("Longest order journal sync since start")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(journalSyncMaxNanos / 1e9);
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_gateway_intake_frames_total")
                .help("Frames taken off the order socket")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(intakeFrames);
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_gateway_intake_malformed_total")
                .help("Frames on the order socket that were no valid order command")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(intakeMalformed);
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_gateway_marketdata_messages_total")
                .help("Market data messages received from the bus, by decode outcome (ok reached the paper venue)")
                .labelNames("outcome")
                .callback(cb -> {
                    if (published != 0) {
                        for (DecodeOutcome o : OUTCOMES) {
                            cb.call(decodeOutcomes[o.ordinal()], o.name().toLowerCase(Locale.ROOT));
                        }
                    }
                }).register(registry);
        CounterWithCallback.builder().name("ttquant_gateway_marketdata_gaps_total")
                .help("Market data messages lost on the bus (gaps in the per-topic sequence numbers)")
                .callback(cb -> {
                    if (published != 0) {
                        cb.call(marketDataGaps);
                    }
                }).register(registry);
    }

    /**
     * Names the sources of the sampled gauges; called once on the gateway thread after the gateway is
     * built. {@code decoder} and {@code gaps} are null when the gateway subscribes to no market data.
     */
    public void attach(OrderGateway gateway, OrderCommandIntake intake, MarketDataDecoder decoder, SequenceGapDetector gaps) {
        this.gateway = gateway;
        this.intake = intake;
        this.decoder = decoder;
        this.gaps = gaps;
    }

    /** Names the order journal whose counters are sampled (null: none); gateway thread, once, after {@link #attach}. */
    public void attachJournal(OrderJournal journal) {
        this.journal = journal;
    }

    /** Samples the gauges when the last sample is at least {@link #SAMPLE_INTERVAL_NANOS} old; true when it did. */
    public boolean sampleIfDue(long nowNanos) {
        if (lastSampleNanos != Long.MIN_VALUE && nowNanos - lastSampleNanos < SAMPLE_INTERVAL_NANOS) {
            return false;
        }
        sample(nowNanos);
        return true;
    }

    /** Samples the gauges now (gateway thread). Reads only; allocates nothing. */
    public void sample(long nowNanos) {
        lastSampleNanos = nowNanos;
        OrderGateway g = gateway;
        if (g == null) {
            return;
        }
        RiskEngine risk = g.risk();
        for (int s = 0; s < strategies.length; s++) {
            openOrders[s] = risk.openOrders(s);
            riskState[s] = risk.state(s).ordinal();
            dailyPnl[s] = risk.dailyPnl(s);
            for (int i = 0; i < instruments.length; i++) {
                Position p = g.position(strategies[s], instruments[i].symbol());
                long qty = p == null ? 0 : p.netQty();
                positionQty[s][i] = qty;
                positionNotional[s][i] = qty >= 0 ? p == null ? 0 : p.exposure() : -p.exposure();
            }
        }
        killSwitch = g.isKillSwitchEngaged() ? 1 : 0;
        ready = g.isReady() ? 1 : 0;
        OrderJournal j = journal;
        if (j != null) {
            journalRecords = j.records();
            journalBytes = j.bytes();
            journalSyncs = j.syncs();
            journalSyncNanos = j.syncNanosTotal();
            journalSyncMaxNanos = j.syncNanosMax();
        }
        venueWeight = Math.max(0, g.venue().requestWeightUsed());
        venueUnknown = g.venue().unknownOrders();
        if (intake != null) {
            intakeFrames = intake.frames();
            intakeMalformed = intake.malformed();
        }
        if (decoder != null) {
            for (DecodeOutcome o : OUTCOMES) {
                decodeOutcomes[o.ordinal()] = decoder.count(o);
            }
        }
        if (gaps != null) {
            marketDataGaps = gaps.missing();
        }
        published = nowNanos == 0 ? 1 : nowNanos;
    }

    // ---------------------------------------------------------------- GatewayObserver (gateway thread)

    @Override
    public void onReceived(int strategy) {
        received[slot(strategy)].inc();
    }

    @Override
    public void onRouted(int strategy, Instrument instrument) {
        accepted[slot(strategy)].inc();
    }

    @Override
    public void onRejected(int strategy, RejectReason reason) {
        rejected[slot(strategy)][reason.ordinal()].inc();
    }

    @Override
    public void onAcknowledged(int strategy, long latencyNanos) {
        orderToAck.record(latencyNanos);
    }

    @Override
    public void onFill(int strategy, Instrument instrument, long qty, long price, boolean firstFill, long latencyNanos) {
        int i = instrumentIndex(instrument);
        if (strategy >= 0 && strategy < strategies.length && i >= 0) {
            fills[strategy][i].inc();
        }
        if (firstFill) {
            orderToFill.record(latencyNanos);
        }
    }

    // ---------------------------------------------------------------- admin (any thread)

    /** A request to the admin endpoint came without the right token. */
    public void onAdminUnauthorized() {
        adminUnauthorized.inc();
    }

    /** An admin command was carried out: engage, release or status. */
    public void onAdminCommand(String command) {
        adminCommands.labelValues(command).inc();
    }

    // ---------------------------------------------------------------- reads for tests

    /** Order-to-ack latencies recorded so far. */
    public long acknowledgements() {
        return orderToAck.count();
    }

    /** Order-to-first-fill latencies recorded so far. */
    public long firstFills() {
        return orderToFill.count();
    }

    private int slot(int strategy) {
        return strategy >= 0 && strategy < unknown ? strategy : unknown;
    }

    private int instrumentIndex(Instrument instrument) {
        Instrument[] list = instruments;
        for (int i = 0; i < list.length; i++) {
            if (list[i] == instrument) {
                return i;
            }
        }
        for (int i = 0; i < list.length; i++) {
            if (list[i].symbol().equals(instrument.symbol())) {
                return i;
            }
        }
        return -1;
    }

    private String strategyLabel(int s) {
        return s < strategies.length ? strategies[s] : GatewayConfig.UNKNOWN_STRATEGY;
    }

    /** The reason as a label: its name in lower case ({@code kill_switch_engaged}). */
    static String reasonLabel(RejectReason r) {
        return r.name().toLowerCase(Locale.ROOT);
    }
}
