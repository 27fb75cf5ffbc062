package io.ttquant.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttquant.core.data.MarketDataSource;
import io.ttquant.core.instrument.Instrument;
import io.ttquant.core.marketdata.Bar;
import io.ttquant.core.marketdata.MarketEvent;
import io.ttquant.core.marketdata.QuoteTick;
import io.ttquant.core.marketdata.TradeTick;
import io.ttquant.core.order.Side;
import io.ttquant.store.MarketDataStoreStub;
import io.ttquant.store.batch.BarBatch;
import io.ttquant.store.batch.BookSnapshotBatch;
import io.ttquant.store.batch.QuoteBatch;
import io.ttquant.store.batch.TradeBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketDataImporterTest {
    private static final Instrument BTC = InstrumentRules.resolve("BTCUSDT", null, null, null);
    private static final long T0 = 1_704_067_200_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long US = 1_000L;

    /** Records the calls an importer makes, in order. */
    private static final class RecordingStore extends MarketDataStoreStub {
        final List<String> calls = new ArrayList<>();
        final List<Long> writtenTimes = new ArrayList<>();

        @Override
        public void writeTrades(TradeBatch batch) {
            calls.add("write " + batch.size());
            for (int i = 0; i < batch.size(); i++) {
                writtenTimes.add(batch.timeNanos(i));
                assertThat(batch.recvNanos(i)).isZero();
                assertThat(batch.venue(i)).isEqualTo("binance");
            }
        }

        @Override
        public void writeQuotes(QuoteBatch batch) {
            calls.add("quotes " + batch.size());
        }

        @Override
        public void writeBars(BarBatch batch) {
            calls.add("bars " + batch.size());
        }

        @Override
        public void writeBookSnapshots(BookSnapshotBatch batch) {
            calls.add("books " + batch.size());
        }

        @Override
        public long deleteTrades(String venue, String symbol, long fromNanos, long toNanos) {
            calls.add("delete " + symbol + " [" + (fromNanos - T0) / US + "us, " + (toNanos - T0) / US + "us)");
            return 1;
        }
    }

    /** Hands out prepared events. */
    private static MarketDataSource source(List<? extends MarketEvent> events) {
        return new MarketDataSource() {
            private int next;

            @Override
            public boolean advance() {
                return next++ < events.size();
            }

            @Override
            public MarketEvent current() {
                return events.get(next - 1);
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public long skippedRows() {
                return 4;
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<TradeTick> tradesAtMillis(long... offsets) {
        List<TradeTick> list = new ArrayList<>();
        for (int i = 0; i < offsets.length; i++) {
            list.add(new TradeTick().set(BTC, T0 + offsets[i] * MS, T0 + offsets[i] * MS, BTC.price("42000"), BTC.qty("0.1"),
                    Side.BUY, 10 + i));
        }
        return list;
    }

    @Test
    void shouldClearExactlyTheFilesTimeRangeAheadOfEachBatch() {
        RecordingStore store = new RecordingStore();
        MarketDataImporter importer = new MarketDataImporter(store, "binance", 2, () -> 0);

        ImportResult r = importer.importSource("f.csv", "BTCUSDT", source(tradesAtMillis(0, 0, 0, 1, 1, 1, 2, 7)));

        // batches {0,0} {0,1} {1,1} {2,7}: each deletion starts where the last one ended, the first at the first row
        assertThat(store.calls).containsExactly(
                "delete BTCUSDT [0us, 1us)", "write 2",
                "delete BTCUSDT [1us, 1001us)", "write 2",
                "write 2",
                "delete BTCUSDT [1001us, 7001us)", "write 2");
        assertThat(store.writtenTimes).hasSize(8);
        assertThat(r.rows()).isEqualTo(8);
        assertThat(r.replaced()).isEqualTo(3);
        assertThat(r.skipped()).isEqualTo(4);
        assertThat(r.firstNanos()).isEqualTo(T0);
        assertThat(r.lastNanos()).isEqualTo(T0 + 7 * MS);
        assertThat(r.kind()).isEqualTo("trades");
    }

    @Test
    void shouldUpsertBarsWithoutDeletingAnything() {
        RecordingStore store = new RecordingStore();
        MarketDataImporter importer = new MarketDataImporter(store, "binance", 2, () -> 0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long p = BTC.price("42000");
            bars.add(new Bar().set(BTC, T0 + i * 60_000 * MS, 60_000 * MS, p, p, p, p, BTC.qty("1")));
        }

        ImportResult r = importer.importSource("k.csv", "BTCUSDT", source(bars));

        assertThat(store.calls).containsExactly("bars 2", "bars 1");
        assertThat(r.kind()).isEqualTo("bars");
        assertThat(r.lastNanos()).isEqualTo(T0 + 120_000 * MS);
        assertThat(r.replaced()).isZero();
    }

    @Test
    void shouldWriteNothingForAnEmptyFile() {
        RecordingStore store = new RecordingStore();
        MarketDataImporter importer = new MarketDataImporter(store, "binance", 2, () -> 0);

        ImportResult r = importer.importSource("empty.csv", "BTCUSDT", source(List.of()));

        assertThat(store.calls).isEmpty();
        assertThat(r.rows()).isZero();
    }

    @Test
    void shouldRefuseQuotes() {
        MarketDataImporter importer = new MarketDataImporter(new RecordingStore(), "binance", 2, () -> 0);
        QuoteTick q = new QuoteTick();

        assertThatThrownBy(() -> importer.importSource("q.csv", "BTCUSDT", source(List.of(q))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only trades and bars");
    }
}
