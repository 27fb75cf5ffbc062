package io.ttquant.app.marketdata;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import io.ttquant.app.metrics.SingleWriterHistogram;
import io.ttquant.binance.stream.StreamEventKind;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The market data service's Prometheus metrics ({@code ttquant_marketdata_*}): messages per stream
 * and symbol, decode errors, reconnects, book resyncs, backfilled and lost trades, exchange-to-receive
 * and receive-to-publish latency, and the age of the last message per stream.
 *
 * <p>Every labelled series on the per-message path is bound once at construction and indexed by
 * array, so counting a message never allocates; the latency histograms are single-writer ones.
 * The per-message methods are called from the feed's one thread only; the scrape reads on the
 * HTTP thread (the last-message times are plain longs
 * read racily: a scrape may see a value one message old, which is harmless for an age gauge).
 * Rare events (reconnects, resyncs) look their series up by label and may allocate.
 */
public final class MarketDataMetrics {
    private static final double[] LATENCY_BUCKETS = {
        0.000_005, 0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5,
        0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final List<Instrument> instruments;
    private final Clock clock;
    private final CounterDataPoint[][] messages;
    private final long[][] lastMessageNanos;
    private final CounterDataPoint[] published;
    private final SingleWriterHistogram exchangeToReceive;
    private final SingleWriterHistogram receiveToPublish;
    private final Counter decodeErrors;
    private final Counter reconnects;
    private final Counter resyncs;
    private final CounterDataPoint[] backfilled;
    private final CounterDataPoint[] lost;
    private final CounterDataPoint[] duplicates;
    private final CounterDataPoint negativeLatency;
    private final ConcurrentHashMap<String, CounterDataPoint> rare = new ConcurrentHashMap<>();

    public MarketDataMetrics(PrometheusRegistry registry, List<Instrument> instruments, Clock clock) {
        this.instruments = List.copyOf(instruments);
        this.clock = clock;
        StreamEventKind[] streams = StreamEventKind.values();
        Counter messageCounter = Counter.builder().name("ttquant_marketdata_messages_total")
                .help("Stream messages received and decoded, by stream kind and symbol")
                .labelNames("stream", "symbol").register(registry);
        messages = new CounterDataPoint[this.instruments.size()][streams.length];
        lastMessageNanos = new long[this.instruments.size()][streams.length];
        for (int i = 0; i < this.instruments.size(); i++) {
            for (StreamEventKind s : streams) {
                messages[i][s.ordinal()] = messageCounter.labelValues(label(s), this.instruments.get(i).symbol());
                lastMessageNanos[i][s.ordinal()] = Long.MIN_VALUE;
            }
        }
        Counter publishedCounter = Counter.builder().name("ttquant_marketdata_published_total")
                .help("Normalised events published, by kind").labelNames("kind").register(registry);
        published = new CounterDataPoint[MarketDataKind.values().length];
        for (MarketDataKind k : MarketDataKind.values()) {
            published[k.ordinal()] = publishedCounter.labelValues(k.topicName());
        }
        exchangeToReceive = new SingleWriterHistogram("ttquant_marketdata_exchange_to_receive_latency_seconds",
                "Exchange event time to local receive time (includes the clock offset between the exchange and this host)",
                LATENCY_BUCKETS);
        registry.register(exchangeToReceive);
        receiveToPublish = new SingleWriterHistogram("ttquant_marketdata_receive_to_publish_latency_seconds",
                "Local receive time of the stream message to the moment the normalised event was handed to the publishers",
                LATENCY_BUCKETS);
        registry.register(receiveToPublish);
        decodeErrors = Counter.builder().name("ttquant_marketdata_decode_errors_total")
                .help("Stream messages that could not be used, by reason").labelNames("reason").register(registry);
        reconnects = Counter.builder().name("ttquant_marketdata_reconnects_total")
                .help("WebSocket reconnects, by reason").labelNames("reason").register(registry);
        resyncs = Counter.builder().name("ttquant_marketdata_book_resyncs_total")
                .help("Local order book resynchronisations, by symbol and reason").labelNames("symbol", "reason").register(registry);
        Counter backfilledCounter = Counter.builder().name("ttquant_marketdata_backfilled_trades_total")
                .help("Trades recovered over REST after a gap in the trade stream").labelNames("symbol").register(registry);
        Counter lostCounter = Counter.builder().name("ttquant_marketdata_lost_trades_total")
                .help("Trade ids given up on after backfill retries were exhausted").labelNames("symbol").register(registry);
        Counter duplicateCounter = Counter.builder().name("ttquant_marketdata_duplicate_events_total")
                .help("Events dropped because they were already seen (reconnect overlaps)").labelNames("symbol").register(registry);
        backfilled = new CounterDataPoint[this.instruments.size()];
        lost = new CounterDataPoint[this.instruments.size()];
        duplicates = new CounterDataPoint[this.instruments.size()];
        for (int i = 0; i < this.instruments.size(); i++) {
            String symbol = this.instruments.get(i).symbol();
            backfilled[i] = backfilledCounter.labelValues(symbol);
            lost[i] = lostCounter.labelValues(symbol);
            duplicates[i] = duplicateCounter.labelValues(symbol);
        }
        negativeLatency = Counter.builder().name("ttquant_marketdata_clock_behind_exchange_total")
                .help("Messages received before their exchange time (local clock behind the exchange's)")
                .register(registry).labelValues();
        GaugeWithCallback.builder().name("ttquant_marketdata_last_message_age_seconds")
                .help("Seconds since the last message of each stream and symbol was received")
                .unit(Unit.SECONDS).labelNames("stream", "symbol")
                .callback(cb -> {
                    long now = clock.nanos();
                    for (int i = 0; i < lastMessageNanos.length; i++) {
                        for (StreamEventKind s : streams) {
                            long last = lastMessageNanos[i][s.ordinal()];
                            if (last != Long.MIN_VALUE) {
                                cb.call(Math.max(0, now - last) / 1e9, label(s), this.instruments.get(i).symbol());
                            }
                        }
                    }
                })
                .register(registry);
    }

    /** A stream message of {@code stream} for instrument number {@code instrumentIndex} was decoded. */
    public void onMessage(int instrumentIndex, StreamEventKind stream, long exchangeTimeNanos, long receiveTimeNanos) {
        messages[instrumentIndex][stream.ordinal()].inc();
        lastMessageNanos[instrumentIndex][stream.ordinal()] = receiveTimeNanos;
        if (hasExchangeTime(stream)) {
            long d = receiveTimeNanos - exchangeTimeNanos;
            if (d < 0) {
                negativeLatency.inc();
            }
            exchangeToReceive.record(d);
        }
    }

    /** A normalised event received at {@code receiveTimeNanos} was handed to the publishers at {@code publishTimeNanos}. */
    public void onPublished(MarketDataKind kind, long receiveTimeNanos, long publishTimeNanos) {
        published[kind.ordinal()].inc();
        receiveToPublish.record(publishTimeNanos - receiveTimeNanos);
    }

    public void onDecodeError(String reason) {
        rareSeries(decodeErrors, "decode", reason).inc();
    }

    public void onReconnect(String reason) {
        rareSeries(reconnects, "reconnect", reason).inc();
    }

    public void onResync(String symbol, String reason) {
        rareSeries(resyncs, "resync", symbol, reason).inc();
    }

    public void onBackfilled(int instrumentIndex, long trades) {
        backfilled[instrumentIndex].inc(trades);
    }

    public void onLost(int instrumentIndex, long trades) {
        lost[instrumentIndex].inc(trades);
    }

    public void onDuplicate(int instrumentIndex) {
        duplicates[instrumentIndex].inc();
    }

    public long nowNanos() {
        return clock.nanos();
    }

    /** The stream's label: Binance's name for it. */
    static String label(StreamEventKind kind) {
        return switch (kind) {
            case TRADE -> "trade";
            case AGG_TRADE -> "aggTrade";
            case BOOK_TICKER -> "bookTicker";
            case DEPTH_DIFF -> "depth";
            case PARTIAL_DEPTH -> "partialDepth";
            case KLINE -> "kline";
            case SERVER_SHUTDOWN -> "serverShutdown";
        };
    }

    /** Spot bookTicker and partial depth messages carry no event time. */
    private static boolean hasExchangeTime(StreamEventKind kind) {
        return kind != StreamEventKind.BOOK_TICKER && kind != StreamEventKind.PARTIAL_DEPTH;
    }

    private CounterDataPoint rareSeries(Counter counter, String family, String... labels) {
        String key = family + '|' + String.join("|", labels);
        return rare.computeIfAbsent(key, k -> counter.labelValues(normalise(labels)));
    }

    private static String[] normalise(String[] labels) {
        String[] out = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == null ? "unknown" : labels[i];
        }
        return out;
    }
}
