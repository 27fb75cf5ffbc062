package io.ttquant.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.data.FileFormat;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.MarketDataKind;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.time.SystemEpochClock;
import io.ttquant.transport.MarketDataPublisher;
import io.ttquant.transport.codec.MarketDataDecoder;
import io.ttquant.transport.codec.SymbolTable;
import io.ttquant.transport.zmq.ZmqMarketDataAdapter;
import io.ttquant.transport.zmq.ZmqSubscriber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;

/** The market data service with its offline sources: the synthetic market over ZeroMQ, and recorded files. */
class MarketDataServiceOfflineTest {
    @TempDir
    Path dir;

    @Test
    void shouldPublishTheSyntheticMarketOverZeroMqWithContiguousSequencesPerTopic() throws Exception {
        Instrument btc = Instruments.binanceSpot("BTCUSDT");
        Instrument eth = Instruments.binanceSpot("ETHUSDT");
        MarketDataConfig config = MarketDataConfig.builder().source(MarketDataConfig.Source.SYNTHETIC).instrument(btc).instrument(eth)
                .speed(50).publishEndpoint("tcp://127.0.0.1:0").build();
        try (MarketDataService service = MarketDataService.start(config, SystemEpochClock.instance(), List.of());
             ZContext context = new ZContext(1)) {
            assertThat(service.publishEndpoint()).startsWith("tcp://127.0.0.1:").doesNotEndWith(":0");
            List<String> seen = new ArrayList<>();
            ZmqSubscriber subscriber = new ZmqSubscriber(context, new ZmqSubscriber.Config()
                    .connect(service.publishEndpoint()).subscribe("md.binance.BTCUSDT."));
            ZmqMarketDataAdapter adapter = new ZmqMarketDataAdapter(subscriber, new MarketDataDecoder(SymbolTable.of(btc, eth)),
                    e -> seen.add(e.instrument().symbol() + "." + e.kind().topicName() + "@" + e.exchangeTimeNanos()));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (seen.size() < 500 && System.nanoTime() < deadline) {
                adapter.awaitOne();
                adapter.doWork();
            }
            assertThat(seen).as("received; the service had sent %d, the subscriber took %d frames (%d malformed)",
                    service.zmqSent(), subscriber.received(), subscriber.malformed()).hasSizeGreaterThanOrEqualTo(500);
            assertThat(seen).allMatch(s -> s.startsWith("BTCUSDT."));
            assertThat(seen).anyMatch(s -> s.startsWith("BTCUSDT.trade@")).anyMatch(s -> s.startsWith("BTCUSDT.quote@"));
            assertThat(adapter.gaps().missing()).as("no message lost on a fast loopback subscriber").isZero();
            assertThat(adapter.decoder().rejected()).isZero();
            adapter.close();
        }
    }

    @Test
    void shouldReplayARecordedTradeFileInOrderAsFastAsPossible() throws Exception {
        Path file = dir.resolve("BTCUSDT-trades.csv");
        StringBuilder csv = new StringBuilder();
        long t0 = 1_723_161_255_342L;
        for (int i = 0; i < 2_000; i++) {
            csv.append(1000 + i).append(',').append("61837.").append(10 + i % 80).append(",0.00100000,61.83,")
                    .append(t0 + i * 7L).append(',').append(i % 3 == 0 ? "true" : "false").append(",true\n");
        }
        Files.writeString(file, csv);
        Recorder recorder = new Recorder();
        MarketDataConfig config = MarketDataConfig.builder().instrument(Instruments.binanceSpot("BTCUSDT"))
                .replay("BTCUSDT", file).replayFormat(FileFormat.BINANCE_TRADES).speed(0).build();
        try (MarketDataService service = MarketDataService.start(config, SystemEpochClock.instance(), List.of(recorder))) {
            ReplayFeed feed = (ReplayFeed) service.feed();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!feed.isFinished() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(feed.isFinished()).isTrue();
            assertThat(recorder.tradeIds).hasSize(2_000);
            for (int i = 0; i < 2_000; i++) {
                assertThat(recorder.tradeIds.get(i)).isEqualTo(1000L + i);
            }
            assertThat(recorder.receiveTimesAscending()).isTrue();
        }
    }

    @Test
    void shouldRefuseBadSettingsWithOneLineReasons() {
        Instrument btc = Instruments.binanceSpot("BTCUSDT");
        assertThatThrownBy(() -> MarketDataConfig.builder().build()).hasMessageContaining("no symbols");
        assertThatThrownBy(() -> MarketDataConfig.builder().instrument(btc).urls("ftp://x", "ws://y").build())
                .hasMessageContaining("REST URL");
        assertThatThrownBy(() -> MarketDataConfig.builder().instrument(btc).replay("ETHUSDT", dir).replayFormat(FileFormat.CSV).build())
                .hasMessageContaining("no replay file for BTCUSDT");
        assertThatThrownBy(() -> MarketDataConfig.builder().instrument(btc).publishEndpoint("localhost:5556").build())
                .hasMessageContaining("publish endpoint");
        assertThatThrownBy(() -> MarketDataConfig.builder().instrument(btc).speed(-1).build()).hasMessageContaining("speed");
        assertThatThrownBy(() -> MarketDataConfig.builder().instrument(btc).instrument(btc).build()).hasMessageContaining("twice");
    }

    @Test
    void shouldFailToStartWithAClearReasonWhenTheVenueIsUnreachable() {
        MarketDataConfig config = MarketDataConfig.builder().instrument(Instruments.binanceSpot("BTCUSDT"))
                .urls("http://127.0.0.1:1", "ws://127.0.0.1:1").build();
        assertThatThrownBy(() -> MarketDataService.start(config, SystemEpochClock.instance(), List.of()))
                .hasMessageContaining("cannot read the exchange rules from http://127.0.0.1:1");
    }

    /** An in-process consumer keeping trade ids and receive times. */
    private static final class Recorder implements MarketDataPublisher {
        final List<Long> tradeIds = new CopyOnWriteArrayList<>();
        final List<Long> receiveTimes = new CopyOnWriteArrayList<>();

        @Override
        public boolean publish(MarketEvent event) {
            if (event.kind() == MarketDataKind.TRADE) {
                tradeIds.add(((TradeTick) event).tradeId());
                receiveTimes.add(event.receiveTimeNanos());
            }
            return true;
        }

        boolean receiveTimesAscending() {
            for (int i = 1; i < receiveTimes.size(); i++) {
                if (receiveTimes.get(i) < receiveTimes.get(i - 1)) {
                    return false;
                }
            }
            return true;
        }
    }
}
