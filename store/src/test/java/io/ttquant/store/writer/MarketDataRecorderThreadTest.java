package io.ttquant.store.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.instrument.Instruments;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorder with its own writer thread and a producer on another thread. */
class MarketDataRecorderThreadTest {
    private static final Instrument BTC = Instruments.binanceSpot("BTCUSDT");

    @Test
    void shouldWriteOrCountAsDroppedEveryOfferedRowOnceAndInOrderWhileTheWriterRunsConcurrently() throws Exception {
        FakeMarketDataStore store = new FakeMarketDataStore(System::nanoTime);
        RecorderConfig config = RecorderConfig.builder().queues(1024, 1024, 16, 16).batchRows(128)
                .flushInterval(Duration.ofMillis(5)).idle(Duration.ofMillis(1)).build();
        MarketDataRecorder recorder = MarketDataRecorder.start(store, config);
        int n = 300_000;
        long[] accepted = new long[2];
        Thread tradeProducer = new Thread(() -> {
            TradeTick t = new TradeTick();
            for (int i = 0; i < n; i++) {
                t.set(BTC, i, i, 1 + i, 1, Side.BUY, i);
                if (recorder.recordTrade("binance", t)) {
                    accepted[0]++;
                }
            }
        });
        Thread quoteProducer = new Thread(() -> {
            QuoteTick q = new QuoteTick();
            for (int i = 0; i < n; i++) {
                q.set(BTC, i, i, i, 1, i + 1, 1);
                if (recorder.recordQuote("binance", q)) {
                    accepted[1]++;
                }
            }
        });
        tradeProducer.start();
        quoteProducer.start();
        tradeProducer.join();
        quoteProducer.join();
        assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
        recorder.close();

        RecorderStats s = recorder.stats();
        List<FakeMarketDataStore.Trade> trades = store.trades();
        assertThat(trades).hasSize((int) accepted[0]);
        assertThat(s.rowsWritten(RecordedStream.TRADES) + s.dropped(RecordedStream.TRADES, DropReason.QUEUE_FULL)).isEqualTo(n);
        assertThat(s.rowsWritten(RecordedStream.QUOTES) + s.dropped(RecordedStream.QUOTES, DropReason.QUEUE_FULL)).isEqualTo(n);
        assertThat(store.quotes).hasSize((int) accepted[1]);
        for (int i = 1; i < trades.size(); i++) {
            FakeMarketDataStore.Trade t = trades.get(i);
            assertThat(t.tradeId()).as("ids ascend: nothing twice, nothing reordered").isGreaterThan(trades.get(i - 1).tradeId());
            assertThat(t.price()).as("a row is never torn").isEqualTo(1 + t.tradeId());
            assertThat(t.time()).isEqualTo(t.tradeId());
        }
        for (int i = 1; i < store.quotes.size(); i++) {
            FakeMarketDataStore.Quote q = store.quotes.get(i);
            assertThat(q.time()).isGreaterThan(store.quotes.get(i - 1).time());
            assertThat(q.askPrice()).isEqualTo(q.bidPrice() + 1);
        }
        assertThat(s.state()).isEqualTo(WriterState.CLOSED);
    }

    @Test
    void shouldMakeTheWriterThreadWriteEverythingOfferedBeforeAFlushWithoutWaitingForTheInterval() {
        FakeMarketDataStore store = new FakeMarketDataStore(System::nanoTime);
        RecorderConfig config = RecorderConfig.builder().flushInterval(Duration.ofHours(1)).build();
        try (MarketDataRecorder recorder = MarketDataRecorder.start(store, config)) {
            TradeTick t = new TradeTick();
            for (int i = 0; i < 1_000; i++) {
                recorder.recordTrade("binance", t.set(BTC, i, i, 1, 1, null, i));
            }
            recorder.flush();
            assertThat(store.trades()).hasSize(1_000);
            assertThat(store.trades().get(999).aggressor()).isZero();
            assertThat(recorder.stats().batchesWritten(RecordedStream.TRADES)).isEqualTo(1);
        }
    }
}
