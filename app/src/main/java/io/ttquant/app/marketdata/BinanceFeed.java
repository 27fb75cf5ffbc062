package io.ttquant.app.marketdata;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.ttquant.binance.BinanceEndpoints;
import io.ttquant.binance.rest.MarketRestClient;
import io.ttquant.binance.rest.RestClientConfig;
import io.ttquant.binance.stream.StreamEventSink;
import io.ttquant.binance.ws.DisconnectReason;
import io.ttquant.binance.ws.StreamClient;
import io.ttquant.binance.ws.StreamClientConfig;
import io.ttquant.binance.ws.StreamListener;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.BookUpdate;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.time.Clock;
import io.ttquant.transport.MarketDataPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The live feed for a Binance-protocol endpoint (Binance, its testnet, or the local exchange
 * simulator): one combined WebSocket stream kept alive by {@link StreamClient}, REST snapshots and
 * backfills from {@link MarketRestClient}, and the {@link FeedPipeline} that turns messages into
 * normalised, exact events.
 *
 * <p>Everything runs on one event loop thread: frames, REST answers (handed back to the loop by
 * the REST client), the housekeeping tick and publishing. It must never block that thread.
 */
public final class BinanceFeed implements MarketFeed, StreamListener {
    private static final System.Logger LOG = System.getLogger(BinanceFeed.class.getName());
    private static final long TICK_MILLIS = 50;

    private final MarketDataConfig config;
    private final EventLoop loop;
    private final Clock clock;
    private final MarketDataMetrics metrics;
    private final MarketRestClient rest;
    private final StreamClient client;
    private final FeedPipeline pipeline;
    private byte[] frame = new byte[64 * 1024];
    private ScheduledFuture<?> tick;

    public BinanceFeed(MarketDataConfig config, List<Instrument> instruments, EventLoop loop, Clock clock,
                       MarketDataPublisher publisher, MarketDataMetrics metrics) {
        this.config = config;
        this.loop = loop;
        this.clock = clock;
        this.metrics = metrics;
        BinanceEndpoints endpoints = BinanceEndpoints.of(config.source().name().toLowerCase(Locale.ROOT), config.restUrl(), config.wsUrl());
        this.rest = new MarketRestClient(RestClientConfig.builder(endpoints, clock).build(), loop);
        this.client = new StreamClient(StreamClientConfig.builder(endpoints, clock).silenceTimeout(config.silenceTimeout())
                        .backoff(java.time.Duration.ofSeconds(1), config.maxReconnectBackoff()).stableAfter(config.stableAfter()).build(),
                loop, this);
        StreamEventSink onShutdown = new StreamEventSink() {
            @Override
            public void onServerShutdown(long eventTimeMillis) {
                LOG.log(System.Logger.Level.INFO, "server announced shutdown; switching connections");
                client.onServerShutdown();
            }
        };
        this.pipeline = new FeedPipeline(instruments, config.tradeStream(), clock, this::requestSnapshot, this::requestTrades,
                publisher, metrics, onShutdown);
    }

    /** The streams this feed subscribes to, by Binance's names. */
    public List<String> streamNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < pipeline.size(); i++) {
            String s = pipeline.instrument(i).symbol().toLowerCase(Locale.ROOT);
            names.add(s + (config.tradeStream() == MarketDataConfig.TradeStream.TRADE ? "@trade" : "@aggTrade"));
            if (config.quotes()) {
                names.add(s + "@bookTicker");
            }
            if (config.depth()) {
                names.add(s + "@depth@100ms");
            }
            if (config.klines()) {
                names.add(s + "@kline_1m");
            }
        }
        return names;
    }

    @Override
    public void start() {
        client.subscribe(streamNames().toArray(new String[0]));
        client.start();
        tick = loop.scheduleAtFixedRate(() -> pipeline.doWork(clock.nanos()), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public String describe() {
        return "Binance-protocol feed " + config.wsUrl() + " (" + pipeline.size() + " symbols, " + streamNames().size() + " streams)";
    }

    @Override
    public void close() {
        if (tick != null) {
            tick.cancel(false);
        }
        client.close();
    }

    @Override
    public void onText(ByteBuf text, long receiveTimeNanos) {
        int len = text.readableBytes();
        if (text.hasArray()) {
            pipeline.onMessage(text.array(), text.arrayOffset() + text.readerIndex(), len, receiveTimeNanos);
            return;
        }
        if (len > frame.length) {
            frame = new byte[Math.max(len, frame.length * 2)];
        }
        text.getBytes(text.readerIndex(), frame, 0, len);
        pipeline.onMessage(frame, 0, len, receiveTimeNanos);
    }

    @Override
    public void onConnected(int connectionId) {
        LOG.log(System.Logger.Level.INFO, "market data connection " + connectionId + " up: " + config.wsUrl());
    }

    @Override
    public void onDisconnected(int connectionId, DisconnectReason reason, String detail) {
        metrics.onReconnect(reason.name().toLowerCase(Locale.ROOT));
        LOG.log(System.Logger.Level.INFO, "market data connection " + connectionId + " down: " + reason
                + (detail == null ? "" : " (" + detail + ")"));
    }

    private void requestSnapshot(Instrument instrument) {
        int i = pipeline.indexOf(instrument);
        CompletableFuture<BookUpdate> answer = rest.depthSnapshot(instrument, config.snapshotLimit());
        answer.whenComplete((snapshot, error) -> {
            if (error != null) {
                pipeline.onSnapshotFailed(i, String.valueOf(error.getMessage()));
            } else {
                pipeline.onSnapshot(i, snapshot);
            }
        });
    }

    private void requestTrades(Instrument instrument, long fromId, int limit) {
        int i = pipeline.indexOf(instrument);
        CompletableFuture<List<TradeTick>> answer = config.tradeStream() == MarketDataConfig.TradeStream.TRADE
                ? rest.historicalTrades(instrument, fromId, limit)
                : rest.aggTrades(instrument, fromId, limit);
        answer.whenComplete((list, error) -> {
            if (error != null) {
                pipeline.onBackfillFailed(i, String.valueOf(error.getMessage()));
            } else {
                pipeline.onBackfill(i, list);
            }
        });
    }

    public FeedPipeline pipeline() {
        return pipeline;
    }

    public StreamClient client() {
        return client;
    }

    public MarketRestClient rest() {
        return rest;
    }
}
